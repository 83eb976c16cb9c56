/**
 * The settings of the regional policy (spec §4.7) as the admin's page shows and edits them: each with its kind,
 * the rule it carries out, and whether a regional act may change it. The queue order (R-ORDER-03, R-ORDER-05) is
 * the same nationwide: the API refuses to change it, so the page shows it as fixed by the order.
 */
export type PolicyFieldKind =
  | { type: 'time' }
  | { type: 'monthDay' }
  | { type: 'integer'; min: number }
  | { type: 'boolean' }
  | { type: 'choice'; options: readonly string[] };

export type PolicyField = {
  key: string;
  kind: PolicyFieldKind;
  rule: string;
  /** The paragraph of Order 254 (or the spec's reading) it comes from. */
  source: string;
  /** Fixed by the order: shown, never editable. */
  fixed: boolean;
  group: 'times' | 'numbers' | 'readings';
};

const int = (min: number): PolicyFieldKind => ({ type: 'integer', min });
const bool: PolicyFieldKind = { type: 'boolean' };
const time: PolicyFieldKind = { type: 'time' };
const choice = (...options: string[]): PolicyFieldKind => ({ type: 'choice', options });

export const POLICY_FIELDS: readonly PolicyField[] = [
  { key: 'bulletinTime', kind: time, rule: 'R-SYS-04', source: '§24(3)', fixed: false, group: 'times' },
  { key: 'windowOpens', kind: time, rule: 'R-SYS-05', source: '§24(4)', fixed: false, group: 'times' },
  {
    key: 'priorityWindowWorkingDays',
    kind: int(1),
    rule: 'R-WIN-05',
    source: '§24(4)',
    fixed: false,
    group: 'numbers',
  },
  {
    key: 'leftoverFirstN',
    kind: int(1),
    rule: 'R-WIN-07',
    source: '§24(10)',
    fixed: false,
    group: 'numbers',
  },
  {
    key: 'generalPerPriority',
    kind: int(1),
    rule: 'R-ORDER-03',
    source: '§21',
    fixed: true,
    group: 'numbers',
  },
  {
    key: 'maxRegistrationsPerSettlement',
    kind: int(1),
    rule: 'R-ELIG-04',
    source: '§15',
    fixed: false,
    group: 'numbers',
  },
  {
    key: 'referralValidityWorkingDays',
    kind: int(1),
    rule: 'R-REF-06',
    source: 'Ann.4 i.8',
    fixed: false,
    group: 'numbers',
  },
  {
    key: 'referralCancelHours',
    kind: int(0),
    rule: 'R-REF-09',
    source: '§30',
    fixed: false,
    group: 'numbers',
  },
  {
    key: 'referralExtensionMaxDays',
    kind: int(0),
    rule: 'R-REF-10',
    source: '§30',
    fixed: false,
    group: 'numbers',
  },
  {
    key: 'requeueAfterPrivilegeMonths',
    kind: int(0),
    rule: 'R-QUEUE-09',
    source: '§16',
    fixed: false,
    group: 'numbers',
  },
  { key: 'archiveAge', kind: int(1), rule: 'R-ELIG-02', source: '§18', fixed: false, group: 'numbers' },
  {
    key: 'ageCutoff',
    kind: { type: 'monthDay' },
    rule: 'R-ELIG-02',
    source: '§18',
    fixed: false,
    group: 'numbers',
  },
  {
    key: 'interestConfirmationMonths',
    kind: int(1),
    rule: 'R-SYS-13',
    source: '§23(2)',
    fixed: false,
    group: 'numbers',
  },
  {
    key: 'interestGraceDays',
    kind: int(0),
    rule: 'R-SYS-13',
    source: '§23(2)',
    fixed: false,
    group: 'numbers',
  },
  {
    key: 'interleave',
    kind: choice('anchored', 'stateless'),
    rule: 'R-ORDER-05',
    source: '§21',
    fixed: true,
    group: 'readings',
  },
  {
    key: 'windowEveryCalendarDay',
    kind: bool,
    rule: 'R-WIN-03',
    source: '§24(4)',
    fixed: false,
    group: 'readings',
  },
  {
    key: 'originalsRequired',
    kind: choice('unverifiableOnly', 'all'),
    rule: 'R-ELIG-14',
    source: '§22',
    fixed: false,
    group: 'readings',
  },
  {
    key: 'phthisiatricianFor',
    kind: choice('sanatorium', 'all'),
    rule: 'R-ELIG-19',
    source: 'Ann.2 i.8',
    fixed: false,
    group: 'readings',
  },
  {
    key: 'privilegeReuseOnlyPrivate',
    kind: bool,
    rule: 'R-QUEUE-09',
    source: '§16',
    fixed: false,
    group: 'readings',
  },
  {
    key: 'stopListOnReferralExpiry',
    kind: bool,
    rule: 'R-REF-08',
    source: '§30',
    fixed: false,
    group: 'readings',
  },
];

export const EDITABLE_FIELDS = POLICY_FIELDS.filter((field) => !field.fixed);

type Value = string | number | boolean;

export type PolicyDraftError = { key: string; problem: 'time' | 'monthDay' | 'integer' | 'choice' };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const parseValue = (field: PolicyField, text: string): Value | PolicyDraftError => {
  const { kind } = field;
  switch (kind.type) {
    case 'time':
      return TIME.test(text) ? text : { key: field.key, problem: 'time' };
    case 'monthDay':
      return MONTH_DAY.test(text) ? text : { key: field.key, problem: 'monthDay' };
    case 'integer': {
      const n = Number(text);
      return /^\d+$/.test(text) && Number.isSafeInteger(n) && n >= kind.min
        ? n
        : { key: field.key, problem: 'integer' };
    }
    case 'boolean':
      return text === 'true';
    case 'choice':
      return kind.options.includes(text) ? text : { key: field.key, problem: 'choice' };
  }
};

/** The form's text for a value in force. */
export const draftText = (value: Value | undefined): string => (value === undefined ? '' : String(value));

/**
 * The change to send: only the editable fields whose draft differs from the value in force, each parsed to the
 * type the API expects; every field error at once.
 */
export const policyChangeFromDraft = (
  draft: Readonly<Record<string, string>>,
  inForce: Readonly<Record<string, Value>>,
): { set: Record<string, Value>; errors: PolicyDraftError[] } => {
  const set: Record<string, Value> = {};
  const errors: PolicyDraftError[] = [];
  for (const field of EDITABLE_FIELDS) {
    const text = (draft[field.key] ?? '').trim();
    if (text === draftText(inForce[field.key])) continue;
    const value = parseValue(field, text);
    if (typeof value === 'object') errors.push(value);
    else set[field.key] = value;
  }
  return { set, errors };
};

/** Kazakhstan's national date (UTC+5 since 1 March 2024) of an instant. */
export const nationalDate = (epochMs: number): string =>
  new Date(epochMs + 5 * 60 * 60_000).toISOString().slice(0, 10);

/** The next calendar date after an ISO date. */
export const nextDate = (iso: string): string => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

/** The date part of an API instant rendered in national time (`2026-04-01T00:00:00+05:00` → `2026-04-01`). */
export const dateOfInstant = (iso: string): string => iso.slice(0, 10);
