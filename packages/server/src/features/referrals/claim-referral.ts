import { randomUUID } from 'node:crypto';
import type { ClaimReferral, ReferralView } from '@kezek/contracts';
import {
  applicationGroup,
  applicationKey,
  checkClaimant,
  checkMatch,
  checkPrivilegeReuse,
  chooseUnit,
  freeUnitIndexes,
  hasWindowAccess,
  instantFromEpochMs,
  isWaiting,
  issueReferral,
  needsOriginals,
  nextGSinceP,
  planSiblingUnits,
  refusal,
  windowPhase,
  type Application,
  type Place,
  type Policy,
  type Refusal,
  type WindowPhase,
  referApplication,
} from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Rules } from '../../platform/rules';
import type { Transactor } from '../../platform/transactor';
import type { AuditRepository } from '../audit/audit.repository';
import { recipientsOf, type Notify } from '../applications/application-notice';
import { authorizeRecord, requireApplicant } from '../auth/authorize';
import { APPLICATION_ACCESS } from '../applications/application-change';
import type { ApplicationRecord, ApplicationsRepository } from '../applications/applications.repository';
import { loadOrderedQueue } from '../applications/queue-order';
import { toDomainApplication } from '../applications/jobs/domain-application';
import { toDomainPlace } from '../places/place-view';
import type { PlacesRepository } from '../places/places.repository';
import { referralNotices } from './referral-notice';
import { referralRow, toDomainReferral, toReferralView } from './referral-view';
import type { ReferralRecord, ReferralsRepository } from './referrals.repository';
import { refusalError } from './refusal-error';

export type ClaimRepos = {
  referrals: ReferralsRepository;
  applications: ApplicationsRepository;
  places: Pick<PlacesRepository, 'place' | 'placesOf'>;
  audit: AuditRepository;
  notify: Notify;
};

export type ClaimDeps = {
  transaction: Transactor<ClaimRepos>;
  referrals: Pick<ReferralsRepository, 'byClaimKey' | 'placeFull'>;
  rules: Rules;
  format: (at: Date) => string;
};

/** What a referral changes in its queue, applied at the end of the claim (moveQueue). */
type QueueMove = { readonly application: Application; readonly temporary: boolean; readonly policy: Policy };

type Access = { readonly phase: WindowPhase; readonly access: boolean; readonly window: number | null };

/** R-WIN-03, -06, -07: per free unit, the phase of its window and whether this application may take it now. */
async function unitAccess(
  repos: ClaimRepos,
  application: Application,
  place: Place,
  now: Date,
  policy: Policy,
): Promise<(unit: number) => Access> {
  const key = applicationKey(application);
  const free = freeUnitIndexes(place);
  const bulletins = [...new Set(free.flatMap((unit) => place.units[unit]?.bulletin ?? []))];
  const windows = await repos.referrals.unitWindows(key, bulletins, application.id);
  const at = instantFromEpochMs(now.getTime());
  const asDomain = (row: (typeof windows)[number]) => ({
    key,
    bulletins: row.bulletin_ids,
    units: 0,
    publishedAt: at,
    allState: false,
    ...(row.opens_at === null ? {} : { opensAt: instantFromEpochMs(row.opens_at.getTime()) }),
    ...(row.closes_at === null ? {} : { closesAt: instantFromEpochMs(row.closes_at.getTime()) }),
    access: row.has_access ? [application.id] : [],
  });
  // R-WIN-07: the live position counts only in a leftover phase; read once, inside the claim's transaction.
  const leftover = windows.some((row) => windowPhase(asDomain(row), at) === 'leftover');
  const position = leftover
    ? (
        await loadOrderedQueue(repos.applications, {
          settlement: application.settlement,
          birthYear: Number(key.split('/')[1]),
          queue: application.queue,
        })
      ).positionOf(application.id)
    : null;
  return (unit) => {
    const bulletin = place.units[unit]?.bulletin;
    const row = windows.find(
      (candidate) => bulletin !== undefined && candidate.bulletin_ids.includes(bulletin),
    );
    if (row === undefined) return { phase: 'none', access: false, window: null };
    const window = asDomain(row);
    return {
      phase: windowPhase(window, at),
      access: hasWindowAccess(window, application.id, at, position ?? undefined, policy),
      window: row.id,
    };
  };
}

type Claimants = { applications: Application[]; records: ReadonlyMap<string, ApplicationRecord> };

/** The claimants, locked in a fixed order (no deadlock between two claims of the same children), with their rows. */
async function lockClaimants(repos: ClaimRepos, actor: Actor, ids: readonly string[]): Promise<Claimants> {
  if (new Set(ids).size !== ids.length)
    throw new AppError('VALIDATION_FAILED', 'Each application may be named once', {
      field: 'applicationIds',
      rule: 'R-REF-04',
    });
  const records = new Map<string, ApplicationRecord>();
  for (const id of [...ids].sort())
    records.set(
      id,
      authorizeRecord(actor, 'write', await repos.applications.lockById(id), APPLICATION_ACCESS),
    );
  const applications = ids.flatMap((id) => {
    const record = records.get(id);
    return record === undefined ? [] : [toDomainApplication(record)];
  });
  return { applications, records };
}

/** R-APPL-04, R-REF-11, R-SYS-12, R-REF-04: each claimant is queued and its child holds no live referral. */
async function checkClaimants(repos: ClaimRepos, applications: readonly Application[]): Promise<void> {
  const live = await repos.referrals.childrenWithLiveReferral(applications.map((a) => a.child.id));
  for (const application of applications) {
    const problem = checkClaimant(application, live.has(application.child.id));
    if (problem) throw refusalError(problem, 'applicationIds');
  }
  if (new Set(applications.map((a) => a.child.id)).size !== applications.length)
    throw refusalError(
      refusal('INVALID_STATE', 'R-REF-04', 'siblings taken together must be different children'),
      'applicationIds',
    );
}

/** R-REF-04: the first claimant (in the claim's order) entitled to a unit of the place by its own right. */
function entitledClaimant(
  applications: readonly Application[],
  place: Place,
  policy: Policy,
  accessOf: ReadonlyArray<(unit: number) => Access>,
): { index: number; units: number[] } {
  let firstRefusal: Refusal | undefined;
  for (const [index, application] of applications.entries()) {
    const access = accessOf[index];
    if (access === undefined) continue;
    const mismatch = checkMatch(application, place) ?? checkPrivilegeReuse(application, place, policy);
    const chosen = mismatch ?? chooseUnit(place, access);
    if (typeof chosen === 'number')
      return { index, units: freeUnitIndexes(place).filter((unit) => access(unit).access) };
    firstRefusal ??= chosen;
  }
  throw refusalError(
    firstRefusal ?? refusal('NO_FREE_UNIT', 'R-WIN-10', 'no unit'),
    firstRefusal?.rule === 'R-REF-03' || firstRefusal?.rule === 'R-WIN-09' ? 'placeId' : 'applicationIds',
  );
}

/**
 * R-APPL-04, R-WIN-04..10, R-REF-03, -04, -06, -07, R-SYS-06: an applicant claims a place of the bulletin. The
 * first child entitled to a unit of it gets one by ONE conditional UPDATE (the first published unit it may take
 * that no concurrent claim holds); siblings get units of the same kindergarten, all or none. One transaction
 * issues the referrals, takes the applications out of the queue with the queue event and the interleave counter,
 * and audits. A retry with the same Idempotency-Key returns the first claim's referrals.
 */
export async function claimReferral(
  deps: ClaimDeps,
  actor: Actor,
  input: ClaimReferral,
  idempotencyKey: string | undefined,
  now: Date,
): Promise<{ created: boolean; referrals: ReferralView[] }> {
  const applicant = requireApplicant(actor);
  // Checked after who may claim: the public is told to sign in, staff that they may not (R-WIN-10: retries).
  if (idempotencyKey === undefined)
    throw new AppError('VALIDATION_FAILED', 'A claim needs an Idempotency-Key header', {
      field: 'idempotency-key',
      rule: 'R-WIN-10',
    });
  const key = `${applicant.applicantId}:${idempotencyKey}`;
  // The rush's fast lane, before any lock: a retry gets its first answer, and a claim on a place with no
  // published unit left is refused at the cost of one read (most of a 07:00 rush claims a place already gone).
  const answered = await deps.referrals.byClaimKey(key);
  if (answered.length > 0)
    return { created: false, referrals: answered.map((row) => toReferralView(row, deps.format)) };
  if ((await deps.referrals.placeFull(input.placeId)) === true)
    throw refusalError(
      refusal('NO_FREE_UNIT', 'R-WIN-10', `place ${input.placeId} has no free unit left`),
      'placeId',
    );
  const rows = await deps.transaction(async (repos) => {
    const { applications, records } = await lockClaimants(repos, actor, input.applicationIds);
    // A retry (also one that waited on the first claim's locks) finds the first result under its key.
    const earlier = await repos.referrals.byClaimKey(key);
    if (earlier.length > 0) return { created: false, rows: earlier };
    await checkClaimants(repos, applications);
    return {
      created: true,
      rows: await issueClaim(deps, repos, actor, { applications, records }, input.placeId, key, now),
    };
  });
  return { created: rows.created, referrals: rows.rows.map((row) => toReferralView(row, deps.format)) };
}

async function issueClaim(
  deps: ClaimDeps,
  repos: ClaimRepos,
  actor: Actor,
  { applications, records }: Claimants,
  placeId: string,
  key: string,
  now: Date,
): Promise<ReferralRecord[]> {
  const stored = await repos.places.place(placeId);
  if (stored === undefined)
    throw new AppError('NOT_FOUND', 'No such place', { field: 'placeId', rule: 'R-WIN-03' });
  const place = toDomainPlace(stored);
  const policy = deps.rules.policyFor(place.settlement, now);
  const accessOf = await Promise.all(
    applications.map((application) => unitAccess(repos, application, place, now, policy)),
  );
  const entitled = entitledClaimant(applications, place, policy, accessOf);
  const ids = applications.map(() => randomUUID());
  const firstId = ids[entitled.index] ?? randomUUID();
  // THE claim: one conditional UPDATE … RETURNING of a published unit (R-WIN-10: never referred twice).
  const unit = await repos.referrals.reserveFirst(place.id, entitled.units, firstId);
  if (unit === undefined)
    throw refusalError(
      refusal('NO_FREE_UNIT', 'R-WIN-10', `place ${place.id} has no free unit left`),
      'placeId',
    );

  const others = applications.filter((_, index) => index !== entitled.index);
  const kindergartenPlaces =
    others.length === 0
      ? []
      : [
          place,
          ...(await repos.places.placesOf(place.kindergarten))
            .map(toDomainPlace)
            .filter((p) => p.id !== place.id),
        ];
  const siblings = planSiblingUnits(others, kindergartenPlaces, [[place.id, unit]], policy);
  if ('refusal' in siblings) throw refusalError(siblings.refusal, 'applicationIds');
  const units = [...siblings.plan];
  units.splice(entitled.index, 0, [place.id, unit]);

  const siblingGroup = applications.length > 1 ? randomUUID() : undefined;
  const at = instantFromEpochMs(now.getTime());
  const contacts = new Map<string, ApplicationRecord>();
  const moves: QueueMove[] = [];
  for (const [index, application] of applications.entries()) {
    const [unitPlaceId, unitIndex] = units[index] ?? [place.id, unit];
    const id = ids[index] ?? randomUUID();
    if (index !== entitled.index && !(await repos.referrals.reserveExact(unitPlaceId, unitIndex, id)))
      throw refusalError(
        refusal(
          'NO_FREE_UNIT',
          'R-REF-04',
          'a sibling’s unit was taken meanwhile; siblings are placed all or none',
        ),
        'applicationIds',
      );
    const unitPlace = kindergartenPlaces.find((p) => p.id === unitPlaceId) ?? place;
    const record = records.get(application.id);
    if (record === undefined) throw new Error(`application ${application.id} was not locked by its claim`);
    const issuedOne = await issueOne(deps, repos, {
      actor,
      application,
      record,
      place: unitPlace,
      unit: unitIndex,
      id,
      key: index === 0 ? key : `${key}#${index}`,
      siblingGroup,
      window: index === entitled.index ? (accessOf[index]?.(unitIndex).window ?? null) : null,
      policy,
      now,
      at,
    });
    contacts.set(application.id, issuedOne.record);
    moves.push(issuedOne.move);
  }
  const issued = await repos.referrals.issuedByClaimKey(key);
  for (const row of issued) {
    const contact = contacts.get(row.application_id);
    if (contact !== undefined)
      await repos.notify(referralNotices.issued(toDomainReferral(row), row), recipientsOf(contact, now));
  }
  for (const move of moves) await moveQueue(repos, move, now);
  return issued;
}

async function issueOne(
  deps: ClaimDeps,
  repos: ClaimRepos,
  claim: {
    actor: Actor;
    application: Application;
    /** Its row, as the claim locked it. */
    record: ApplicationRecord;
    place: Place;
    unit: number;
    id: string;
    key: string;
    siblingGroup: string | undefined;
    window: number | null;
    policy: Policy;
    now: Date;
    at: ReturnType<typeof instantFromEpochMs>;
  },
): Promise<{ record: ApplicationRecord; move: QueueMove }> {
  const { application, record, place, policy, now } = claim;
  const input = {
    id: claim.id,
    application: application.id,
    child: application.child.id,
    place: place.id,
    unit: claim.unit,
    admission: place.admission,
    siblingGroup: claim.siblingGroup,
    privileged: applicationGroup(application) !== 'G',
    needsConfirmation: needsOriginals(application, policy),
    placeWaiting: isWaiting(place),
  };
  const referral = issueReferral(input, claim.at, policy, deps.rules.calendar);
  const count = await repos.referrals.referralCount(application.id);
  await repos.referrals.insert(
    referralRow(
      referral,
      {
        number: `${record.number}-${count + 1}`,
        window_id: claim.window,
        idempotency_key: claim.key,
        updated_at: now,
      },
      input,
    ),
  );
  // R-ORDER-09: out of the queue; R-REF-13: a temporary stay keeps the application queued.
  const temporary = place.admission === 'temporary';
  const after = referApplication(application, referral.id, temporary);
  if (after.status !== application.status) {
    const updated = await repos.applications.update(record.id, record.version, {
      status: after.status,
      updated_at: now,
    });
    if (!updated) throw new AppError('CONFLICT', 'The application changed meanwhile; retry');
  }
  await repos.audit.record({
    at: now,
    actor: claim.actor,
    action: 'referral.issued',
    entityType: 'referral',
    entityId: referral.id,
    data: { application: application.id, place: place.id, unit: claim.unit, phase: referral.phase },
  });
  return { record, move: { application, temporary, policy } };
}

/**
 * R-ORDER-05: the counter of the queue the referral was issued from moves with it, and the queue records the
 * referral. Done last in the claim's transaction: every claim of a queue updates the same counter row, so it is
 * locked only from here to the commit, not for the whole claim — the rush's winners queue there one by one.
 */
async function moveQueue(repos: ClaimRepos, move: QueueMove, now: Date): Promise<void> {
  const { application, temporary, policy } = move;
  const queueKey = applicationKey(application);
  const group = applicationGroup(application);
  // The event first: an insert no other claim waits on. Then the counter's row, locked until the commit.
  await repos.applications.insertQueueEvent({
    queue_key: queueKey,
    at: now,
    kind: 'referred',
    application_id: application.id,
    data: { group, temporary },
  });
  const gSinceP = await repos.referrals.lockQueueCounter(queueKey);
  const next = nextGSinceP(gSinceP, group, {
    generalPerPriority: policy.generalPerPriority,
    interleave: policy.interleave,
    temporary,
  });
  if (next !== gSinceP) await repos.referrals.setGSinceP(queueKey, next);
}
