/**
 * Outcome of parsing or validating untrusted input. Expected failures are values, not exceptions,
 * so callers must handle them; exceptions are kept for programming errors (bad literals, out-of-range maths).
 */
export type Result<T, E = string> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** Unwraps a result built from trusted input (literals, shipped data); a failure is a programming error. */
export function orThrow<T>(result: Result<T, string>): T {
  if (!result.ok) throw new RangeError(result.error);
  return result.value;
}
