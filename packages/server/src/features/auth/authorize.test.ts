import { describe, expect, it } from 'vitest';
import { PUBLIC_ACTOR, type Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import {
  authorizeRecord,
  canAccess,
  requireApplicant,
  requireStaff,
  scopeOf,
  type RecordOwner,
} from './authorize';

const staff = (
  role: Extract<Actor, { kind: 'staff' }>['role'],
  scope: Partial<Actor & { kind: 'staff' }> = {},
): Actor => ({
  kind: 'staff',
  userId: `u-${role}`,
  role,
  districtKato: null,
  kindergartenId: null,
  ...scope,
});

const ACTORS: Record<string, Actor> = {
  public: PUBLIC_ACTOR,
  applicantA: { kind: 'applicant', applicantId: 'A', iin: '900101400112' },
  applicantB: { kind: 'applicant', applicantId: 'B', iin: '910202300127' },
  clerk1: staff('clerk', { districtKato: 'D1' }),
  clerk2: staff('clerk', { districtKato: 'D2' }),
  kindergartenStaff: staff('kindergartenStaff', { kindergartenId: 'K1' }),
  regionalAdmin: staff('regionalAdmin'),
  auditor: staff('auditor'),
  operator: staff('operator'),
};

const RECORD: RecordOwner = { applicantId: 'A', districtKato: 'D1', kindergartenId: 'K1' };

describe('scopeOf', () => {
  it.each([
    ['public', { kind: 'none' }],
    ['applicantA', { kind: 'applicant', applicantId: 'A' }],
    ['clerk1', { kind: 'district', districtKato: 'D1' }],
    ['kindergartenStaff', { kind: 'kindergarten', kindergartenId: 'K1' }],
    ['regionalAdmin', { kind: 'all', readOnly: false }],
    ['auditor', { kind: 'all', readOnly: true }],
    ['operator', { kind: 'none' }],
  ])('%s → %j', (name, scope) => {
    expect(scopeOf(ACTORS[name] ?? PUBLIC_ACTOR)).toEqual(scope);
  });
});

describe("access to applicant A's record in district D1, kindergarten K1", () => {
  it.each([
    ['public', false, false],
    ['applicantA', true, true],
    ['applicantB', false, false],
    ['clerk1', true, true],
    ['clerk2', false, false],
    ['kindergartenStaff', true, true],
    ['regionalAdmin', true, true],
    ['auditor', true, false],
    ['operator', false, false],
  ])('%s: read %s, write %s', (name, read, write) => {
    const actor = ACTORS[name] ?? PUBLIC_ACTOR;
    expect(canAccess(actor, 'read', RECORD)).toBe(read);
    expect(canAccess(actor, 'write', RECORD)).toBe(write);
  });

  it('a record without the scoped field is not visible to that scope', () => {
    expect(canAccess(ACTORS.clerk1 ?? PUBLIC_ACTOR, 'read', { applicantId: 'A' })).toBe(false);
  });
});

describe('authorizeRecord', () => {
  const rule = { owner: (r: RecordOwner) => r, missing: 'No such record' };
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error instanceof AppError ? error.toBody() : error;
    }
    return undefined;
  };

  it("answers someone else's record exactly like a missing one", () => {
    const hidden = refusal(() => authorizeRecord(ACTORS.clerk2 ?? PUBLIC_ACTOR, 'read', RECORD, rule));
    const missing = refusal(() => authorizeRecord(ACTORS.clerk2 ?? PUBLIC_ACTOR, 'read', undefined, rule));
    expect(hidden).toEqual({ error: { code: 'NOT_FOUND', message: 'No such record' } });
    expect(hidden).toEqual(missing);
  });

  it('returns a visible record, and refuses the read-only auditor a write with FORBIDDEN', () => {
    expect(authorizeRecord(ACTORS.clerk1 ?? PUBLIC_ACTOR, 'write', RECORD, rule)).toBe(RECORD);
    expect(
      refusal(() => authorizeRecord(ACTORS.auditor ?? PUBLIC_ACTOR, 'write', RECORD, rule)),
    ).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('role requirements', () => {
  it.each([
    ['public', 'UNAUTHENTICATED'],
    ['applicantA', 'FORBIDDEN'],
    ['kindergartenStaff', 'FORBIDDEN'],
    ['clerk1', undefined],
  ])('requireStaff(clerk) for %s → %s', (name, code) => {
    const run = () => requireStaff(ACTORS[name] ?? PUBLIC_ACTOR, ['clerk']);
    if (code === undefined) expect(run()).toBe(ACTORS[name]);
    else expect(run).toThrow(expect.objectContaining({ code }) as Error);
  });

  it.each([
    ['public', 'UNAUTHENTICATED'],
    ['clerk1', 'FORBIDDEN'],
  ])('requireApplicant for %s → %s', (name, code) => {
    expect(() => requireApplicant(ACTORS[name] ?? PUBLIC_ACTOR)).toThrow(
      expect.objectContaining({ code }) as Error,
    );
  });
});
