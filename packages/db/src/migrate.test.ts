import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from './create-db';
import { migrate, migrationStatus } from './migrate';
import { openTestDb } from './testing';

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

describe('migrations', () => {
  it('are all applied in the test database and a second run applies nothing', async () => {
    const status = await migrationStatus(handle.db);
    expect(status.pending).toEqual([]);
    expect(status.applied).toEqual(status.expected);
    expect(await migrate(handle.db)).toEqual([]);
  });

  it('enforce one live application per child per queue (R-ELIG: one live application per child and queue)', async () => {
    const now = new Date('2026-03-02T05:00:00Z');
    await handle.db
      .insertInto('regions')
      .values({ kato: '750000000', name_kk: 'Алматы', name_ru: 'Алматы', name_en: 'Almaty' })
      .execute();
    await handle.db
      .insertInto('districts')
      .values({
        kato: '751110000',
        region_kato: '750000000',
        name_kk: 'Алмалы',
        name_ru: 'Алмалинский',
        name_en: 'Almaly',
      })
      .execute();
    await handle.db
      .insertInto('settlements')
      .values({
        kato: '751110000',
        district_kato: '751110000',
        name_kk: 'Алмалы',
        name_ru: 'Алмалинский',
        name_en: 'Almaly',
      })
      .execute();
    const applicant = {
      id: '00000000-0000-4000-8000-000000000001',
      iin: '900101300017',
      surname: 'А',
      given_name: 'Б',
      patronymic: null,
      phone: null,
      email: null,
      created_at: now,
    };
    await handle.db.insertInto('applicants').values(applicant).execute();
    await handle.db
      .insertInto('children')
      .values({
        id: '00000000-0000-4000-8000-000000000002',
        applicant_id: applicant.id,
        iin: null,
        surname: 'А',
        given_name: 'В',
        patronymic: null,
        birth_date: '2022-04-10',
        sex: 'male',
        created_at: now,
      })
      .execute();
    const application = (id: string, number: string) => ({
      id,
      number,
      child_id: '00000000-0000-4000-8000-000000000002',
      applicant_id: applicant.id,
      settlement_kato: '751110000',
      birth_year: 2022,
      queue: 'general',
      status: 'queued' as const,
      channel: 'portal' as const,
      language: 'kk',
      submitted_at: now,
      check_due_at: now,
      updated_at: now,
    });
    await handle.db
      .insertInto('applications')
      .values(application('00000000-0000-4000-8000-000000000003', 'A-1'))
      .execute();
    await expect(
      handle.db
        .insertInto('applications')
        .values(application('00000000-0000-4000-8000-000000000004', 'A-2'))
        .execute(),
    ).rejects.toThrow(/applications_one_live_per_child_queue/);
    const birth = await sql<{ birth_date: string }>`SELECT birth_date FROM children`.execute(handle.db);
    expect(birth.rows[0]?.birth_date).toBe('2022-04-10');
  });
});
