import type { ApplicationReceipt, LedgerReceipt, SignedHeads } from '@kezek/contracts';
import { addDays, localDate } from '@kezek/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transactor } from '../../platform/transactor';
import { devChildIin } from '../../ports/individuals-port';
import {
  APPLICANT_IINS,
  loginAs,
  openAuthTestApp,
  type AuthTestApp,
  type Persona,
} from '../../testing/auth-fixtures';
import { ensureFixtureTerritory, FIXTURE_TERRITORY } from '../../testing/auth-fixtures.repository';
import { silentLog } from '../../testing/test-app';
import { auditRepository } from '../audit/audit.repository';
import { auditLedger } from './audit-ledger';
import { currentPublicKey } from './ledger-signer';
import { createLedgerDeps, type LedgerDeps } from './ledger-deps';
import { signTreeHeadsJob } from './ledger.jobs';
import { ledgerRepository } from './ledger.repository';
import { parseReceipt } from './receipt-qr';
import { sequenceLeaves } from './sequence-leaves';
import { signTreeHeads } from './sign-tree-heads';
import { verifyReceiptOffline } from './verify-receipt';
import { verifyReceiptOnline } from './verify-receipt-online';

/**
 * The registers' logs end to end (issue 7): leaves appended with the change, sequenced, signed, proven; receipts
 * verified offline and online; the audit recomputing the logs and detecting each kind of tampering.
 */

let t: AuthTestApp;
let ledger: LedgerDeps;
let serial = 0;
const ids: string[] = [];
const submitted: ApplicationReceipt[] = [];

const form = () => ({
  child: {
    iin: devChildIin(APPLICANT_IINS.applicantA, addDays(localDate('2022-03-03'), (serial += 1)), 'female'),
  },
  settlement: FIXTURE_TERRITORY.settlement1,
  smsNumbers: ['+7 701 234 56 78'],
  consent: true,
});

async function call(persona: Persona, method: 'GET' | 'POST', path: string, body?: unknown) {
  const { headers } = await loginAs(t, persona);
  return t.app.request(path, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function json<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

const leafCount = async (): Promise<number> =>
  Number(
    (
      await t.handle.db
        .selectFrom('ledger_leaves')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const findings = async (): Promise<string[]> => {
  const repo = ledgerRepository(t.handle.db);
  return (await auditLedger(repo, await currentPublicKey(repo, undefined))).flatMap((log) => log.findings);
};

/** Runs a tampering against the database, checks the audit finds it, and undoes it. */
async function tampered(tamper: string, undo: string): Promise<string[]> {
  await sql.raw(tamper).execute(t.handle.db);
  try {
    return await findings();
  } finally {
    await sql.raw(undo).execute(t.handle.db);
  }
}

beforeAll(async () => {
  t = await openAuthTestApp();
  await ensureFixtureTerritory(t.handle.db, t.clock.now());
  ledger = createLedgerDeps({ db: t.handle.db, key: undefined, log: silentLog });
  for (let i = 0; i < 5; i += 1) {
    const receipt = await json<ApplicationReceipt>(
      await call('applicantA', 'POST', '/api/applications', form()),
      201,
    );
    ids.push(receipt.id);
    submitted.push(receipt);
  }
  // A change of status: a second leaf of the same entity.
  await json(await call('applicantA', 'POST', `/api/applications/${ids[0]}/withdrawal`, { version: 1 }));
});
afterAll(() => t.close());

describe('R-SYS-08: every register change lands in its log', () => {
  it('R-SYS-08: each submission and each status change appends one leaf, with no personal data', async () => {
    const leaves = await ledgerRepository(t.handle.db).allLeaves('applications');
    expect(leaves).toHaveLength(6);
    expect(leaves.filter((leaf) => leaf.entityId === ids[0]).map((leaf) => leaf.entityVersion)).toEqual([
      1, 2,
    ]);
    const withdrawn = JSON.parse(leaves.at(-1)?.leaf ?? '{}') as Record<string, unknown>;
    expect(withdrawn).toMatchObject({ event: 'application.withdrawn', version: 2, entity: ids[0] });
    expect(withdrawn.state).toMatchObject({ status: 'withdrawn' });
    for (const leaf of leaves) {
      expect(leaf.leaf).not.toContain(APPLICANT_IINS.applicantA);
      expect(leaf.leaf).not.toContain('7012345678');
    }
  });

  it('R-SYS-08: the application receipt carries its leaf hash at once, a promise of inclusion', async () => {
    const leaves = await ledgerRepository(t.handle.db).allLeaves('applications');
    expect(submitted[0]?.ledger).toMatchObject({
      log: 'applications',
      leafHash: leaves[0]?.leafHash,
      index: null,
      head: null,
    });
    expect(verifyReceiptOffline(parseReceipt(JSON.stringify(submitted[0])) ?? fail())).toMatchObject({
      ok: false,
      message: expect.stringContaining('not yet covered by a signed tree head') as unknown,
    });
  });

  it('R-SYS-08: a rolled-back change leaves no leaf (appended in the same transaction)', async () => {
    const before = await leafCount();
    const run = transactor(t.handle.db, (trx) => ({ audit: auditRepository(trx) }));
    await expect(
      run(async ({ audit }) => {
        await audit.record({
          at: t.clock.now(),
          actor: { kind: 'system', job: 'test' },
          action: 'application.testChange',
          entityType: 'application',
          entityId: ids[1] ?? '',
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await leafCount()).toBe(before);
  });

  it('R-SYS-08: the sequencer gives concurrent appends contiguous indexes, in append order', async () => {
    const record = transactor(t.handle.db, (trx) => ({ audit: auditRepository(trx) }));
    const appends = Array.from({ length: 20 }, (_, i) =>
      record(({ audit }) =>
        audit.record({
          at: t.clock.now(),
          actor: { kind: 'system', job: 'test' },
          action: 'application.interestReminded',
          entityType: 'application',
          entityId: ids[1 + (i % 4)] ?? '',
        }),
      ),
    );
    const sequencers = Array.from({ length: 4 }, () => sequenceLeaves(ledger.transaction, 'applications'));
    await Promise.all([...appends, ...sequencers]);
    await sequenceLeaves(ledger.transaction, 'applications');
    const leaves = await ledgerRepository(t.handle.db).allLeaves('applications');
    expect(leaves.map((leaf) => leaf.leafIndex)).toEqual(leaves.map((_, i) => i));
    expect(await ledgerRepository(t.handle.db).size('applications')).toBe(leaves.length);
    expect(await findings()).toEqual([]);
  });
});

describe('signed heads, proofs and receipts', () => {
  let receipt: LedgerReceipt;

  beforeAll(async () => {
    await signTreeHeads(ledger, new Date('2026-03-02T13:05:00Z'));
    const leaf = (await ledgerRepository(t.handle.db).allLeaves('applications'))[2];
    receipt = await json<LedgerReceipt>(
      await call('public', 'GET', `/api/ledger/applications/receipts/${leaf?.leafHash}`),
    );
  });

  it('R-SYS-08: the operator signs a head of every register on demand; others may not', async () => {
    const signed = await json<SignedHeads>(await call('operator', 'POST', '/api/ledger/heads'));
    expect(signed.heads.map((h) => h.log)).toEqual(['applications', 'referrals', 'bulletins']);
    expect((await call('clerkDistrict1', 'POST', '/api/ledger/heads')).status).toBe(403);
  });

  it('R-SYS-08: heads are signed daily at 18:05 national time; a retried slot signs nothing twice', async () => {
    const job = signTreeHeadsJob(ledger);
    const slot = job.schedule(new Date('2026-03-03T12:00:00Z'));
    expect(slot.toISOString()).toBe('2026-03-03T13:05:00.000Z');
    const ctx = { log: silentLog, attempt: 1 };
    const first = await job.handler(slot, ctx);
    expect(await job.handler(slot, { ...ctx, attempt: 2 })).toEqual(first);
    const heads = await t.handle.db
      .selectFrom('ledger_heads')
      .select('log')
      .where('signed_at', '=', slot)
      .execute();
    expect(heads.map((head) => head.log).sort()).toEqual(['applications', 'bulletins', 'referrals']);
    await t.handle.db.deleteFrom('ledger_heads').where('signed_at', '=', slot).execute();
  });

  it('R-SYS-08: a receipt verifies offline, from its JSON and from its QR text', () => {
    expect(receipt.index).toBe(2);
    const fromJson = verifyReceiptOffline(parseReceipt(JSON.stringify(receipt)) ?? fail());
    expect(fromJson).toMatchObject({ ok: true });
    expect(verifyReceiptOffline(parseReceipt(receipt.qr) ?? fail())).toMatchObject({ ok: true });
    expect(verifyReceiptOffline(parseReceipt(receipt.qr) ?? fail(), receipt.publicKey)).toMatchObject({
      ok: true,
    });
  });

  it('R-SYS-08: the receipt has a QR code (SVG) of its QR text', async () => {
    const response = await call('public', 'GET', `/api/ledger/applications/receipts/${receipt.leafHash}/qr`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(await response.text()).toMatch(/^<svg[^>]*viewBox="0 0 (\d+) \1"/);
  });

  it('R-SYS-08: an altered receipt does not verify (leaf, index, proof, head, key)', () => {
    const leaf = receipt.leaf.replace('"status":"queued"', '"status":"withdrawn"');
    expect(leaf).not.toBe(receipt.leaf);
    const other = 'ab'.repeat(32);
    const altered: LedgerReceipt[] = [
      { ...receipt, leaf },
      { ...receipt, index: 3 },
      { ...receipt, proof: (receipt.proof ?? []).map((node, i) => (i === 0 ? other : node)) },
      { ...receipt, head: receipt.head && { ...receipt.head, treeSize: receipt.head.treeSize + 1 } },
      { ...receipt, head: receipt.head && { ...receipt.head, rootHash: other } },
    ];
    for (const bad of altered)
      expect(verifyReceiptOffline(parseReceipt(JSON.stringify(bad)) ?? fail())).toMatchObject({ ok: false });
    expect(verifyReceiptOffline(parseReceipt(JSON.stringify(receipt)) ?? fail(), other)).toMatchObject({
      ok: false,
    });
  });

  it('R-SYS-08: online, the receipt is consistent with a later head; a receipt without a head is completed', async () => {
    await json(await call('applicantA', 'POST', '/api/applications', form()), 201);
    await signTreeHeads(ledger, new Date('2026-03-02T14:00:00Z'));
    const fetchApp = async (url: string) => t.app.request(url.replace('http://kezek.test', ''));
    const claim = parseReceipt(JSON.stringify(receipt)) ?? fail();
    const online = await verifyReceiptOnline(claim, 'http://kezek.test', fetchApp);
    expect(online).toMatchObject({ ok: true });
    expect(online.message).toContain('consistent with the latest head');
    const pending = { ...claim, index: null, head: null, proof: null };
    expect(verifyReceiptOffline(pending)).toMatchObject({ ok: false });
    expect(await verifyReceiptOnline(pending, 'http://kezek.test', fetchApp)).toMatchObject({ ok: true });
    const wrongKey = await verifyReceiptOnline(
      { ...claim, publicKey: 'ab'.repeat(32) },
      'http://kezek.test',
      fetchApp,
    );
    expect(wrongKey).toMatchObject({ ok: false });
  });

  it('the public API answers heads, proofs and leaves; bad input names the field', async () => {
    const head = await json<{ head: { treeSize: number } }>(
      await call('public', 'GET', '/api/ledger/applications/head'),
    );
    const size = head.head.treeSize;
    const proof = await json<{ proof: string[] }>(
      await call('public', 'GET', `/api/ledger/applications/proof/inclusion?index=1&treeSize=${size}`),
    );
    expect(proof.proof.length).toBeGreaterThan(0);
    const consistency = await json<{ proof: string[] }>(
      await call('public', 'GET', `/api/ledger/applications/proof/consistency?from=3&to=${size}`),
    );
    expect(consistency.proof.length).toBeGreaterThan(0);
    const page = await json<{ leaves: unknown[]; size: number }>(
      await call('public', 'GET', '/api/ledger/applications/leaves?start=0&limit=1000'),
    );
    expect(page.leaves).toHaveLength(page.size);
    const tooMany = await json<{ error: { field: string } }>(
      await call('public', 'GET', '/api/ledger/applications/leaves?limit=1001'),
      400,
    );
    expect(tooMany.error.field).toBe('limit');
    const beyond = await json<{ error: { field: string } }>(
      await call('public', 'GET', `/api/ledger/applications/proof/consistency?from=1&to=${size + 1}`),
      400,
    );
    expect(beyond.error.field).toBe('to');
    expect((await call('public', 'GET', '/api/ledger/people/head')).status).toBe(400);
    expect((await call('public', 'GET', '/api/ledger/referrals/head')).status).toBe(200);
  });
});

describe('R-SYS-08: kezek audit-ledger detects tampering with any stored row', () => {
  beforeAll(async () => {
    await signTreeHeads(ledger, new Date('2026-03-02T15:00:00Z'));
  });

  it('R-SYS-08: an untouched ledger has no findings', async () => {
    expect(await findings()).toEqual([]);
  });

  it('R-SYS-08: a register row changed without a leaf is detected', async () => {
    const found = await tampered(
      `UPDATE applications SET status = 'queued' WHERE id = '${ids[0]}'`,
      `UPDATE applications SET status = 'withdrawn' WHERE id = '${ids[0]}'`,
    );
    expect(found).toEqual([
      expect.stringContaining(`application ${ids[0]}: row (version 2) no longer matches`),
    ]);
    const personal = await tampered(
      `UPDATE applications SET sms_numbers = '{+77770000000}' WHERE id = '${ids[1]}'`,
      `UPDATE applications SET sms_numbers = '{+77012345678}' WHERE id = '${ids[1]}'`,
    );
    expect(personal).toEqual([expect.stringContaining(`application ${ids[1]}`)]);
    expect(await findings()).toEqual([]);
  });

  it('R-SYS-08: a deleted leaf is detected', async () => {
    const leaf = await ledgerRepository(t.handle.db).leafByIndex('applications', 3);
    const found = await tampered(
      `DELETE FROM ledger_leaves WHERE log = 'applications' AND leaf_index = 3`,
      `INSERT INTO ledger_leaves (log, leaf_index, leaf_hash, leaf, entity_id, entity_version, created_at)
       VALUES ('applications', 3, '${leaf?.leafHash}', '${leaf?.leaf}', '${leaf?.entityId}', ${leaf?.entityVersion}, now())`,
    );
    expect(found).toEqual(expect.arrayContaining([expect.stringContaining('leaves 3…3 are missing')]));
  });

  it('R-SYS-08: two leaves swapped in order are detected', async () => {
    const swap = `UPDATE ledger_leaves SET leaf_index = CASE leaf_index WHEN 1 THEN 2 ELSE 1 END
                  WHERE log = 'applications' AND leaf_index IN (1, 2)`;
    await sql
      .raw(`ALTER TABLE ledger_leaves DROP CONSTRAINT ledger_leaves_log_leaf_index_key`)
      .execute(t.handle.db);
    try {
      const found = await tampered(swap, swap);
      expect(found).toEqual(
        expect.arrayContaining([expect.stringMatching(/root of the first \d+ leaves does not match/)]),
      );
    } finally {
      await sql.raw(`ALTER TABLE ledger_leaves ADD UNIQUE (log, leaf_index)`).execute(t.handle.db);
    }
  });

  it('R-SYS-08: a deleted register row and an altered leaf are detected', async () => {
    const leaf = await ledgerRepository(t.handle.db).leafByIndex('applications', 0);
    const altered = await tampered(
      `UPDATE ledger_leaves SET leaf = replace(leaf, '"status":"queued"', '"status":"stopped"') WHERE log = 'applications' AND leaf_index = 0`,
      `UPDATE ledger_leaves SET leaf = '${leaf?.leaf}' WHERE log = 'applications' AND leaf_index = 0`,
    );
    expect(altered).toEqual(expect.arrayContaining(['leaf 0: content does not match its leaf hash']));
    const row = await t.handle.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', ids[4] ?? '')
      .executeTakeFirstOrThrow();
    await sql`ALTER TABLE applications DISABLE TRIGGER ALL`.execute(t.handle.db);
    const deleted = await sql`DELETE FROM applications WHERE id = ${row.id}`
      .execute(t.handle.db)
      .then(findings);
    await t.handle.db
      .insertInto('applications')
      .values({ ...row, categories: row.categories, registration_seq: row.registration_seq })
      .execute();
    await sql`ALTER TABLE applications ENABLE TRIGGER ALL`.execute(t.handle.db);
    expect(deleted).toEqual([`application ${row.id}: has leaves but no row (deleted)`]);
  });

  it('R-SYS-08: an altered signed head is detected', async () => {
    const found = await tampered(
      `UPDATE ledger_heads SET tree_size = tree_size - 1 WHERE log = 'applications' AND signed_at = '2026-03-02T15:00:00Z'`,
      `UPDATE ledger_heads SET tree_size = tree_size + 1 WHERE log = 'applications' AND signed_at = '2026-03-02T15:00:00Z'`,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        "head of 2026-03-02T15:00:00.000Z: signature does not verify under the log's key",
        'head of 2026-03-02T15:00:00.000Z: root of the first 26 leaves does not match',
      ]),
    );
    expect(await findings()).toEqual([]);
  });
});

function fail(): never {
  throw new Error('not a receipt');
}
