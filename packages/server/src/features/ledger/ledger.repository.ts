import type { ApplicationsTable, Db, LedgerLogName } from '@kezek/db';
import { sql, type Selectable } from 'kysely';

export type LeafRow = {
  leafIndex: number | null;
  leafHash: string;
  leaf: string;
  entityId: string;
  entityVersion: number;
};

export type HeadRow = {
  log: LedgerLogName;
  treeSize: number;
  rootHash: string;
  signedAt: Date;
  signature: string;
  keyId: string;
};

const SIGNING_KEY = 'ledgerSigningKey';

const leafColumns = [
  'leaf_index as leafIndex',
  'leaf_hash as leafHash',
  'leaf',
  'entity_id as entityId',
  'entity_version as entityVersion',
] as const;

const headColumns = [
  'log',
  'tree_size as treeSize',
  'root_hash as rootHash',
  'signed_at as signedAt',
  'signature',
  'key_id as keyId',
] as const;

export type LedgerRepository = ReturnType<typeof ledgerRepository>;

/** The registers' logs (0006): leaves, the sequencer's per-log row, signed heads, salts, the signing key. */
export function ledgerRepository(db: Db) {
  const storedSigningKeyPem = async (): Promise<string | undefined> => {
    const value = (
      await db.selectFrom('app_meta').select('value').where('key', '=', SIGNING_KEY).executeTakeFirst()
    )?.value;
    return typeof value === 'string' ? value : undefined;
  };
  return {
    /** The entity's salt, created on its first leaf; concurrent first leaves of one entity agree on one. */
    async saltFor(log: LedgerLogName, entityId: string, fresh: () => string): Promise<string> {
      // A new entity's salt comes back from its insert; an existing one's is read (one statement either way
      // for the new entities a claim creates).
      const inserted = await db
        .insertInto('ledger_salts')
        .values({ log, entity_id: entityId, salt: fresh() })
        .onConflict((oc) => oc.columns(['log', 'entity_id']).doNothing())
        .returning('salt')
        .executeTakeFirst();
      if (inserted !== undefined) return inserted.salt;
      const row = await db
        .selectFrom('ledger_salts')
        .select('salt')
        .where('log', '=', log)
        .where('entity_id', '=', entityId)
        .executeTakeFirstOrThrow();
      return row.salt;
    },

    salts: async (log: LedgerLogName): Promise<Map<string, string>> =>
      new Map(
        (
          await db.selectFrom('ledger_salts').select(['entity_id', 'salt']).where('log', '=', log).execute()
        ).map((row) => [row.entity_id, row.salt]),
      ),

    /** An unsequenced leaf: a plain insert, no lock shared with other writers. */
    async insertLeaf(leaf: {
      log: LedgerLogName;
      leafHash: string;
      leaf: string;
      entityId: string;
      entityVersion: number;
      at: Date;
    }): Promise<void> {
      await db
        .insertInto('ledger_leaves')
        .values({
          log: leaf.log,
          leaf_index: null,
          leaf_hash: leaf.leafHash,
          leaf: leaf.leaf,
          entity_id: leaf.entityId,
          entity_version: leaf.entityVersion,
          created_at: leaf.at,
        })
        .execute();
    },

    /** The sequencer's lock: one row per log, held to the end of the transaction. Returns the size. */
    async lockLog(log: LedgerLogName): Promise<number> {
      const row = await db
        .selectFrom('ledger_logs')
        .select('size')
        .where('log', '=', log)
        .forUpdate()
        .executeTakeFirstOrThrow();
      return row.size;
    },

    /** Places up to `limit` unsequenced leaves at size, size + 1, … in seq order; returns how many. */
    async placeLeaves(log: LedgerLogName, size: number, limit: number): Promise<number> {
      const result = await sql`
        UPDATE ledger_leaves AS l SET leaf_index = ${size} + batch.n - 1
        FROM (
          SELECT seq, row_number() OVER (ORDER BY seq) AS n FROM ledger_leaves
          WHERE log = ${log} AND leaf_index IS NULL ORDER BY seq LIMIT ${limit}
        ) AS batch
        WHERE l.seq = batch.seq`.execute(db);
      const placed = Number(result.numAffectedRows ?? 0n);
      if (placed > 0)
        await db
          .updateTable('ledger_logs')
          .set({ size: size + placed })
          .where('log', '=', log)
          .execute();
      return placed;
    },

    /** Leaf hashes from index `from` on, in index order (the in-memory trees catch up with these). */
    leafHashesFrom: (log: LedgerLogName, from: number) =>
      db
        .selectFrom('ledger_leaves')
        .select(['leaf_index as leafIndex', 'leaf_hash as leafHash'])
        .where('log', '=', log)
        .where('leaf_index', '>=', from)
        .orderBy('leaf_index')
        .execute(),

    leafByHash: (log: LedgerLogName, leafHash: string): Promise<LeafRow | undefined> =>
      db
        .selectFrom('ledger_leaves')
        .select(leafColumns)
        .where('log', '=', log)
        .where('leaf_hash', '=', leafHash)
        .orderBy('seq')
        .executeTakeFirst(),

    /** The entity's latest leaf: the highest index, or the last appended while still unsequenced. */
    latestLeafOf: (log: LedgerLogName, entityId: string): Promise<LeafRow | undefined> =>
      db
        .selectFrom('ledger_leaves')
        .select(leafColumns)
        .where('log', '=', log)
        .where('entity_id', '=', entityId)
        .orderBy(sql`leaf_index IS NULL`, 'desc')
        .orderBy('leaf_index', 'desc')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst(),

    leafByIndex: (log: LedgerLogName, index: number): Promise<LeafRow | undefined> =>
      db
        .selectFrom('ledger_leaves')
        .select(leafColumns)
        .where('log', '=', log)
        .where('leaf_index', '=', index)
        .executeTakeFirst(),

    leafRange: (log: LedgerLogName, start: number, limit: number): Promise<LeafRow[]> =>
      db
        .selectFrom('ledger_leaves')
        .select(leafColumns)
        .where('log', '=', log)
        .where('leaf_index', '>=', start)
        .where('leaf_index', '<', start + limit)
        .orderBy('leaf_index')
        .execute(),

    /** Every leaf of a log as stored: sequenced in index order, then the unsequenced ones in seq order. */
    allLeaves: (log: LedgerLogName): Promise<LeafRow[]> =>
      db
        .selectFrom('ledger_leaves')
        .select(leafColumns)
        .where('log', '=', log)
        .orderBy(sql`leaf_index IS NULL`)
        .orderBy('leaf_index')
        .orderBy('seq')
        .execute(),

    size: async (log: LedgerLogName): Promise<number> =>
      (await db.selectFrom('ledger_logs').select('size').where('log', '=', log).executeTakeFirstOrThrow())
        .size,

    /** A head; a retried job slot (same log and instant) writes nothing twice. */
    async insertHead(head: HeadRow): Promise<void> {
      await db
        .insertInto('ledger_heads')
        .values({
          log: head.log,
          tree_size: head.treeSize,
          root_hash: head.rootHash,
          signed_at: head.signedAt,
          signature: head.signature,
          key_id: head.keyId,
        })
        .onConflict((oc) => oc.columns(['log', 'signed_at']).doNothing())
        .execute();
    },

    latestHead: (log: LedgerLogName): Promise<HeadRow | undefined> =>
      db
        .selectFrom('ledger_heads')
        .select(headColumns)
        .where('log', '=', log)
        .orderBy('signed_at', 'desc')
        .orderBy('tree_size', 'desc')
        .limit(1)
        .executeTakeFirst(),

    heads: (log: LedgerLogName): Promise<HeadRow[]> =>
      db.selectFrom('ledger_heads').select(headColumns).where('log', '=', log).orderBy('signed_at').execute(),

    /** The generated signing key, if one was generated; never generates (the auditor's read). */
    storedSigningKeyPem,

    /** The generated signing key (PKCS #8 PEM) when none is configured; the first writer's key wins. */
    async signingKeyPem(generate: () => string): Promise<{ pem: string; generated: boolean }> {
      const stored = await storedSigningKeyPem();
      if (stored !== undefined) return { pem: stored, generated: false };
      await db
        .insertInto('app_meta')
        .values({ key: SIGNING_KEY, value: JSON.stringify(generate()) })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const written = await storedSigningKeyPem();
      if (written === undefined) throw new Error('app_meta holds no ledger signing key after writing one');
      return { pem: written, generated: true };
    },

    /** Application register rows: the given ones, or all (the auditor's recomputation). */
    applications: (ids?: readonly string[]): Promise<Selectable<ApplicationsTable>[]> => {
      const query = db.selectFrom('applications').selectAll().orderBy('id');
      if (ids === undefined) return query.execute();
      return ids.length === 0 ? Promise.resolve([]) : query.where('id', 'in', ids).execute();
    },

    /** IDs of register rows with no leaf at all (written before logging began, or loaded in bulk). */
    unloggedIds: async (log: LedgerLogName, limit: number): Promise<string[]> => {
      const rows = await sql<{ id: string }>`
        SELECT t.id::text AS id FROM ${sql.table(log)} AS t
        WHERE NOT EXISTS (SELECT 1 FROM ledger_leaves AS l WHERE l.log = ${log} AND l.entity_id = t.id::text)
        ORDER BY t.id LIMIT ${limit}`.execute(db);
      return rows.rows.map((row) => row.id);
    },

    /** Referral register rows with their kindergarten (public: where the referral sends the child). */
    referrals: (ids?: readonly string[]) => {
      const query = db
        .selectFrom('referrals as r')
        .innerJoin('places as p', 'p.id', 'r.place_id')
        .selectAll('r')
        .select('p.kindergarten_id')
        .orderBy('r.id');
      if (ids === undefined) return query.execute();
      return ids.length === 0 ? Promise.resolve([]) : query.where('r.id', 'in', ids).execute();
    },

    /** Bulletins with their items (in published order) and the revocations they published. */
    bulletins: async (ids?: readonly string[]) => {
      const numeric = ids?.map(Number);
      if (numeric !== undefined && numeric.length === 0) return [];
      const bulletins = await (
        numeric === undefined
          ? db.selectFrom('bulletins').selectAll().orderBy('id')
          : db.selectFrom('bulletins').selectAll().where('id', 'in', numeric).orderBy('id')
      ).execute();
      const wanted = bulletins.map((bulletin) => Number(bulletin.id));
      if (wanted.length === 0) return [];
      const [items, revocations] = await Promise.all([
        db
          .selectFrom('bulletin_items')
          .selectAll()
          .where('bulletin_id', 'in', wanted)
          .orderBy('bulletin_id')
          .orderBy('position')
          .execute(),
        db
          .selectFrom('place_revocations')
          .select(['bulletin_id', 'place_id', 'published_units', 'reason'])
          .where('bulletin_id', 'in', wanted)
          .orderBy('id')
          .execute(),
      ]);
      return bulletins.map((bulletin) => ({
        bulletin,
        items: items.filter((item) => Number(item.bulletin_id) === Number(bulletin.id)),
        revocations: revocations.filter(
          (revocation) => Number(revocation.bulletin_id) === Number(bulletin.id),
        ),
      }));
    },
  };
}
