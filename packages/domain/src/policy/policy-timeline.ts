import type { Instant } from '../time/instant';
import { ok, type Result } from '../time/result';
import {
  DEFAULT_POLICY,
  parsePolicyOverrides,
  type Policy,
  type PolicyFieldError,
  type PolicyOverrides,
} from './policy';

/** A policy change in force from `effectiveFrom` on, nationwide or for one region (the provider's KATO code). */
export type PolicyChange = {
  readonly region: string | null;
  readonly effectiveFrom: Instant;
  readonly overrides: PolicyOverrides;
};

/** Every policy change over time: an application is judged by the policy in force at each moment (G-12). */
export type PolicyTimeline = { readonly base: Policy; readonly changes: readonly PolicyChange[] };

export const createPolicyTimeline = (base: Policy = DEFAULT_POLICY): PolicyTimeline => ({
  base,
  changes: [],
});

/** Validates `set` (untrusted) and returns a new timeline with the change added. */
export function addPolicyChange(
  timeline: PolicyTimeline,
  change: { readonly region: string | null; readonly effectiveFrom: Instant; readonly set: unknown },
): Result<PolicyTimeline, PolicyFieldError[]> {
  const overrides = parsePolicyOverrides(change.set);
  if (!overrides.ok) return overrides;
  const changes = [
    ...timeline.changes,
    { region: change.region, effectiveFrom: change.effectiveFrom, overrides: overrides.value },
  ];
  // Stable sort: changes with the same effective instant apply in the order they were added.
  return ok({ ...timeline, changes: changes.sort((a, b) => a.effectiveFrom - b.effectiveFrom) });
}

/**
 * The policy in force in `region` at `at`: the base, then the nationwide changes effective by then, then
 * the region's own, each in effective order. A regional setting therefore outranks a nationwide one of
 * any date, as a regional normative act does (§24(3): "changeable by the provider's act").
 */
export function policyAt(timeline: PolicyTimeline, region: string, at: Instant): Policy {
  const inForce = timeline.changes.filter((change) => change.effectiveFrom <= at);
  return [
    ...inForce.filter((change) => change.region === null),
    ...inForce.filter((change) => change.region === region),
  ].reduce<Policy>((policy, change) => ({ ...policy, ...change.overrides }), timeline.base);
}
