import type { Db } from '@kezek/db';
import { transactor, type Transactor } from '../../platform/transactor';
import { auditRepository, type AuditRepository } from '../audit/audit.repository';
import { outboxNotify, type Notify } from '../applications/application-notice';
import { applicationsRepository, type ApplicationsRepository } from '../applications/applications.repository';
import { enqueueNotification, type EnqueueNotification } from '../notifications/enqueue-notification';
import { proactiveRepository, type ProactiveRepository } from './proactive.repository';

/** What a proactive use case writes in its one transaction: the offer, the application submit makes, audit, outbox. */
export type OfferRepos = {
  offers: ProactiveRepository;
  applications: ApplicationsRepository;
  audit: AuditRepository;
  notify: Notify;
  /** The offer SMS precedes any application, so it goes to the outbox without one (R-NOTIF-03, §7(1)). */
  enqueueOffer: (input: EnqueueNotification<'proactiveOffer'>) => Promise<number>;
};

export const offerTransactor = (db: Db): Transactor<OfferRepos> =>
  transactor(db, (trx) => ({
    offers: proactiveRepository(trx),
    applications: applicationsRepository(trx),
    audit: auditRepository(trx),
    notify: outboxNotify(trx),
    enqueueOffer: (input) => enqueueNotification(trx, input),
  }));
