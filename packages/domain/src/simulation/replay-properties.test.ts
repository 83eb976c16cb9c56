import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REFUSAL_CODES } from '../refusal';
import { formatInstant, instant, instantFromEpochMs } from '../time/instant';
import { isLive } from '../allocation/referral';
import { applicationGroup } from '../allocation/application';
import { replay, simulate } from './replay';
import type { ScenarioAction, ScenarioEvent } from './scenario-event';
import { apply, claim, kindergarten, place } from './scenario-test-helpers';
import { stableJson } from './stable-json';

const APPS = ['a1', 'a2', 'a3', 'a4', 'a5'];
const REFS = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'];

const arbAction = (index: number): fc.Arbitrary<ScenarioAction> =>
  fc.oneof(
    fc
      .record({
        apps: fc.subarray(APPS, { minLength: 1, maxLength: 2 }),
        place: fc.constantFrom('v1', 'v2', 'v3'),
      })
      .map(({ apps, place: placeRef }) => claim(`c${index}`, apps, placeRef)),
    fc.constantFrom(...REFS).map((referral): ScenarioAction => ({ do: 'cancelReferral', referral })),
    fc.constantFrom(...REFS).map((referral): ScenarioAction => ({ do: 'admit', referral })),
    fc
      .constantFrom(...REFS)
      .map((referral): ScenarioAction => ({ do: 'extendReferral', referral, days: 10, reason: 'leave' })),
    fc
      .constantFrom('v1', 'v2', 'v3')
      .map((p): ScenarioAction => ({ do: 'revoke', place: p, count: 1, reason: 'closure' })),
    fc.constantFrom(...APPS).map((application): ScenarioAction => ({ do: 'withdraw', application })),
    fc
      .tuple(fc.constantFrom(...APPS), fc.subarray(['military', 'largeFamily', 'teacher']))
      .map(([application, categories]): ScenarioAction => ({ do: 'categories', application, categories })),
    fc.constant<ScenarioAction>({ do: 'tick' }),
  );

/** A random month of claims and referral actions over three places in one kindergarten. */
const arbScenario: fc.Arbitrary<ScenarioEvent[]> = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 60 * 60 * 30 }), fc.nat()), { minLength: 1, maxLength: 30 })
  .chain((gaps) =>
    fc.tuple(...gaps.map((_, index) => arbAction(index))).map((actions) => {
      const start = instant('2026-02-02T09:00');
      const setup: ScenarioAction[] = [
        kindergarten('k1'),
        ...APPS.map((ref, i) =>
          apply(ref, '2022-05-05', {
            applicant: i < 2 ? 'Z' : `p${i}`,
            categories: i === 3 ? ['largeFamily'] : i === 4 ? ['lawEnforcement'] : [],
          }),
        ),
        place('v1', 'k1', 2),
        place('v2', 'k1', 1, { admission: 'temporary' }),
        place('v3', 'k1', 1, { admission: 'earlyBooking', freeFrom: '2026-02-20' }),
      ];
      let at = start;
      const events: ScenarioEvent[] = setup.map((action, line) => ({ line: line + 1, at: start, ...action }));
      actions.forEach((action, index) => {
        at = instantFromEpochMs(at + (gaps[index]?.[0] ?? 1) * 1000);
        // Claims refer to the referral refs r0…r7 that the cancel/admit actions pick from.
        const named = action.do === 'claim' ? { ...action, ref: REFS[index % REFS.length] ?? 'r0' } : action;
        events.push({ line: events.length + 1, at, ...named });
      });
      return dedupeClaimRefs(events);
    }),
  );

/** A referral ref is created once: a repeated claim ref gets a fresh name (a malformed file otherwise). */
function dedupeClaimRefs(events: ScenarioEvent[]): ScenarioEvent[] {
  const used = new Set<string>();
  return events.map((event) => {
    if (event.do !== 'claim') return event;
    const ref = used.has(event.ref) ? `${event.ref}x${event.line}` : event.ref;
    used.add(ref);
    return { ...event, ref };
  });
}

describe('replay properties', () => {
  it('is deterministic: the same scenario gives byte-identical output', () => {
    fc.assert(
      fc.property(arbScenario, (events) => {
        expect(stableJson(replay(events))).toBe(stableJson(replay(events)));
      }),
      { numRuns: 60 },
    );
  });

  it('R-WIN-10, R-REF-11: a unit is never held by two live referrals, a child never has two; refusals name a rule', () => {
    fc.assert(
      fc.property(arbScenario, (events) => {
        const output = replay([
          ...events,
          {
            line: events.length + 1,
            at: events.at(-1)?.at ?? instant('2026-02-02T09:00'),
            do: 'snapshot',
            label: 'end',
          },
        ]);
        for (const result of output.events) {
          if (result.ok) continue;
          expect(REFUSAL_CODES).toContain(result.code);
          expect(result.rule).toMatch(/^R-[A-Z]+-\d{2}/);
          expect(result.message).toBeTruthy();
        }
        const live = Object.entries(output.final.state.referrals).filter(
          ([, r]) => r.status === 'issued' || r.status === 'extended',
        );
        const applications = live.map(([, r]) => r.application);
        expect(new Set(applications).size).toBe(applications.length);
        for (const [ref, view] of Object.entries(output.final.state.places)) {
          const reserved = live.filter(([, r]) => r.place === ref).length;
          expect(view.free + reserved).toBeLessThanOrEqual(ref === 'v1' ? 2 : 1);
        }
        expect(output.final.at).toBe(formatInstant(events.at(-1)?.at ?? instant('2026-02-02T09:00')));
      }),
      { numRuns: 100 },
    );
  });
});

describe('replay invariants on the world (R-WIN-10, R-REF-11, R-ORDER-02)', () => {
  it('R-WIN-10: a unit is never held by two referrals; every reserved or occupied unit points at its own referral', () => {
    fc.assert(
      fc.property(arbScenario, (events) => {
        const { world } = simulate(events);
        const holders = new Map<string, string>();
        for (const referral of world.referrals.values()) {
          if (!isLive(referral) && referral.status !== 'admitted') continue;
          const unit = `${referral.place}#${referral.unit}`;
          expect(
            holders.get(unit),
            `${unit} held by ${holders.get(unit)} and ${referral.id}`,
          ).toBeUndefined();
          holders.set(unit, referral.id);
          const held = world.places.get(referral.place)?.units[referral.unit];
          expect(held?.referral).toBe(referral.id);
          expect(['reserved', 'occupied']).toContain(held?.status);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('R-REF-11: a child never holds two live referrals', () => {
    fc.assert(
      fc.property(arbScenario, (events) => {
        const { world } = simulate(events);
        const live = [...world.referrals.values()].filter(isLive).map((referral) => referral.child);
        expect(new Set(live).size).toBe(live.length);
      }),
      { numRuns: 100 },
    );
  });

  it('R-ORDER-02: out-of-turn applications always come first in every queue', () => {
    fc.assert(
      fc.property(arbScenario, (events) => {
        const { world, output } = simulate(events);
        for (const order of Object.values(output.final.state.queues)) {
          const groups = order.map((id) => {
            const application = world.applications.get(id);
            return application === undefined ? 'G' : applicationGroup(application);
          });
          const firstOther = groups.findIndex((group) => group !== 'O');
          expect(firstOther < 0 || groups.slice(firstOther).every((group) => group !== 'O')).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
