/** The add-a-settlement form's checks, the same as the API's (KATO code of 9 digits under its district's). */
export type SettlementDraft = { district: string; kato: string; kk: string; ru: string; en: string };

export type SettlementProblem = 'required' | 'katoFormat' | 'katoDistrict' | 'nameLength';

export const validateSettlement = (
  draft: SettlementDraft,
): Partial<Record<keyof SettlementDraft, SettlementProblem>> => {
  const problems: Partial<Record<keyof SettlementDraft, SettlementProblem>> = {};
  if (draft.district === '') problems.district = 'required';
  const kato = draft.kato.trim();
  if (kato === '') problems.kato = 'required';
  else if (!/^\d{9}$/.test(kato)) problems.kato = 'katoFormat';
  else if (draft.district !== '' && kato.slice(0, 4) !== draft.district.slice(0, 4))
    problems.kato = 'katoDistrict';
  for (const language of ['kk', 'ru', 'en'] as const) {
    const name = draft[language].trim();
    if (name === '') problems[language] = 'required';
    else if (name.length < 2 || name.length > 200) problems[language] = 'nameLength';
  }
  return problems;
};

/** The API names the field that failed (`kato`, `district`, `name.kk`…); the form's field for it. */
export const draftFieldOf = (apiField: string | undefined): keyof SettlementDraft | undefined => {
  if (apiField === 'kato' || apiField === 'district') return apiField;
  const language = apiField?.startsWith('name.') === true ? apiField.slice(5) : undefined;
  return language === 'kk' || language === 'ru' || language === 'en' ? language : undefined;
};
