import type { NotificationLanguage } from './notification-templates';

/**
 * Words that fill the free-text placeholders ({change}, {reason}) of the templates, in the recipient's
 * language — codes never reach an SMS.
 */
export const NOTICE_LABELS = {
  referralCancelled: {
    kk: 'жолдамадан өтініш берушінің өзі бас тартты',
    ru: 'направление отменено по вашему заявлению',
    en: 'the referral was cancelled at your request',
  },
  privilegeNotConfirmed: {
    kk: 'жеңілдік расталмады, жолдаманың күші жойылды; өтініш жеңілдіксіз кезекке қайтарылды',
    ru: 'льгота не подтверждена, направление аннулировано; заявление возвращено в очередь без льготы',
    en: 'the privilege was not confirmed, so the referral was cancelled; the application is back in the queue without it',
  },
  stayEnded: {
    kk: 'уақытша орынның мерзімі аяқталды, өтініш кезекте қалады',
    ru: 'срок временного места истёк, заявление остаётся в очереди',
    en: 'the temporary stay ended; the application stays in the queue',
  },
  medicalContraindication: {
    kk: 'медициналық қарсы көрсетілімдер',
    ru: 'медицинские противопоказания',
    en: 'medical contraindications',
  },
  missingDocuments: {
    kk: 'шарт жасасуға қажетті құжаттар жоқ',
    ru: 'отсутствуют документы для заключения договора',
    en: 'documents for the contract are missing',
  },
  otherAdmissionGround: {
    kk: 'растайтын құжаттарға қатысты өзге себеп',
    ru: 'иная причина, связанная с подтверждающими документами',
    en: 'another reason concerning the confirming documents',
  },
  withdrawn: { kk: 'өтініш кері қайтарылды', ru: 'заявление отозвано', en: 'the application was withdrawn' },
  contactsChanged: {
    kk: 'байланыс деректері өзгертілді',
    ru: 'изменены контактные данные',
    en: 'contact details were changed',
  },
  categoriesChanged: {
    kk: 'жеңілдік санаттары өзгертілді',
    ru: 'изменены льготные категории',
    en: 'beneficiary categories were changed',
  },
  interestConfirmed: {
    kk: 'мүдделілік расталды',
    ru: 'заинтересованность подтверждена',
    en: 'interest was confirmed',
  },
  unreliableData: {
    kk: 'құжаттар немесе деректер дәйексіз',
    ru: 'недостоверные документы или сведения',
    en: 'unreliable documents or data',
  },
  nonCompliance: {
    kk: 'талаптарға сәйкес келмейді',
    ru: 'несоответствие требованиям',
    en: 'the requirements are not met',
  },
  noConsent: {
    kk: 'дербес деректерге келісім жоқ',
    ru: 'нет согласия на персональные данные',
    en: 'no consent to personal data',
  },
  incompleteDocuments: {
    kk: 'құжаттар толық емес',
    ru: 'неполный пакет документов',
    en: 'incomplete documents',
  },
  expiredDocuments: {
    kk: 'құжаттардың мерзімі өткен',
    ru: 'истёк срок действия документов',
    en: 'expired documents',
  },

  enrolledElsewhere: {
    kk: 'бала басқа өтініш бойынша балабақшаға қабылданды',
    ru: 'ребёнок принят в детский сад по другому заявлению',
    en: 'the child was admitted to a kindergarten under another application',
  },
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

export type NoticeLabel = keyof typeof NOTICE_LABELS;

export const noticeLabel = (code: NoticeLabel, language: NotificationLanguage): string =>
  NOTICE_LABELS[code][language];
