import { randomUUID } from 'node:crypto';
import type { Db } from '@kezek/db';
import pg from 'pg';
import { ensureFixtureTerritory } from './auth-fixtures.repository';
import { authRepository } from '../features/auth/auth.repository';
import { openSession } from '../features/auth/open-session';
import { insertQueuedApplication } from '../features/places/places.fixtures';
import { publishPlaceWithWindow } from '../features/referrals/referrals.fixtures';

/**
 * The world of the rush benchmark at 07:00: `clients` applicants, each with a queued application of
 * a child born in 2022 and a signed-in session, all in the access set of one window that opened 5 seconds ago over
 * one place of `units` units.
 */
export const RUSH_BIRTH_YEAR = 2022;
// Monday 2 March 2026, 07:00:05 national time (UTC+5).
export const RUSH_NOW = new Date('2026-03-02T02:00:05Z');

export type RushClient = { n: number; application: string; child: string; cookie: string; csrf: string };

export async function seedRush(
  db: Db,
  input: { clients: number; units: number },
): Promise<{ placeId: string; clients: RushClient[] }> {
  await ensureFixtureTerritory(db, RUSH_NOW);
  const auth = authRepository(db);
  const clients: RushClient[] = [];
  for (let n = 1; n <= input.clients; n += 1) {
    const { applicationId, childId } = await insertQueuedApplication(db, {
      birthDate: `${RUSH_BIRTH_YEAR}-05-05`,
      submittedAt: new Date(RUSH_NOW.getTime() - 86_400_000 * 30 - n * 1000),
    });
    const row = await db
      .selectFrom('applications')
      .select('applicant_id')
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow();
    const session = await openSession(
      auth,
      { kind: 'applicant', applicantId: row.applicant_id },
      { now: RUSH_NOW, ip: null, userAgent: 'rush', presentedSessionId: undefined, requestId: randomUUID() },
    );
    clients.push({
      n,
      application: applicationId,
      child: childId,
      cookie: `kezek_session=${session.token}`,
      csrf: session.csrfToken,
    });
  }
  const { placeId } = await publishPlaceWithWindow(db, {
    birthYear: RUSH_BIRTH_YEAR,
    units: input.units,
    now: RUSH_NOW,
    access: clients.map((client) => client.application),
    openedHoursAgo: 5 / 3600,
  });
  return { placeId, clients };
}

/** One claim of a rush client over HTTP (the Idempotency-Key is the client's own, so a retry is the same claim). */
export const rushClaim = (baseUrl: string, placeId: string, client: RushClient): Promise<Response> =>
  fetch(`${baseUrl}/api/referrals`, {
    method: 'POST',
    headers: {
      cookie: client.cookie,
      'x-csrf-token': client.csrf,
      'content-type': 'application/json',
      'idempotency-key': `rush-claim-${client.n}`,
    },
    body: JSON.stringify({ placeId, applicationIds: [client.application] }),
  });

/** A scratch database on the PostgreSQL server of `serverUrl`, dropped by `drop`. */
export async function scratchDatabase(
  serverUrl: string,
  name: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** R-WIN-10, R-REF-11: units with more than one live referral, and reserved units whose referral is not live. */
export async function doubleBookings(db: Db, placeId: string): Promise<{ count: number; live: Set<string> }> {
  const referrals = await db
    .selectFrom('referrals')
    .select(['id', 'unit'])
    .where('place_id', '=', placeId)
    .where('status', 'in', ['issued', 'extended'])
    .execute();
  const reserved = await db
    .selectFrom('place_units')
    .select(['unit', 'referral_id'])
    .where('place_id', '=', placeId)
    .where('status', '=', 'reserved')
    .execute();
  const perUnit = new Map<number, number>();
  for (const referral of referrals) perUnit.set(referral.unit, (perUnit.get(referral.unit) ?? 0) + 1);
  const live = new Set(referrals.map((referral) => referral.id));
  return {
    count:
      [...perUnit.values()].filter((count) => count > 1).length +
      reserved.filter((unit) => !live.has(unit.referral_id ?? '')).length,
    live,
  };
}
