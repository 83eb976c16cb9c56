import { randomUUID } from 'node:crypto';
import type { PlaceView, ReportPlaces } from '@kezek/contracts';
import { instantFromEpochMs, localDateOf, parseLocalDate, reportPlace, type LocalDate } from '@kezek/domain';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import type { Transactor } from '../../platform/transactor';
import type { AuditRepository } from '../audit/audit.repository';
import { authorizeRecord, requireStaff } from '../auth/authorize';
import { kindergartenRule } from './list-kindergarten-places';
import { queueOfGroup, toPlaceView } from './place-view';
import type { PlacesRepository } from './places.repository';

export type PlaceRepos = { places: PlacesRepository; audit: AuditRepository };

const invalid = (field: string, rule: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, { field, rule });

function dateOf(input: ReportPlaces, field: 'startDate' | 'freeFrom' | 'until'): LocalDate | undefined {
  const text = input[field];
  if (text === undefined) return undefined;
  const parsed = parseLocalDate(text);
  if (!parsed.ok) throw new AppError('VALIDATION_FAILED', parsed.error, { field });
  return parsed.value;
}

/** Table 4.4 per admission mode: which dates a report needs and allows (R-KG-04, R-KG-05). */
function checkDates(input: ReportPlaces, today: string, stateOrder: boolean): void {
  if (input.admission === 'earlyBooking') {
    if (!stateOrder)
      throw new AppError(
        'RULE_VIOLATION',
        'Only an organisation with a state order publishes early booking',
        {
          field: 'admission',
          rule: 'R-KG-04',
        },
      );
    if (input.freeFrom === undefined)
      throw invalid('freeFrom', 'R-KG-04', 'Early booking needs the vacating date');
    if (input.freeFrom <= today)
      throw invalid('freeFrom', 'R-KG-04', 'The vacating date must be after today');
  } else if (input.freeFrom !== undefined)
    throw invalid('freeFrom', 'R-KG-04', 'A vacating date is only for early booking');
  if (input.admission === 'temporary') {
    if (input.until === undefined) throw invalid('until', 'R-KG-05', 'A temporary place needs the end date');
    if (input.until <= today) throw invalid('until', 'R-KG-05', 'The end date must be after today');
  } else if (input.until !== undefined)
    throw invalid('until', 'R-KG-05', 'An end date is only for temporary places');
  if (input.startDate !== undefined && input.until !== undefined && input.startDate >= input.until)
    throw invalid('startDate', 'R-KG-05', 'The start date must be before the end date');
}

/**
 * R-KG-01, R-SYS-03: kindergarten staff report places in one of their groups; the units wait for the next
 * bulletin (R-WIN-02). An early-booking place waits to be vacated (R-KG-04); a temporary one has its end (R-KG-05).
 */
export async function reportPlaces(
  deps: { transaction: Transactor<PlaceRepos>; format: (at: Date) => string },
  actor: Actor,
  kindergartenId: string,
  input: ReportPlaces,
  now: Date,
  idempotencyKey?: string,
): Promise<{ place: PlaceView; created: boolean }> {
  requireStaff(actor, ['kindergartenStaff']);
  return deps.transaction(async ({ places, audit }) => {
    const kindergarten = authorizeRecord(
      actor,
      'write',
      await places.kindergarten(kindergartenId),
      kindergartenRule,
    );
    if (idempotencyKey !== undefined) {
      const existing = await places.byIdempotencyKey(idempotencyKey);
      const found = existing === undefined ? undefined : await places.place(existing.id);
      if (found !== undefined) {
        if (found.row.kindergarten_id !== kindergarten.id)
          throw new AppError('CONFLICT', 'The idempotency key was used for another request');
        return { place: toPlaceView(found, deps.format), created: false };
      }
    }
    const group = await places.group(input.groupId);
    if (group?.kindergarten_id !== kindergarten.id)
      throw new AppError('VALIDATION_FAILED', 'No such group in this kindergarten', { field: 'groupId' });
    const at = instantFromEpochMs(now.getTime());
    checkDates(input, localDateOf(at), kindergarten.state_order);
    const id = randomUUID();
    const queue = queueOfGroup(group);
    const reported = reportPlace(
      {
        id,
        kindergarten: kindergarten.id,
        settlement: kindergarten.settlement_kato,
        ownership: kindergarten.ownership,
        age: group.age,
        queue,
        mode: group.mode,
        admission: input.admission,
        language: group.language,
        startDate: dateOf(input, 'startDate'),
        freeFrom: dateOf(input, 'freeFrom'),
        until: dateOf(input, 'until'),
        count: input.count,
      },
      at,
    );
    await places.insertPlace({
      id,
      kindergarten_id: kindergarten.id,
      group_id: group.id,
      settlement_kato: kindergarten.settlement_kato,
      queue,
      age: group.age,
      birth_year: null,
      language: group.language,
      mode: group.mode,
      admission: input.admission,
      start_date: input.startDate ?? null,
      free_from: input.freeFrom ?? null,
      until: input.until ?? null,
      attendance_restriction: input.attendanceRestriction ?? null,
      units: reported.units.length,
      reported_at: now,
      reported_by: actor.kind === 'staff' ? actor.userId : null,
      vacated_at: reported.vacatedAt === undefined ? null : now,
      ended_at: null,
      idempotency_key: idempotencyKey ?? null,
      updated_at: now,
    });
    await audit.record({
      at: now,
      actor,
      action: 'place.reported',
      entityType: 'place',
      entityId: id,
      data: { group: group.id, count: input.count, admission: input.admission },
    });
    const created = await places.place(id);
    if (created === undefined) throw new Error(`place ${id} vanished inside its own transaction`);
    return { place: toPlaceView(created, deps.format), created: true };
  });
}
