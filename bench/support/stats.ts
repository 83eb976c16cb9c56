/** Small statistics for benchmark figures. */

/** The value at quantile q (0–1) of the samples, by rank. */
export const quantile = (values: readonly number[], q: number): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))] ?? Number.NaN;

export const median = (values: readonly number[]): number => quantile(values, 0.5);

export const round = (value: number, digits: number): number =>
  Math.round(value * 10 ** digits) / 10 ** digits;
