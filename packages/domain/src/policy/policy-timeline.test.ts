import { describe, expect, it } from 'vitest';
import { instant } from '../time/instant';
import { DEFAULT_POLICY } from './policy';
import { addPolicyChange, createPolicyTimeline, policyAt, type PolicyTimeline } from './policy-timeline';

const ALMATY = '750000000';
const ASTANA = '710000000';

function timelineOf(...changes: { region: string | null; at: string; set: unknown }[]): PolicyTimeline {
  return changes.reduce((timeline, change) => {
    const next = addPolicyChange(timeline, {
      region: change.region,
      effectiveFrom: instant(change.at),
      set: change.set,
    });
    if (!next.ok) throw new Error(JSON.stringify(next.error));
    return next.value;
  }, createPolicyTimeline());
}

describe('PolicyTimeline (G-12)', () => {
  const timeline = timelineOf(
    { region: ALMATY, at: '2026-03-01T00:00', set: { windowOpens: '08:00' } },
    { region: null, at: '2026-02-01T00:00', set: { windowOpens: '09:00', bulletinTime: '17:00' } },
    { region: null, at: '2026-04-01T00:00', set: { windowOpens: '10:00' } },
  );

  it.each([
    ['before any change', ALMATY, '2026-01-31T23:59', '07:00', '18:00'],
    ['a nationwide change from its instant on', ALMATY, '2026-02-01T00:00', '09:00', '17:00'],
    ['a regional change on top of the nationwide one', ALMATY, '2026-03-01T00:00', '08:00', '17:00'],
    ['another region is unaffected by it', ASTANA, '2026-03-15T00:00', '09:00', '17:00'],
    [
      'a later nationwide change does not override the regional one',
      ALMATY,
      '2026-04-02T00:00',
      '08:00',
      '17:00',
    ],
    ['but applies elsewhere', ASTANA, '2026-04-02T00:00', '10:00', '17:00'],
  ])('R-SYS-04/05: %s', (_, region, at, windowOpens, bulletinTime) => {
    expect(policyAt(timeline, region, instant(at))).toMatchObject({ windowOpens, bulletinTime });
  });

  it('changes at the same instant apply in the order they were added', () => {
    const sameInstant = timelineOf(
      { region: null, at: '2026-02-01T00:00', set: { leftoverFirstN: 10 } },
      { region: null, at: '2026-02-01T00:00', set: { leftoverFirstN: 20 } },
    );
    expect(policyAt(sameInstant, ALMATY, instant('2026-02-01T00:00')).leftoverFirstN).toBe(20);
  });

  it('rejects an invalid change and leaves the timeline as it was', () => {
    const base = createPolicyTimeline();
    const result = addPolicyChange(base, {
      region: null,
      effectiveFrom: instant('2026-02-01T00:00'),
      set: { windowOpens: '25:00' },
    });
    expect(!result.ok && result.error[0]?.field).toBe('windowOpens');
    expect(policyAt(base, ALMATY, instant('2026-03-01T00:00'))).toEqual(DEFAULT_POLICY);
  });
});
