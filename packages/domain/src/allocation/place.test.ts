import { describe, expect, it } from 'vitest';
import { instant } from '../time/instant';
import { localDate } from '../time/local-date';
import { assembleBulletin, windowsOf } from './bulletin';
import { employerCertificateValid, healthCertificateValid } from './document-validity';
import {
  endStay,
  freeUnitIndexes,
  occupyUnit,
  placeStatus,
  publishPlace,
  releaseUnit,
  reportPlace,
  reserveUnit,
  revokeUnits,
  stayEndsBy,
  vacatePlace,
  type Place,
  type PlaceReport,
} from './place';

const REPORTED_AT = instant('2026-02-03T11:00');
const BULLETIN_AT = instant('2026-02-03T18:00');

const report = (extra: Partial<PlaceReport> = {}): Place =>
  reportPlace(
    {
      id: 'v1',
      kindergarten: 'k1',
      settlement: '751110000',
      ownership: 'state',
      age: 4,
      queue: 'general',
      mode: 'full',
      admission: 'general',
      count: 2,
      ...extra,
    },
    REPORTED_AT,
  );

const published = (extra: Partial<PlaceReport> = {}): Place => publishPlace(report(extra), 1, BULLETIN_AT);

describe('place units (spec §5.3)', () => {
  it('R-KG-01, R-SYS-03: a report gives `reported` units, none free before the bulletin', () => {
    const place = report();
    expect(place.units.map((unit) => unit.status)).toEqual(['reported', 'reported']);
    expect(freeUnitIndexes(place)).toEqual([]);
    expect(placeStatus(place)).toBe('reported');
  });

  it('R-SYS-04, R-REF-03: publication frees the units and fixes the birth year (2026 − 4)', () => {
    const place = published();
    expect(place.birthYear).toBe(2022);
    expect(freeUnitIndexes(place)).toEqual([0, 1]);
    expect(placeStatus(place)).toBe('published');
  });

  it('R-KG-04: an early-booking place is published `waiting`, bookable', () => {
    const place = published({ admission: 'earlyBooking', freeFrom: localDate('2026-03-02') });
    expect(placeStatus(place)).toBe('waiting');
    expect(freeUnitIndexes(place)).toEqual([0, 1]);
  });

  it.each([
    ['2026-02-03', 'general', 'published'],
    ['2026-02-04', 'earlyBooking', 'waiting'],
  ])('R-KG-08: a general place starting %s is published as %s', (startDate, admission, status) => {
    const place = published({ startDate: localDate(startDate) });
    expect(place.admission).toBe(admission);
    expect(placeStatus(place)).toBe(status);
  });

  it('R-WIN-10, R-REF-05: a claim reserves a unit — held for the referral, no longer free', () => {
    const place = reserveUnit(published(), 0, 'r1');
    expect(place.units[0]).toMatchObject({ status: 'reserved', referral: 'r1' });
    expect(freeUnitIndexes(place)).toEqual([1]);
  });

  it('R-SYS-07: vacating a waiting place once; a general place is never waiting', () => {
    const waiting = published({ admission: 'earlyBooking' });
    const vacated = vacatePlace(waiting, instant('2026-02-20T12:00'));
    expect(vacated.ok && placeStatus(vacated.value)).toBe('published');
    expect(vacatePlace(published(), REPORTED_AT)).toMatchObject({ ok: false, refusal: { rule: 'R-SYS-07' } });
  });

  it('R-WIN-08: a released unit is `reported` again, for the next bulletin', () => {
    const place = releaseUnit(reserveUnit(published(), 0, 'r1'), 0);
    expect(place.units[0]).toEqual({ status: 'reported' });
  });

  it('R-ADM-09: admission occupies the unit; a place with no free unit is `closed`', () => {
    const place = occupyUnit(reserveUnit(published({ count: 1 }), 0, 'r1'), 0);
    expect(place.units[0]?.status).toBe('occupied');
    expect(placeStatus(place)).toBe('closed');
  });
});

describe('revocation and withdrawal (R-KG-02, R-KG-03, R-KG-08)', () => {
  it('R-KG-08: an unpublished report is withdrawn freely, without a reason and outside the revoked bulletin', () => {
    const outcome = revokeUnits(report(), 2);
    expect(outcome.ok && outcome.value.published).toEqual([]);
    expect(outcome.ok && placeStatus(outcome.value.place)).toBe('revoked');
  });

  it('R-KG-02: a published unit is taken back only with a reason (REVOCATION_REASON_REQUIRED)', () => {
    expect(revokeUnits(published(), 1)).toMatchObject({
      ok: false,
      refusal: { code: 'REVOCATION_REASON_REQUIRED', rule: 'R-KG-02' },
    });
    const outcome = revokeUnits(published(), 1, 'capitalRepair');
    expect(outcome.ok && outcome.value.published).toEqual([0]);
  });

  it('R-KG-02, R-KG-03: free units go first, then reserved ones, whose referrals are revoked; never occupied ones', () => {
    const place = occupyUnit(reserveUnit(reserveUnit(published({ count: 3 }), 0, 'r1'), 1, 'r2'), 1);
    const outcome = revokeUnits(place, 2, 'closure');
    expect(outcome.ok && outcome.value.referrals).toEqual(['r1']);
    expect(outcome.ok && outcome.value.place.units.map((unit) => unit.status)).toEqual([
      'revoked',
      'occupied',
      'revoked',
    ]);
    expect(revokeUnits(place, 3, 'closure')).toMatchObject({ ok: false, refusal: { rule: 'R-KG-02' } });
  });
});

describe('temporary stay (R-KG-05)', () => {
  const temporary = published({ admission: 'temporary', until: localDate('2026-02-20') });

  it('R-KG-05: the stay ends the day after `until`; then nothing is free and the place is closed', () => {
    expect(stayEndsBy(temporary, localDate('2026-02-20'))).toBe(false);
    expect(stayEndsBy(temporary, localDate('2026-02-21'))).toBe(true);
    const ended = endStay(temporary, instant('2026-02-21T00:00'));
    expect(freeUnitIndexes(ended)).toEqual([]);
    expect(placeStatus(ended)).toBe('closed');
    expect(stayEndsBy(ended, localDate('2026-02-22'))).toBe(false);
    expect(stayEndsBy(published(), localDate('2030-01-01'))).toBe(false);
  });

  it('R-KG-05: an ended stay is not republished nor revoked', () => {
    const ended = endStay(releaseUnit(reserveUnit(temporary, 0, 'r1'), 0), instant('2026-02-21T00:00'));
    expect(assembleBulletin([ended], 2, instant('2026-02-21T18:00')).bulletin.entries).toEqual([]);
    expect(revokeUnits(ended, 1, 'closure').ok).toBe(false);
  });
});

describe('bulletins (R-WIN-01, R-WIN-02, R-APPL-09)', () => {
  it('R-WIN-02, R-APPL-09: the bulletin lists every reported unit in reporting order with its queue key', () => {
    const other = { ...report(), id: 'v2', units: [{ status: 'reported' as const }] };
    const { bulletin, places } = assembleBulletin([report(), other, published()], 7, BULLETIN_AT);
    expect(bulletin).toEqual({
      id: 7,
      publishedAt: BULLETIN_AT,
      entries: [
        { place: 'v1', unit: 0, key: '751110000/2022/general' },
        { place: 'v1', unit: 1, key: '751110000/2022/general' },
        { place: 'v2', unit: 0, key: '751110000/2022/general' },
      ],
    });
    expect(places.map((place) => placeStatus(place))).toEqual(['published', 'published', 'published']);
  });

  it('R-WIN-01, R-SYS-04: an empty bulletin is published too', () => {
    expect(assembleBulletin([published()], 2, BULLETIN_AT).bulletin.entries).toEqual([]);
  });

  it('R-WIN-04: one window per queue key, N_k = the bulletin units of the key', () => {
    const { bulletin, places } = assembleBulletin([report({ count: 3 })], 1, BULLETIN_AT);
    const windows = windowsOf(bulletin, new Map(places.map((place) => [place.id, place])));
    expect(windows).toEqual([
      expect.objectContaining({ key: '751110000/2022/general', units: 3, allState: true }),
    ]);
  });
});

describe('document validity (R-ELIG-08, R-ADM-05)', () => {
  it.each([
    ['2026-01-20', '2026-02-06', true],
    ['2026-01-06', '2026-02-06', true],
    ['2026-01-05', '2026-02-06', false],
    ['2025-12-20', '2026-02-06', false],
    ['2026-01-31', '2026-02-28', true],
    ['2026-02-07', '2026-02-06', false],
  ])('R-ELIG-08: an employer certificate of %s presented %s → %s (E4)', (issued, presented, valid) => {
    expect(employerCertificateValid(localDate(issued), localDate(presented))).toBe(valid);
  });

  it.each([
    ['2026-02-27', '2026-03-02', true],
    ['2026-02-26', '2026-03-02', false],
    ['2026-03-02', '2026-03-02', true],
    ['2026-03-03', '2026-03-02', false],
  ])('R-ADM-05: a health certificate of %s for a contract on %s → %s (E4)', (issued, contract, valid) => {
    expect(healthCertificateValid(localDate(issued), localDate(contract))).toBe(valid);
  });
});
