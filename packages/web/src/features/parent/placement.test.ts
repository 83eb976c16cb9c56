import { describe, expect, it } from 'vitest';
import { categoriesChanged, wantedCategories } from './categories-change';
import {
  canCancel,
  canExtend,
  explainedRefusal,
  groupTypeOf,
  parseQueueKey,
  refusalCode,
  timeLeft,
  validateExtension,
  windowPlaces,
  type WindowUnit,
} from './placement';

const unit = (placeId: string, n: number, queueKey = '751110000/2022/general'): WindowUnit => ({
  placeId,
  unit: n,
  queueKey,
  kindergarten: { id: 'k', name: { kk: 'Балдырған', ru: 'Балдырган', en: 'Baldyrgan' } },
  groupId: 'g',
  birthYear: 2022,
  age: 4,
  language: 'kk',
  mode: 'full',
  admission: 'general',
  startDate: null,
  freeFrom: null,
  until: null,
});
const window = { queueKey: '751110000/2022/general', units: 4 };

describe('windowPlaces (the places a window offers)', () => {
  it('groups the units of the window by place, only those of its queue key and up to its unit count', () => {
    const places = windowPlaces(
      window,
      [
        unit('a', 0),
        unit('a', 1),
        unit('x', 0, '751110000/2021/general'),
        unit('b', 0),
        unit('c', 0),
        unit('d', 0),
      ],
      [],
    );
    expect(places.map((place) => [place.placeId, place.units])).toEqual([
      ['a', 2],
      ['b', 1],
      ['c', 1],
    ]);
  });

  it("hides the units the parent's live or admitted referrals hold, not those of ended ones", () => {
    const units = [unit('a', 0), unit('a', 1), unit('b', 0)];
    const places = windowPlaces(window, units, [
      { placeId: 'a', status: 'issued' },
      { placeId: 'b', status: 'cancelled' },
    ]);
    expect(places.map((place) => [place.placeId, place.units])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(windowPlaces(window, units, [{ placeId: 'b', status: 'admitted' }]).map((p) => p.placeId)).toEqual(
      ['a'],
    );
  });

  it('drops a place a claim was refused on as taken', () => {
    expect(
      windowPlaces(window, [unit('a', 0), unit('b', 0)], [], new Set(['a'])).map((p) => p.placeId),
    ).toEqual(['b']);
  });
});

describe('queue keys', () => {
  it('parses a queue key and names the group type of its queue', () => {
    expect(parseQueueKey('751110000/2022/special:visual')).toEqual({
      settlement: '751110000',
      birthYear: 2022,
      queue: 'special:visual',
    });
    expect(parseQueueKey('nonsense')).toBeUndefined();
    expect(groupTypeOf('special:visual')).toBe('special');
    expect(groupTypeOf('sanatorium:tb')).toBe('sanatorium');
    expect(groupTypeOf('general')).toBe('general');
  });
});

describe('refusals', () => {
  it('reads the domain code before the server message and explains only known ones', () => {
    expect(refusalCode({ message: 'NO_FREE_UNIT: no unit of the place is free' })).toBe('NO_FREE_UNIT');
    expect(explainedRefusal({ message: 'AGE_MISMATCH: the place is for 2021' })).toBe('AGE_MISMATCH');
    expect(explainedRefusal({ message: 'SOMETHING_ELSE: x' })).toBeUndefined();
    expect(refusalCode({ message: 'HTTP 500' })).toBeUndefined();
  });
});

describe('timeLeft (the window countdown)', () => {
  it('counts whole days, hours and minutes and never goes below zero', () => {
    const now = Date.parse('2026-03-02T10:00:00+05:00');
    expect(timeLeft('2026-03-04T07:00:00+05:00', now)).toEqual({ days: 1, hours: 21, minutes: 0 });
    expect(timeLeft('2026-03-02T10:30:59+05:00', now)).toEqual({ days: 0, hours: 0, minutes: 30 });
    expect(timeLeft('2026-03-01T07:00:00+05:00', now)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
});

describe('validateExtension (R-REF-10)', () => {
  it('accepts 1 to 30 whole days with a reason of the closed list', () => {
    expect(validateExtension({ days: ' 30 ', reason: 'illness' })).toEqual({
      ok: true,
      value: { days: 30, reason: 'illness' },
    });
  });

  it('names each problem', () => {
    expect(validateExtension({ days: '', reason: '' })).toEqual({
      ok: false,
      problems: { days: 'required', reason: 'required' },
    });
    expect(validateExtension({ days: '31', reason: 'leave' })).toEqual({
      ok: false,
      problems: { days: 'range' },
    });
    expect(validateExtension({ days: '0', reason: 'leave' })).toEqual({
      ok: false,
      problems: { days: 'range' },
    });
    expect(validateExtension({ days: '2.5', reason: 'leave' })).toEqual({
      ok: false,
      problems: { days: 'range' },
    });
    expect(validateExtension({ days: '5', reason: 'holiday' })).toEqual({
      ok: false,
      problems: { reason: 'required' },
    });
  });
});

describe('referral actions', () => {
  const now = Date.parse('2026-03-02T10:00:00+05:00');
  it('cancels a live referral only before its deadline (R-REF-09)', () => {
    expect(canCancel({ status: 'issued', cancelDeadline: '2026-03-03T09:00:00+05:00' }, now)).toBe(true);
    expect(canCancel({ status: 'issued', cancelDeadline: '2026-03-02T09:59:00+05:00' }, now)).toBe(false);
    expect(canCancel({ status: 'admitted', cancelDeadline: '2026-03-03T09:00:00+05:00' }, now)).toBe(false);
  });

  it('extends a running referral once (R-REF-10)', () => {
    expect(canExtend({ status: 'issued', phase: 'running', extended: false })).toBe(true);
    expect(canExtend({ status: 'extended', phase: 'running', extended: true })).toBe(false);
    expect(canExtend({ status: 'issued', phase: 'pendingConfirmation', extended: false })).toBe(false);
  });
});

describe('category change (R-ORDER-07)', () => {
  const application = { categories: ['largeFamily'], pendingCategories: ['disabledChild'] };
  it('starts from the confirmed and the pending categories', () => {
    expect(wantedCategories(application)).toEqual(['largeFamily', 'disabledChild']);
  });
  it('sees a change only when the set differs', () => {
    expect(categoriesChanged(application, ['disabledChild', 'largeFamily'])).toBe(false);
    expect(categoriesChanged(application, ['largeFamily'])).toBe(true);
    expect(categoriesChanged(application, ['largeFamily', 'disabledChild', 'military'])).toBe(true);
  });
});
