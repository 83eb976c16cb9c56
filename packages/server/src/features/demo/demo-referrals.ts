import type {
  AdmissionsTable,
  ApplicationsTable,
  GroupsTable,
  KindergartensTable,
  PlacesTable,
  PlaceUnitsTable,
  ReferralsTable,
} from '@kezek/db';
import type { Insertable } from 'kysely';

const DAY_MS = 86_400_000;
/** 07:30 national time (UTC+5): just after the window opened. */
const CLAIM_MS = 2.5 * 3_600_000;

export type DemoReferrals = {
  places: Insertable<PlacesTable>[];
  placeUnits: Insertable<PlaceUnitsTable>[];
  referrals: Insertable<ReferralsTable>[];
  admissions: Insertable<AdmissionsTable>[];
};

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * The allocation cycle as it stands in a running service (spec §5.1–5.3): the first queued applications of some
 * general queues took a place in an earlier window — half of them hold a running referral (`referred`), half were
 * admitted on a contract (`enrolled`). Each got one unit of a place of a kindergarten in its settlement, in a group
 * of its children's age (§28: calendar-year age), published days ago. Mutates the chosen applications' status.
 */
export function demoReferrals(
  applications: Insertable<ApplicationsTable>[],
  kindergartens: readonly Insertable<KindergartensTable>[],
  groups: readonly Insertable<GroupsTable>[],
  today: number,
  uuid: () => string,
): DemoReferrals {
  const out: DemoReferrals = { places: [], placeUnits: [], referrals: [], admissions: [] };
  const year = new Date(today).getUTCFullYear();
  const settlementOf = new Map(kindergartens.map((k) => [k.id, k.settlement_kato]));
  const used = new Set<string>();
  const candidates = applications.filter((a) => a.status === 'queued' && a.queue === 'general');
  for (const [index, application] of candidates.entries()) {
    if (out.referrals.length >= 12 || index % 20 !== 0) continue;
    const group = groups.find(
      (g) =>
        g.group_type === 'general' &&
        !used.has(g.id) &&
        g.age === year - application.birth_year &&
        settlementOf.get(g.kindergarten_id) === application.settlement_kato,
    );
    if (group === undefined) continue;
    used.add(group.id);
    const enrolled = out.referrals.length % 2 === 1;
    const issuedAt = new Date(today - (enrolled ? 12 : 2) * DAY_MS + CLAIM_MS);
    const placeId = uuid();
    const referralId = uuid();
    out.places.push({
      id: placeId,
      kindergarten_id: group.kindergarten_id,
      group_id: group.id,
      settlement_kato: application.settlement_kato,
      queue: 'general',
      age: group.age,
      birth_year: application.birth_year,
      language: group.language,
      mode: group.mode,
      admission: 'general',
      units: 1,
      reported_at: new Date(issuedAt.getTime() - 2 * DAY_MS),
      vacated_at: new Date(issuedAt.getTime() - 2 * DAY_MS),
      updated_at: issuedAt,
    });
    out.placeUnits.push({
      place_id: placeId,
      unit: 0,
      status: enrolled ? 'occupied' : 'reserved',
      referral_id: referralId,
    });
    const admittedAt = new Date(issuedAt.getTime() + 4 * DAY_MS);
    out.referrals.push({
      id: referralId,
      number: `${application.number}-1`,
      application_id: application.id,
      child_id: application.child_id,
      place_id: placeId,
      unit: 0,
      admission: 'general',
      status: enrolled ? 'admitted' : 'issued',
      phase: 'running',
      issued_at: issuedAt,
      cancel_deadline: new Date(issuedAt.getTime() + DAY_MS),
      valid_from: issuedAt,
      valid_until: isoDay(issuedAt.getTime() + 7 * DAY_MS),
      admitted_at: enrolled ? admittedAt : null,
      idempotency_key: `demo:${referralId}`,
      updated_at: enrolled ? admittedAt : issuedAt,
    });
    if (enrolled)
      out.admissions.push({
        id: uuid(),
        referral_id: referralId,
        decision: 'admitted',
        contract_number: `ШД-${year}-${String(out.admissions.length + 1).padStart(4, '0')}`,
        contract_date: isoDay(admittedAt.getTime()),
        decided_at: admittedAt,
      });
    application.status = enrolled ? 'enrolled' : 'referred';
    // The application left the queue when the referral was issued (its queue history says so).
    application.updated_at = issuedAt;
  }
  return out;
}
