import { randomUUID } from 'node:crypto';
import type { ApplicationReceipt, SubmitApplication } from '@kezek/contracts';
import {
  addOfficeMinutes,
  checkNewApplication,
  endOfLocalDay,
  instantFromEpochMs,
  localDate,
  needsOriginals,
  orderingGroup,
  parseCategories,
  parseQueueKind,
  yearOf,
  type QueueKind,
} from '@kezek/domain';
import type { ApplicationChannel } from '@kezek/db';
import { AppError } from '../../platform/app-error';
import { requireSignedIn } from '../auth/authorize';
import type { Actor } from '../../platform/actor';
import { nationalDate } from '../../platform/national-time';
import type { Rules } from '../../platform/rules';
import type { Transactor } from '../../platform/transactor';
import type { IndividualsPort } from '../../ports/individuals-port';
import type { AuditRepository } from '../audit/audit.repository';
import type { Notify } from './application-notice';
import { applicationNumber } from './application-number';
import type { ApplicationRecord, ApplicationsRepository } from './applications.repository';
import { queueKeyOf } from './application-view';
import { loadOrderedQueue } from './queue-order';

export type SubmitDeps = {
  transaction: Transactor<{ applications: ApplicationsRepository; audit: AuditRepository; notify: Notify }>;
  individuals: IndividualsPort;
  rules: Rules;
  format: (at: Date) => string;
};

/** R-ELIG-10: completeness is checked within 30 minutes of office working time (R-TIME-05). */
const CHECK_MINUTES = 30;

/**
 * Annex 1 as the use case takes it: the HTTP form (portal, office, State Corporation) or, built by the proactive
 * feature, an application on the parent's consent to an offer or with the birth registration (R-ELIG-16/17).
 */
export type SubmitInput = Omit<SubmitApplication, 'channel'> & { channel: ApplicationChannel };

const CONSENT_CHANNELS: readonly ApplicationChannel[] = ['proactive', 'oneApplication'];

/**
 * Who applies: the signed-in applicant on the portal, or an operator for an applicant at the counter (§5); on the
 * proactive channels (§7, §8 ¶1) the parent the civil registry names, whose consent the system or that parent,
 * signed in, hands over.
 */
function applicantIinOf(actor: Actor, input: SubmitInput): string {
  requireSignedIn(actor);
  if (CONSENT_CHANNELS.includes(input.channel)) {
    const parent = input.applicantIin;
    if (
      parent !== undefined &&
      (actor.kind === 'system' || (actor.kind === 'applicant' && actor.iin === parent))
    )
      return parent;
    throw new AppError('FORBIDDEN', 'Only the system or the parent applies on the proactive channels', {
      field: 'channel',
    });
  }
  if (actor.kind === 'applicant') {
    if (input.channel !== 'portal') {
      throw new AppError('FORBIDDEN', 'Applicants apply through the portal channel', { field: 'channel' });
    }
    return actor.iin;
  }
  if (actor.kind === 'staff' && actor.role === 'clerk') {
    if (input.channel === 'portal') {
      throw new AppError(
        'VALIDATION_FAILED',
        'Staff register applications at the office or State Corporation',
        {
          field: 'channel',
        },
      );
    }
    if (input.applicantIin === undefined) {
      throw new AppError('VALIDATION_FAILED', 'applicantIin: required when staff submit', {
        field: 'applicantIin',
      });
    }
    return input.applicantIin;
  }
  throw new AppError('FORBIDDEN', 'Only applicants and clerks submit applications');
}

/** R-ELIG-07: identity data come from the individuals database through the gateway. */
async function lookUp(individuals: IndividualsPort, iin: string, field: string) {
  const found = await individuals.lookup(iin);
  if (found.ok) return found.value;
  switch (found.error.code) {
    case 'INVALID_INPUT':
      throw new AppError('RULE_VIOLATION', `${field}: ${found.error.message}`, { field, rule: 'R-ELIG-22' });
    case 'NOT_FOUND':
      throw new AppError('RULE_VIOLATION', `${field}: no person with this IIN in the individuals database`, {
        field,
        rule: 'R-ELIG-07',
      });
    default:
      // The gateway's own words stay in its logs: the applicant is told what to do, not what broke.
      throw new AppError('UNAVAILABLE', 'The individuals database did not answer properly; try again later');
  }
}

/**
 * R-ELIG-11: the provider checks the applicant–child relationship at registration. On the proactive channels the
 * birth record itself names the parent. A parent the individuals database records applies anywhere; anyone else
 * (a guardian, a trustee) shows the document of legal representation at an office, so the portal refuses them and
 * an office application waits for the clerk to see that document.
 */
async function representationToVerify(
  individuals: IndividualsPort,
  applicantIin: string,
  childIin: string,
  channel: ApplicationChannel,
): Promise<boolean> {
  if (CONSENT_CHANNELS.includes(channel)) return false;
  const related = await individuals.isParentOf(applicantIin, childIin);
  if (!related.ok)
    throw new AppError('UNAVAILABLE', 'The individuals database did not answer properly; try again later');
  if (related.value) return false;
  if (channel === 'portal') {
    throw new AppError(
      'RULE_VIOLATION',
      'child.iin: the individuals database does not record you as a parent of this child; a guardian or other legal representative applies at the education department or a State Corporation office with the document of representation',
      { field: 'child.iin', rule: 'R-ELIG-11' },
    );
  }
  return true;
}

function receipt(
  record: Pick<ApplicationRecord, 'id' | 'number' | 'status'> & Parameters<typeof queueKeyOf>[0],
  submittedAt: Date,
  position: number | null,
  originalsDueAt: Date | null,
  format: (at: Date) => string,
): ApplicationReceipt {
  return {
    id: record.id,
    number: record.number,
    status: record.status === 'queued' ? 'queued' : 'pending',
    queueKey: queueKeyOf(record),
    submittedAt: format(submittedAt),
    position,
    originalsDueAt: originalsDueAt === null ? null : format(originalsDueAt),
  };
}

/**
 * Service S1 (§5–§8): registers an application. Eligibility per R-ELIG/R-QUEUE; queued at once when nothing
 * needs originals (R-ELIG-14), else pending with the 5-working-day deadline (R-ELIG-12). A retried request with
 * the same idempotency key returns the first receipt.
 */
export async function submitApplication(
  deps: SubmitDeps,
  actor: Actor,
  input: SubmitInput,
  now: Date,
  idempotencyKey: string | undefined,
): Promise<{ receipt: ApplicationReceipt; created: boolean }> {
  const applicantIin = applicantIinOf(actor, input);
  const key = idempotencyKey === undefined ? undefined : `${applicantIin}:${idempotencyKey}`;
  const queue = parseQueueKind(input.queue);
  if (!queue.ok)
    throw new AppError('VALIDATION_FAILED', `queue: ${queue.error}`, { field: 'queue', rule: 'R-QUEUE-07' });
  const categories = parseCategories(input.categories);
  if (!categories.ok) {
    throw new AppError('RULE_VIOLATION', `categories: ${categories.error.join('; ')}`, {
      field: 'categories',
      rule: 'R-CAT-04',
    });
  }
  const [child, applicant] = await Promise.all([
    lookUp(deps.individuals, input.child.iin, 'child.iin'),
    lookUp(deps.individuals, applicantIin, actor.kind === 'applicant' ? 'applicant' : 'applicantIin'),
  ]);
  if (input.child.birthDate !== undefined && input.child.birthDate !== child.birthDate) {
    throw new AppError(
      'RULE_VIOLATION',
      `child.birthDate: the IIN ${child.iin} belongs to a child born ${child.birthDate}`,
      {
        field: 'child.birthDate',
        rule: 'R-ELIG-22',
      },
    );
  }
  const toVerifyRepresentation = await representationToVerify(
    deps.individuals,
    applicantIin,
    child.iin,
    input.channel,
  );
  const policy = deps.rules.policyFor(input.settlement, now);
  const today = nationalDate(now);
  const kind: QueueKind = queue.value;

  return deps.transaction(async ({ applications, audit, notify }) => {
    await applications.serialize([`child:${child.iin}`, `applicant:${applicantIin}`]);
    const settlement = await applications.settlement(input.settlement);
    if (settlement === undefined) {
      throw new AppError(
        'VALIDATION_FAILED',
        `settlement: no settlement with KATO code ${input.settlement}`,
        {
          field: 'settlement',
        },
      );
    }
    // §4: the provider is the education department of the settlement's district.
    if (actor.kind === 'staff' && actor.districtKato !== settlement.district_kato) {
      throw new AppError(
        'FORBIDDEN',
        'A clerk registers applications for the settlements of their own district',
        {
          field: 'settlement',
        },
      );
    }
    if (key !== undefined) {
      const first = await applications.byIdempotencyKey(key);
      if (first !== undefined) {
        const { positionOf } = await loadOrderedQueue(applications, {
          settlement: first.settlement_kato,
          birthYear: first.birth_year,
          queue: first.queue,
        });
        return {
          receipt: receipt(
            first,
            first.submitted_at,
            positionOf(first.id),
            first.originals_due_at,
            deps.format,
          ),
          created: false,
        };
      }
    }
    const history = await applications.childHistory(child.iin);
    const privilegedReferrals = (await applications.privilegedReferrals(child.iin)).map((referral) => ({
      ownership: referral.ownership,
      issuedAt: instantFromEpochMs(referral.issued_at.getTime()),
      ...(referral.admitted_at === null ? {} : { admittedOn: nationalDate(referral.admitted_at) }),
    }));
    const refused = checkNewApplication(
      {
        settlement: input.settlement,
        queue: kind,
        child: {
          birthDate: localDate(child.birthDate),
          sen: input.child.sen,
          pmpcConclusion: input.child.pmpcConclusion,
          iin: input.child.iin,
        },
      },
      {
        applications: history.map((h) => ({
          id: h.id,
          settlement: h.settlement_kato,
          queue: h.queue as QueueKind,
          live: ['pending', 'queued', 'stopped', 'referred'].includes(h.status),
          everQueued: h.ever_queued,
        })),
        privilegedReferrals,
      },
      policy,
      today,
    );
    if (refused !== undefined) {
      throw new AppError('RULE_VIOLATION', refused.message, {
        field: refused.code === 'AGE_LIMIT' ? 'child.iin' : 'child',
        rule: refused.rule,
      });
    }

    const knownApplicant = await applications.applicantByIin(applicantIin);
    const applicantId = knownApplicant?.id ?? randomUUID();
    if (knownApplicant === undefined) {
      await applications.insertApplicant({
        id: applicantId,
        iin: applicant.iin,
        surname: applicant.surname,
        given_name: applicant.givenName,
        patronymic: applicant.patronymic,
        created_at: now,
      });
    }
    const knownChild = await applications.childByIin(child.iin);
    const childId = knownChild?.id ?? randomUUID();
    if (knownChild === undefined) {
      await applications.insertChild({
        id: childId,
        applicant_id: applicantId,
        iin: child.iin,
        surname: child.surname,
        given_name: child.givenName,
        patronymic: child.patronymic,
        birth_date: child.birthDate,
        sex: child.sex,
        sen: input.child.sen,
        pmpc_conclusion: input.child.pmpcConclusion,
        created_at: now,
      });
    } else if (input.child.sen || input.child.pmpcConclusion) {
      // A submission may add a need (checked in the original, below), never erase one recorded before.
      await applications.updateChildNeeds(childId, {
        sen: input.child.sen || knownChild.sen,
        pmpc_conclusion: input.child.pmpcConclusion || knownChild.pmpc_conclusion,
      });
    }

    // R-ELIG-14, §18: special needs and the PMPC conclusion lift the age limit and allow several queues, so a
    // child declared so waits for the clerk to see the conclusion in the original, like any unverifiable document.
    const declaresNeeds = input.child.sen || input.child.pmpcConclusion;
    const withOriginals =
      declaresNeeds ||
      toVerifyRepresentation ||
      needsOriginals({ queue: kind, categories: categories.value }, policy);
    const seq = await applications.nextRegistrationSeq();
    const id = randomUUID();
    const originalsDueAt = withOriginals
      ? new Date(endOfLocalDay(deps.rules.calendar.addWorkingDays(today, 5)))
      : null;
    const record = {
      id,
      number: applicationNumber(input.settlement, seq),
      child_id: childId,
      applicant_id: applicantId,
      settlement_kato: input.settlement,
      birth_year: yearOf(localDate(child.birthDate)),
      queue: kind,
      categories: withOriginals ? [] : categories.value,
      pending_categories: withOriginals ? categories.value : [],
      sms_numbers: input.smsNumbers,
      email: input.email ?? null,
      status: withOriginals ? ('pending' as const) : ('queued' as const),
      channel: input.channel,
      language: input.language,
      submitted_at: now,
      registration_seq: seq,
      check_due_at: new Date(
        addOfficeMinutes(instantFromEpochMs(now.getTime()), CHECK_MINUTES, deps.rules.calendar),
      ),
      originals_due_at: originalsDueAt,
      verified_at: withOriginals ? null : now,
      idempotency_key: key ?? null,
      updated_at: now,
      representation_to_verify: toVerifyRepresentation,
      // R-QUEUE-09(b): back in the general queue after a privileged state referral, ordered in group G.
      privilege_used:
        kind === 'general' && privilegedReferrals.some((referral) => referral.ownership === 'state'),
    };
    await applications.insertApplication(record);
    if (record.status === 'queued') {
      await applications.recordQueueEvent({
        queue_key: queueKeyOf(record),
        at: now,
        kind: 'registered',
        application_id: id,
        data: { group: orderingGroup(record.categories, record.privilege_used) },
      });
    }
    await audit.record({
      at: now,
      actor,
      action: 'application.submitted',
      entityType: 'application',
      entityId: id,
      data: { channel: input.channel, status: record.status, representationToVerify: toVerifyRepresentation },
    });
    const position =
      record.status === 'queued'
        ? (
            await loadOrderedQueue(applications, {
              settlement: record.settlement_kato,
              birthYear: record.birth_year,
              queue: record.queue,
            })
          ).positionOf(id)
        : null;
    await notify(
      position === null || originalsDueAt !== null
        ? {
            event: 'verificationRequested',
            params: {
              applicationNumber: record.number,
              originalsDueBy: originalsDueAt ?? record.check_due_at,
            },
          }
        : {
            event: 'queued',
            params: { applicationNumber: record.number, queue: queueKeyOf(record), position },
          },
      {
        applicationId: id,
        language: input.language,
        smsNumbers: input.smsNumbers,
        email: input.email ?? null,
        at: now,
      },
    );
    return { receipt: receipt(record, now, position, originalsDueAt, deps.format), created: true };
  });
}
