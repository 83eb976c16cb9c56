import { parseIin } from '@kezek/domain';

export type IinProblem = 'required' | 'format' | 'invalid';

/** What is wrong with a typed IIN, in the order a user fixes it; undefined when it is valid (R-ELIG-22). */
export const iinProblem = (value: string): IinProblem | undefined => {
  const text = value.trim();
  if (text === '') return 'required';
  if (!/^\d{12}$/.test(text)) return 'format';
  return parseIin(text).ok ? undefined : 'invalid';
};

/** Keeps digits only, at most 12: what an IIN box accepts while typing. */
export const digitsOnly = (value: string): string => value.replace(/\D/g, '').slice(0, 12);
