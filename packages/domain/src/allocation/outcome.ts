import type { Refusal } from '../refusal';

/**
 * The result of a state-machine transition (spec §5): the new state and what happened (R-SCOPE-08: every
 * status transition is a monitoring event), or the refusal naming the rule that forbids it.
 */
export type DomainEvent = { readonly type: string; readonly subject: string; readonly reason?: string };

export type Outcome<T> =
  | { readonly ok: true; readonly value: T; readonly events: readonly DomainEvent[] }
  | { readonly ok: false; readonly refusal: Refusal };

export const done = <T>(value: T, ...events: DomainEvent[]): Outcome<T> => ({ ok: true, value, events });

export const refused = (refusal: Refusal): Outcome<never> => ({ ok: false, refusal });
