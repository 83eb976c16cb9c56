import type { TFunction } from 'i18next';
import type { ApiError } from '../api/client';

/** Rules whose refusal the interface explains in words; any other rule is named by its ID. */
export const EXPLAINED_RULES = [
  'R-ELIG-03',
  'R-ELIG-04',
  'R-ELIG-07',
  'R-ELIG-11',
  'R-ELIG-18',
  'R-ELIG-22',
  'R-QUEUE-06',
  'R-NOTIF-01',
  'R-APPL-03',
  'R-CAT-03',
] as const;
type ExplainedRule = (typeof EXPLAINED_RULES)[number];

const isExplained = (rule: string): rule is ExplainedRule =>
  (EXPLAINED_RULES as readonly string[]).includes(rule);

/**
 * The user's words for an API error: the rule's explanation when the server names a known rule, else the
 * error code's text (with the rule ID when there is one). Never the server's English message.
 */
export const errorMessage = (t: TFunction, error: ApiError): string => {
  if (error.rule !== undefined && isExplained(error.rule)) return t(`apiError.rule.${error.rule}`);
  const text = t(`apiError.code.${error.code}`);
  return error.rule === undefined ? text : `${text} ${t('apiError.ruleRef', { rule: error.rule })}`;
};
