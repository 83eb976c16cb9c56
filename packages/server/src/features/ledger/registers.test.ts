import { randomUUID } from 'node:crypto';
import type { DbHandle } from '@kezek/db';
import { openTestDb } from '@kezek/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor';
import { transactor } from '../../platform/transactor';
import { ensureFixtureTerritory, FIXTURE_TERRITORY } from '../../testing/auth-fixtures.repository';
import { silentLog } from '../../testing/test-app';
import { auditRepository } from '../audit/audit.repository';
import { auditLedger } from './audit-ledger';
import { createLedgerDeps, type LedgerDeps } from './ledger-deps';
import { ledgerRepository } from './ledger.repository';
import { currentPublicKey } from './ledger-signer';
import { signTreeHeads } from './sign-tree-heads';

/**
 * The referrals and bulletins registers (R-SYS-08): the rows are written here as their features write them, then
 * audited; each audited change lands in its log, a referral's change also logs the application it moved, and the
 * audit detects a changed referral or bulletin item.
 */
const NOW = new Date('2026-03-02T13:00:00Z');
const SYSTEM: Actor = { kind: 'system', job: 'test' };
let handle: DbHandle;
let ledger: LedgerDeps;
const ids = { application: randomUUID(), referral: randomUUID(), place: randomUUID(), bulletin: '' };

const audited = (
  action: string,
  entityType: string,
  entityId: string,
  write: (db: DbHandle['db']) => Promise<unknown>,
) =>
  transactor(handle.db, (trx) => ({ trx, audit: auditRepository(trx) }))(async ({ trx, audit }) => {
    await write(trx);
    await audit.record({ at: NOW, actor: SYSTEM, action, entityType, entityId });
  });

const leavesOf = async (log: 'applications' | 'referrals' | 'bulletins') =>
  (await ledgerRepository(handle.db).allLeaves(log)).map(
    (leaf) => JSON.parse(leaf.leaf) as Record<string, unknown>,
  );

const findings = async () => {
  const repo = ledgerRepository(handle.db);
  return (await auditLedger(repo, await currentPublicKey(repo, undefined))).flatMap((log) => log.findings);
};

beforeAll(async () => {
  handle = await openTestDb();
  ledger = createLedgerDeps({ db: handle.db, key: undefined, log: silentLog });
  await ensureFixtureTerritory(handle.db, NOW);
  const applicant = randomUUID();
  const child = randomUUID();
  const group = randomUUID();
  await handle.db
    .insertInto('applicants')
    .values({
      id: applicant,
      iin: '900101400011',
      surname: 'A',
      given_name: 'B',
      phone: null,
      email: null,
      patronymic: null,
      created_at: NOW,
    })
    .execute();
  await handle.db
    .insertInto('children')
    .values({
      id: child,
      applicant_id: applicant,
      iin: null,
      surname: 'C',
      given_name: 'D',
      patronymic: null,
      birth_date: '2022-03-03',
      sex: 'female',
      created_at: NOW,
    })
    .execute();
  await audited('application.submitted', 'application', ids.application, (db) =>
    db
      .insertInto('applications')
      .values({
        id: ids.application,
        number: `${FIXTURE_TERRITORY.settlement1}-9000001`,
        child_id: child,
        applicant_id: applicant,
        settlement_kato: FIXTURE_TERRITORY.settlement1,
        birth_year: 2022,
        queue: 'general',
        status: 'queued',
        channel: 'portal',
        language: 'kk',
        submitted_at: NOW,
        check_due_at: NOW,
        originals_due_at: null,
        verified_at: NOW,
        email: null,
        idempotency_key: null,
        updated_at: NOW,
      })
      .execute(),
  );
  await handle.db
    .insertInto('groups')
    .values({
      id: group,
      kindergarten_id: FIXTURE_TERRITORY.kindergarten1,
      age_group: 'middle',
      age: 4,
      language: 'kk',
      group_type: 'general',
      specialization: null,
      mode: 'full',
      capacity: 20,
    })
    .execute();
  await sql`INSERT INTO places (id, kindergarten_id, group_id, settlement_kato, queue, age, birth_year, language, mode,
      admission, units, reported_at, updated_at)
    VALUES (${ids.place}, ${FIXTURE_TERRITORY.kindergarten1}, ${group}, ${FIXTURE_TERRITORY.settlement1}, 'general', 4,
      2022, 'kk', 'full', 'general', 1, ${NOW}, ${NOW})`.execute(handle.db);
  await sql`INSERT INTO place_units (place_id, unit, status) VALUES (${ids.place}, 0, 'published')`.execute(
    handle.db,
  );
});
afterAll(() => handle.close());

describe('R-SYS-08: the referrals and bulletins registers', () => {
  it('R-SYS-08: an issued referral lands in the referrals log, without personal data', async () => {
    await audited('referral.issued', 'referral', ids.referral, (db) =>
      sql`INSERT INTO referrals (id, number, application_id, child_id, place_id, unit, admission, status, phase,
          issued_at, cancel_deadline, idempotency_key, updated_at)
        SELECT ${ids.referral}, 'R-1', id, child_id, ${ids.place}, 0, 'general', 'issued', 'running', ${NOW}, ${NOW},
          'issue-1', ${NOW} FROM applications WHERE id = ${ids.application}`.execute(db),
    );
    const [leaf] = await leavesOf('referrals');
    expect(leaf).toMatchObject({
      event: 'referral.issued',
      entity: ids.referral,
      version: 1,
      state: {
        number: 'R-1',
        status: 'issued',
        kindergarten: FIXTURE_TERRITORY.kindergarten1,
        place: ids.place,
        unit: 0,
      },
    });
    expect(JSON.stringify(leaf)).not.toContain(ids.application);
    // The application did not change: it has its one submission leaf only.
    expect(await leavesOf('applications')).toHaveLength(1);
  });

  it('R-SYS-08: a referral change that moves its application logs both', async () => {
    await audited('referral.revoked', 'referral', ids.referral, async (db) => {
      await sql`UPDATE referrals SET status = 'revoked', version = 2, updated_at = ${NOW} WHERE id = ${ids.referral}`.execute(
        db,
      );
      await sql`UPDATE applications SET status = 'stopped', version = 2 WHERE id = ${ids.application}`.execute(
        db,
      );
    });
    expect((await leavesOf('referrals')).map((leaf) => leaf.version)).toEqual([1, 2]);
    expect(await leavesOf('applications')).toEqual([
      expect.objectContaining({ event: 'application.submitted', version: 1 }),
      expect.objectContaining({
        event: 'referral.revoked',
        version: 2,
        state: expect.objectContaining({ status: 'stopped' }) as unknown,
      }),
    ]);
  });

  it('R-SYS-08: a published bulletin lands in the bulletins log with a digest of its items', async () => {
    await transactor(handle.db, (trx) => ({ trx, audit: auditRepository(trx) }))(async ({ trx, audit }) => {
      const bulletin = await trx
        .insertInto('bulletins')
        .values({
          settlement_kato: FIXTURE_TERRITORY.settlement1,
          bulletin_date: '2026-03-02',
          published_at: NOW,
          items_count: 1,
          revoked_count: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.bulletin = String(bulletin.id);
      await trx
        .insertInto('bulletin_items')
        .values({
          bulletin_id: bulletin.id,
          place_id: ids.place,
          unit: 0,
          position: 1,
          queue_key: `${FIXTURE_TERRITORY.settlement1}/2022/general`,
          kindergarten_id: FIXTURE_TERRITORY.kindergarten1,
          group_id: (
            await trx
              .selectFrom('places')
              .select('group_id')
              .where('id', '=', ids.place)
              .executeTakeFirstOrThrow()
          ).group_id,
          birth_year: 2022,
          age: 4,
          language: 'kk',
          mode: 'full',
          admission: 'general',
          start_date: null,
          free_from: null,
          until: null,
        })
        .execute();
      await audit.record({
        at: NOW,
        actor: SYSTEM,
        action: 'bulletin.published',
        entityType: 'bulletin',
        entityId: ids.bulletin,
      });
    });
    const [leaf] = await leavesOf('bulletins');
    expect(leaf).toMatchObject({
      event: 'bulletin.published',
      entity: ids.bulletin,
      state: { items: 1, date: '2026-03-02' },
    });
    expect((leaf?.state as Record<string, unknown>).itemsHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('R-SYS-08: all three logs are signed and consistent; a changed referral or bulletin item is detected', async () => {
    const heads = await signTreeHeads(ledger, NOW);
    expect(heads.map((h) => [h.log, h.head.treeSize])).toEqual([
      ['applications', 2],
      ['referrals', 2],
      ['bulletins', 1],
    ]);
    expect(await findings()).toEqual([]);
    await sql`UPDATE referrals SET valid_until = '2026-04-01' WHERE id = ${ids.referral}`.execute(handle.db);
    expect(await findings()).toEqual([
      expect.stringContaining(`referral ${ids.referral}: row (version 2) no longer matches`),
    ]);
    await sql`UPDATE referrals SET valid_until = NULL WHERE id = ${ids.referral}`.execute(handle.db);
    await sql`UPDATE bulletin_items SET age = 5 WHERE place_id = ${ids.place}`.execute(handle.db);
    expect(await findings()).toEqual([
      expect.stringContaining(`bulletin ${ids.bulletin}: row (version 1) no longer matches`),
    ]);
    await sql`UPDATE bulletin_items SET age = 4 WHERE place_id = ${ids.place}`.execute(handle.db);
    expect(await findings()).toEqual([]);
  });
});
