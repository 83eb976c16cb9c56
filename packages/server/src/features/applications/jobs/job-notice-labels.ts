import type { NotificationLanguage } from '../../notifications/notification-templates';

/**
 * The {reason} of the notices the daily jobs send (R-NOTIF-03 reasoned refusal, R-NOTIF-04 archiving), in the
 * recipient's language — status codes never reach an SMS.
 */
export const JOB_REASON_LABELS = {
  ageLimit: {
    kk: 'бала 1 қыркүйекке дейін 6 жасқа толды',
    ru: 'ребёнку исполнилось 6 лет до 1 сентября',
    en: 'the child turned 6 before 1 September',
  },
  notInterested: {
    kk: 'орын алуға мүдделілік уақтылы расталмады',
    ru: 'заинтересованность в месте не подтверждена в срок',
    en: 'interest in a place was not confirmed in time',
  },
  ORIGINALS_NOT_PRESENTED: {
    kk: 'құжаттардың түпнұсқалары 5 жұмыс күні ішінде ұсынылмады',
    ru: 'оригиналы документов не представлены в течение 5 рабочих дней',
    en: 'the original documents were not presented within 5 working days',
  },
} as const satisfies Record<string, Record<NotificationLanguage, string>>;

export type JobReason = keyof typeof JOB_REASON_LABELS;

export const jobReasonLabel = (reason: JobReason, language: NotificationLanguage): string =>
  JOB_REASON_LABELS[reason][language];
