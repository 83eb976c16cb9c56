import type { RefusalReceipt } from '@kezek/contracts';
import { REJECTION_REASONS } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/app-error';
import { requireSignedIn } from '../auth/authorize';
import { readApplication } from './application-change';
import type { ApplicationsRepository } from './applications.repository';

const SERVICE_NAME = {
  kk: 'Мектепке дейінгі ұйымдарға жіберу үшін мектеп жасына дейінгі балаларды (6 жасқа дейін) кезекке қою',
  ru: 'Постановка на очередь детей дошкольного возраста (до 6 лет) для направления в дошкольные организации',
};

type RejectionData = { reason?: string; missingDocuments?: string[]; comment?: string | null };

const isReason = (value: string | undefined): value is RefusalReceipt['reason'] =>
  REJECTION_REASONS.some((reason) => reason === value);

/** R-REFUSE-02 (§5 ¶5, Annex 3): the receipt of the refusal, from the clerk's audited decision. */
export async function getRefusalReceipt(
  deps: { applications: Pick<ApplicationsRepository, 'byId' | 'rejection'>; format: (at: Date) => string },
  actor: Actor,
  id: string,
): Promise<RefusalReceipt> {
  requireSignedIn(actor);
  const record = await readApplication(deps.applications, actor, id);
  const rejection = record.status === 'rejected' ? await deps.applications.rejection(record.id) : undefined;
  const recorded = (rejection?.data ?? {}) as RejectionData;
  // R-ELIG-15: originals not presented in time is, on the receipt, an incomplete set of documents.
  const missedOriginals = recorded.reason === 'ORIGINALS_NOT_PRESENTED';
  const data = missedOriginals ? { ...recorded, reason: 'incompleteDocuments' } : recorded;
  if (rejection === undefined || !isReason(data.reason)) {
    throw new AppError('CONFLICT', 'Only a rejected application has a refusal receipt', {
      field: 'status',
      rule: 'R-REFUSE-02',
    });
  }
  return {
    applicationNumber: record.number,
    serviceName: SERVICE_NAME,
    recipient: { fullName: record.applicant_name, iin: record.applicant_iin },
    issuerUnit: { kk: rejection.name_kk, ru: rejection.name_ru, en: rejection.name_en },
    reason: data.reason,
    rule: missedOriginals ? 'R-ELIG-15' : 'R-REFUSE-01',
    missingDocuments: data.missingDocuments ?? [],
    comment: data.comment ?? null,
    executor: { fullName: rejection.executor ?? 'System' },
    issuedAt: deps.format(rejection.at),
    copies: 2,
  };
}
