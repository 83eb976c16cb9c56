import { refusal, type Refusal, type RuleId } from '../refusal';

/**
 * A ref whose creating event was refused does not exist: the referring event is refused with NOT_FOUND
 * (scenario format), naming the rule of the action attempted.
 */
export function lookup<T>(
  map: ReadonlyMap<string, T>,
  ref: string,
  what: string,
  rule: RuleId,
): { readonly found: T } | { readonly refusal: Refusal } {
  const found = map.get(ref);
  return found === undefined
    ? { refusal: refusal('NOT_FOUND', rule, `${what} "${ref}" does not exist`) }
    : { found };
}
