import { describe, expect, it } from 'vitest';
import { reportBody, type ReportDraft } from './report-draft';

const draft = (change: Partial<ReportDraft> = {}): ReportDraft => ({
  groupId: 'g1',
  count: '2',
  admission: 'general',
  freeFrom: '',
  until: '',
  ...change,
});

describe('the report of places (R-KG-01)', () => {
  it('sends a group, a count and the admission mode', () => {
    expect(reportBody(draft())).toEqual({
      ok: true,
      body: { groupId: 'g1', count: 2, admission: 'general' },
    });
  });

  it('names each field to fix: the group, a count of 1 to 500', () => {
    expect(reportBody(draft({ groupId: '', count: '0' }))).toEqual({
      ok: false,
      errors: { groupId: 'groupError', count: 'countError' },
    });
    expect(reportBody(draft({ count: '2.5' }))).toMatchObject({ ok: false, errors: { count: 'countError' } });
    expect(reportBody(draft({ count: '501' }))).toMatchObject({ ok: false, errors: { count: 'countError' } });
  });

  it('R-KG-04, R-KG-05: early booking needs its vacating date, a temporary place its end; only that date is sent', () => {
    expect(reportBody(draft({ admission: 'earlyBooking', until: '2026-12-31' }))).toEqual({
      ok: false,
      errors: { freeFrom: 'dateError' },
    });
    expect(
      reportBody(draft({ admission: 'temporary', freeFrom: '2026-09-01', until: '2026-12-31' })),
    ).toEqual({
      ok: true,
      body: { groupId: 'g1', count: 2, admission: 'temporary', until: '2026-12-31' },
    });
  });
});
