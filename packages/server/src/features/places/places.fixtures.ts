import { randomUUID } from 'node:crypto';
import type { Db } from '@kezek/db';
import { FIXTURE_TERRITORY } from '../../testing/auth-fixtures.repository';

/** Test data of the allocation cycle: groups, queued applications, a live referral on a unit. */

let serial = 0;
const nextSerial = () => (serial += 1);

export async function insertGroup(
  db: Db,
  overrides: { kindergartenId?: string; age?: number; language?: 'kk' | 'ru'; mode?: 'full' | 'half' } = {},
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('groups')
    .values({
      id,
      kindergarten_id: overrides.kindergartenId ?? FIXTURE_TERRITORY.kindergarten1,
      age_group: 'middle',
      age: overrides.age ?? 3,
      language: overrides.language ?? 'kk',
      group_type: 'general',
      specialization: null,
      mode: overrides.mode ?? 'full',
      capacity: 25,
    })
    .execute();
  return id;
}

export async function insertKindergarten(db: Db, settlement: string, now: Date): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('kindergartens')
    .values({
      id,
      bin: `8${String(nextSerial()).padStart(11, '0')}`,
      name_kk: 'Test kindergarten',
      name_ru: 'Test kindergarten',
      name_en: 'Test kindergarten',
      settlement_kato: settlement,
      ownership: 'state',
      state_order: true,
      address: 'Test street',
      phone: null,
      created_at: now,
    })
    .execute();
  return id;
}

/** A queued application of a new child (and of a new applicant unless `applicantId` is given). */
export async function insertQueuedApplication(
  db: Db,
  input: {
    settlement?: string;
    birthDate: string;
    submittedAt: Date;
    applicantId?: string;
    status?: 'queued' | 'referred';
    /** Another application of this child (in another queue). */
    childId?: string;
    queue?: string;
  },
): Promise<{ applicationId: string; childId: string }> {
  const n = nextSerial();
  const applicantId = input.applicantId ?? randomUUID();
  if (input.applicantId === undefined)
    await db
      .insertInto('applicants')
      .values({
        id: applicantId,
        iin: `7${String(n).padStart(11, '0')}`,
        surname: 'Test',
        given_name: `Applicant ${n}`,
        created_at: input.submittedAt,
      })
      .execute();
  const childId = input.childId ?? randomUUID();
  if (input.childId === undefined)
    await db
      .insertInto('children')
      .values({
        id: childId,
        applicant_id: applicantId,
        iin: `6${String(n).padStart(11, '0')}`,
        surname: 'Test',
        given_name: `Child ${n}`,
        birth_date: input.birthDate,
        sex: 'female',
        created_at: input.submittedAt,
      })
      .execute();
  const applicationId = randomUUID();
  await db
    .insertInto('applications')
    .values({
      id: applicationId,
      number: `TEST-${n}`,
      child_id: childId,
      applicant_id: applicantId,
      settlement_kato: input.settlement ?? FIXTURE_TERRITORY.settlement1,
      birth_year: Number(input.birthDate.slice(0, 4)),
      queue: input.queue ?? 'general',
      sms_numbers: ['+77012345678'],
      status: input.status ?? 'queued',
      channel: 'portal',
      language: 'ru',
      submitted_at: input.submittedAt,
      check_due_at: input.submittedAt,
      updated_at: input.submittedAt,
    })
    .execute();
  return { applicationId, childId };
}

/** A live referral holding unit `unit` of a published place (as A2's claim leaves it). */
export async function insertLiveReferral(
  db: Db,
  input: { placeId: string; unit: number; applicationId: string; childId: string; at: Date },
): Promise<string> {
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('place_units')
      .set({ status: 'reserved', referral_id: id })
      .where('place_id', '=', input.placeId)
      .where('unit', '=', input.unit)
      .where('status', '=', 'published')
      .execute();
    await trx
      .insertInto('referrals')
      .values({
        id,
        number: `R-${nextSerial()}`,
        application_id: input.applicationId,
        child_id: input.childId,
        place_id: input.placeId,
        unit: input.unit,
        admission: 'general',
        status: 'issued',
        phase: 'running',
        issued_at: input.at,
        cancel_deadline: new Date(input.at.getTime() + 86_400_000),
        idempotency_key: `test-${id}`,
        updated_at: input.at,
      })
      .execute();
  });
  return id;
}
