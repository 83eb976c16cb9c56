import { err, ok, type Result } from '../time/result';

/** Queue groups (R-ORDER-02): out of turn (кезектен тыс), first priority (бірінші кезекте), general basis. */
export type Group = 'O' | 'P' | 'G';

type Labels = { readonly kk: string; readonly ru: string; readonly en: string };

type CategoryDefinition = {
  readonly code: string;
  readonly group: Group;
  /** Where the Rules (Order 254) grant it: §20 sub-paragraph and Annex 1 item. */
  readonly paragraph: string;
  /** The law that creates the right, where the Rules name one. */
  readonly basis?: string;
  readonly labels: Labels;
};

/**
 * Beneficiary categories of the privilege status (R-CAT, table 3.5), in Annex 1 order within each group.
 * Kazakh labels follow Annex 1; the Russian ones are our translation, as the source has no Russian text.
 */
export const CATEGORIES = [
  {
    code: 'military',
    group: 'O',
    paragraph: '§20(1); Ann.1 item 1',
    basis: 'Law "On military service and the status of military servants", art. 52(3)',
    labels: {
      kk: 'әскери қызметшінің, оның ішінде қызмет атқару кезінде қаза тапқанның, қайтыс болғанның немесе хабар-ошарсыз кеткеннің баласы',
      ru: 'ребёнок военнослужащего, в том числе погибшего, умершего или пропавшего без вести при исполнении служебных обязанностей',
      en: 'child of a service member, including one killed, deceased or missing in service',
    },
  },
  {
    code: 'specialStateBody',
    group: 'O',
    paragraph: '§20(1); Ann.1 item 2',
    basis: 'Law "On special state bodies", art. 78(8)',
    labels: {
      kk: 'арнаулы мемлекеттік орган қызметкерінің, оның ішінде қызмет атқару кезінде қаза тапқан, қайтыс болған немесе хабар-ошарсыз кеткен қызметкердің баласы',
      ru: 'ребёнок сотрудника специального государственного органа, в том числе погибшего, умершего или пропавшего без вести при исполнении служебных обязанностей',
      en: 'child of a special state body employee, including one killed, deceased or missing in service',
    },
  },
  {
    // out of turn by §20(1) although Annex 1 has no box for it.
    code: 'lawEnforcement',
    group: 'O',
    paragraph: '§20(1)',
    basis: 'Law "On law-enforcement service", art. 64(5)',
    labels: {
      kk: 'құқық қорғау органы қызметкерінің баласы',
      ru: 'ребёнок сотрудника правоохранительного органа',
      en: 'child of a law-enforcement officer',
    },
  },
  {
    code: 'disabledParent',
    group: 'P',
    paragraph: '§20(2); Ann.1 item 3',
    labels: {
      kk: 'заңды өкілдері мүгедек болып табылатындардың баласы',
      ru: 'ребёнок, законные представители которого являются лицами с инвалидностью',
      en: 'child whose legal representatives are persons with disabilities',
    },
  },
  {
    code: 'sen',
    group: 'P',
    paragraph: '§20(2); Ann.1 item 4',
    labels: {
      kk: 'ерекше білім берілуіне қажеттілігі бар бала',
      ru: 'ребёнок с особыми образовательными потребностями',
      en: 'child with special educational needs',
    },
  },
  {
    code: 'noParentalCare',
    group: 'P',
    paragraph: '§20(2); Ann.1 item 5',
    labels: {
      kk: 'ата-анасының қамқорлығынсыз қалған бала',
      ru: 'ребёнок, оставшийся без попечения родителей',
      en: 'child left without parental care',
    },
  },
  {
    code: 'orphan',
    group: 'P',
    paragraph: '§20(2); Ann.1 item 6',
    labels: { kk: 'жетім бала', ru: 'ребёнок-сирота', en: 'orphan' },
  },
  {
    code: 'largeFamily',
    group: 'P',
    paragraph: '§20(2); Ann.1 item 7',
    labels: {
      kk: 'көп балалы отбасыдан шыққан бала',
      ru: 'ребёнок из многодетной семьи',
      en: 'child from a large family',
    },
  },
  {
    code: 'teacher',
    group: 'P',
    paragraph: '§20(2); Ann.1 item 8',
    basis: 'Law "On the status of a teacher", art. 12(3)',
    labels: { kk: 'педагогтің баласы', ru: 'ребёнок педагога', en: 'child of a teacher' },
  },
  {
    code: 'disabledChildInFamily',
    group: 'P',
    paragraph: '§20(2); Ann.1 item 9',
    labels: {
      kk: 'мүгедек баласы бар отбасынан шыққан бала',
      ru: 'ребёнок из семьи, имеющей ребёнка с инвалидностью',
      en: 'child from a family with a disabled child',
    },
  },
  {
    // R-CAT-04: excludes every other code; an empty list means the same.
    code: 'none',
    group: 'G',
    paragraph: 'Ann.1 item 10',
    labels: {
      kk: 'жоғарыда аталған санаттардың біреуіне қатысты емес',
      ru: 'не относится ни к одной из перечисленных категорий',
      en: 'none of the above',
    },
  },
] as const satisfies readonly CategoryDefinition[];

export type CategoryCode = (typeof CATEGORIES)[number]['code'];

const GROUP_BY_CODE: ReadonlyMap<string, Group> = new Map(
  CATEGORIES.map((category) => [category.code, category.group]),
);

export const isCategoryCode = (code: string): code is CategoryCode => GROUP_BY_CODE.has(code);

const GROUP_RANK: Readonly<Record<Group, number>> = { O: 2, P: 1, G: 0 };

/**
 * R-ORDER-04, A-20: the group of an application is that of its highest category (§20, §21). Unknown codes
 * give no privilege: validate with parseCategories at the edge. Whether a category is confirmed
 * (R-CAT-03) or a used privilege demotes P (R-QUEUE-09) is for the caller to filter first.
 */
export const groupOf = (categories: readonly string[]): Group =>
  categories.reduce<Group>((best, code) => {
    const group = GROUP_BY_CODE.get(code) ?? 'G';
    return GROUP_RANK[group] > GROUP_RANK[best] ? group : best;
  }, 'G');

/**
 * R-ORDER-04: the group an application is ordered in — the highest confirmed category, except that a privilege
 * already used for a state kindergarten (R-QUEUE-09(b), §16) no longer gives first priority.
 */
export const orderingGroup = (categories: readonly string[], privilegeUsed: boolean): Group => {
  const group = groupOf(categories);
  return group === 'P' && privilegeUsed ? 'G' : group;
};

/**
 * Validates a category list from untrusted input: known codes, no duplicates, and `none` only alone
 * (R-CAT-04). Returns the codes in their given order; `none` or an empty list both mean no privilege.
 */
export function parseCategories(codes: readonly string[]): Result<CategoryCode[], string[]> {
  const problems = codes.flatMap((code, index) => [
    ...(isCategoryCode(code) ? [] : [`unknown category "${code}"`]),
    ...(codes.indexOf(code) < index ? [`category "${code}" is listed twice`] : []),
  ]);
  if (codes.includes('none') && codes.length > 1)
    problems.push('"none" cannot be combined with other categories');
  return problems.length === 0 ? ok(codes.filter(isCategoryCode)) : err(problems);
}
