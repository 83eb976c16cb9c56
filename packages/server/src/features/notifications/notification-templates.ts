import { instantFromEpochMs, parseLocalDate, toLocalDateTime, type LocalDate } from '@kezek/domain';

export const NOTIFICATION_LANGUAGES = ['kk', 'ru', 'en'] as const;
export type NotificationLanguage = (typeof NOTIFICATION_LANGUAGES)[number];

/** A text placeholder may differ by language (a kindergarten's or a queue's name). */
export type Localized = string | { readonly kk: string; readonly ru: string; readonly en: string };

type ParamKind = 'text' | 'number' | 'instant' | 'date';

/**
 * Every event the applicant is told about (R-NOTIF-02: "a stage of getting a place is passed") with its
 * placeholders: the required ones of R-NOTIF-03 and the chosen ones of R-NOTIF-04.
 */
export const NOTIFICATION_EVENTS = {
  // R-NOTIF-03
  applicationReceived: { applicationNumber: 'text', receivedAt: 'instant', resultDueAt: 'instant' }, // §5 ¶3
  queued: { applicationNumber: 'text', queue: 'text', position: 'number' }, // §5, §6
  rejected: { applicationNumber: 'text', reason: 'text' }, // §6, §32
  proactiveOffer: { birthDate: 'date', settlement: 'text', replyBy: 'instant' }, // §7(1)
  applicationChanged: { applicationNumber: 'text', change: 'text' }, // §23(1)
  referralChanged: { applicationNumber: 'text', change: 'text' }, // §23(1)
  referralRevoked: { applicationNumber: 'text', kindergarten: 'text', reason: 'text' }, // §25(2)
  // R-NOTIF-04
  verificationRequested: { applicationNumber: 'text', originalsDueBy: 'instant' },
  verificationConfirmed: { applicationNumber: 'text' },
  verificationFailed: { applicationNumber: 'text', reason: 'text' },
  positionChanged: { applicationNumber: 'text', queue: 'text', position: 'number' },
  windowOpened: { applicationNumber: 'text', windowEndsAt: 'instant' },
  // The referral's phase at issue (R-REF-06, R-REF-07, R-KG-04): running, documents to show, or its place to vacate.
  referralIssued: {
    applicationNumber: 'text',
    kindergarten: 'text',
    cancelBy: 'instant',
    validUntil: 'date',
  },
  referralToConfirm: {
    applicationNumber: 'text',
    kindergarten: 'text',
    cancelBy: 'instant',
    confirmBy: 'date',
  },
  referralWaiting: { applicationNumber: 'text', kindergarten: 'text', cancelBy: 'instant', freeFrom: 'date' },
  referralRunning: { applicationNumber: 'text', kindergarten: 'text', validUntil: 'date' },
  referralExtended: { applicationNumber: 'text', kindergarten: 'text', validUntil: 'date' },
  referralExpired: { applicationNumber: 'text', kindergarten: 'text' },
  referralRefused: { applicationNumber: 'text', kindergarten: 'text', reason: 'text' },
  admitted: { applicationNumber: 'text', kindergarten: 'text' },
  stopListOn: { applicationNumber: 'text', reason: 'text' },
  stopListOff: { applicationNumber: 'text' },
  archived: { applicationNumber: 'text', reason: 'text' },
  interestDue: { applicationNumber: 'text', confirmBy: 'date' },
} as const satisfies Record<string, Record<string, ParamKind>>;

export type NotificationEvent = keyof typeof NOTIFICATION_EVENTS;

type ValueOf<K> = K extends 'number'
  ? number
  : K extends 'instant'
    ? Date
    : K extends 'date'
      ? LocalDate
      : Localized;

export type NotificationParams<E extends NotificationEvent> = {
  [P in keyof (typeof NOTIFICATION_EVENTS)[E]]: ValueOf<(typeof NOTIFICATION_EVENTS)[E][P]>;
};

export type Template = { subject: string; text: string };

/**
 * The texts, with {placeholders}. Names that Kazakh would inflect (kindergartens, settlements) stand after
 * a colon, so no case ending is glued to a name. Dates and times are Kazakhstan national time.
 */
export const TEMPLATES: Record<NotificationEvent, Record<NotificationLanguage, Template>> = {
  applicationReceived: {
    kk: {
      subject: 'Өтініш қабылданды',
      text: 'Кезек: №{applicationNumber} өтініш {receivedAt} қабылданды. Нәтижесі {resultDueAt} дейін беріледі.',
    },
    ru: {
      subject: 'Заявление принято',
      text: 'Кезек: заявление №{applicationNumber} принято {receivedAt}. Результат будет готов до {resultDueAt}.',
    },
    en: {
      subject: 'Application received',
      text: 'Kezek: application No. {applicationNumber} was received on {receivedAt}. The result is due by {resultDueAt}.',
    },
  },
  queued: {
    kk: {
      subject: 'Өтініш кезекке қойылды',
      text: 'Кезек: №{applicationNumber} өтініш кезекке қойылды. Кезек: {queue}. Кезектегі нөміріңіз: {position}.',
    },
    ru: {
      subject: 'Заявление поставлено в очередь',
      text: 'Кезек: заявление №{applicationNumber} поставлено в очередь. Очередь: {queue}. Ваш номер в очереди: {position}.',
    },
    en: {
      subject: 'Application queued',
      text: 'Kezek: application No. {applicationNumber} is in the queue. Queue: {queue}. Your position: {position}.',
    },
  },
  rejected: {
    kk: {
      subject: 'Қызмет көрсетуден дәлелді бас тарту',
      text: 'Кезек: №{applicationNumber} өтініш бойынша қызмет көрсетуден бас тартылды. Себебі: {reason}. Шешімге шағым жасауға құқығыңыз бар.',
    },
    ru: {
      subject: 'Мотивированный отказ в оказании услуги',
      text: 'Кезек: по заявлению №{applicationNumber} отказано в оказании услуги. Причина: {reason}. Решение можно обжаловать.',
    },
    en: {
      subject: 'Reasoned refusal',
      text: 'Kezek: the service was refused for application No. {applicationNumber}. Reason: {reason}. You may appeal the decision.',
    },
  },
  proactiveOffer: {
    kk: {
      subject: 'Балабақшаға кезекке қою ұсынысы',
      text: 'Кезек: {birthDate} туған балаңызды балабақшаға кезекке қоюды ұсынамыз. Елді мекен: {settlement}. Келісетін болсаңыз, {replyBy} дейін осы хабарламаға «ИӘ» деп жауап беріңіз.',
    },
    ru: {
      subject: 'Предложение встать в очередь в детский сад',
      text: 'Кезек: предлагаем поставить вашего ребёнка, родившегося {birthDate}, в очередь в детский сад. Населённый пункт: {settlement}. Если вы согласны, ответьте «ДА» на это сообщение до {replyBy}.',
    },
    en: {
      subject: 'Offer to join the kindergarten queue',
      text: 'Kezek: we offer to put your child born on {birthDate} in the kindergarten queue. Settlement: {settlement}. If you agree, reply "YES" to this message by {replyBy}.',
    },
  },
  applicationChanged: {
    kk: { subject: 'Өтініш өзгерді', text: 'Кезек: №{applicationNumber} өтініш өзгерді: {change}.' },
    ru: { subject: 'Заявление изменено', text: 'Кезек: заявление №{applicationNumber} изменено: {change}.' },
    en: {
      subject: 'Application changed',
      text: 'Kezek: application No. {applicationNumber} changed: {change}.',
    },
  },
  referralChanged: {
    kk: {
      subject: 'Жолдама өзгерді',
      text: 'Кезек: №{applicationNumber} өтініш бойынша жолдама өзгерді: {change}.',
    },
    ru: {
      subject: 'Направление изменено',
      text: 'Кезек: направление по заявлению №{applicationNumber} изменено: {change}.',
    },
    en: {
      subject: 'Referral changed',
      text: 'Kezek: the referral for application No. {applicationNumber} changed: {change}.',
    },
  },
  referralRevoked: {
    kk: {
      subject: 'Орын кері қайтарылды, жолдаманың күші жойылды',
      text: 'Кезек: балабақша орынды кері қайтарып алғандықтан, №{applicationNumber} өтініш бойынша жолдаманың күші жойылды. Балабақша: {kindergarten}. Себебі: {reason}.',
    },
    ru: {
      subject: 'Место отозвано, направление отменено',
      text: 'Кезек: направление по заявлению №{applicationNumber} отменено, так как детский сад отозвал место. Детский сад: {kindergarten}. Причина: {reason}.',
    },
    en: {
      subject: 'Place revoked, referral cancelled',
      text: 'Kezek: the referral for application No. {applicationNumber} was cancelled because the kindergarten revoked the place. Kindergarten: {kindergarten}. Reason: {reason}.',
    },
  },
  verificationRequested: {
    kk: {
      subject: 'Құжаттардың түпнұсқаларын ұсыныңыз',
      text: 'Кезек: №{applicationNumber} өтініш бойынша құжаттардың түпнұсқаларын {originalsDueBy} дейін ұсыныңыз.',
    },
    ru: {
      subject: 'Представьте оригиналы документов',
      text: 'Кезек: по заявлению №{applicationNumber} представьте оригиналы документов до {originalsDueBy}.',
    },
    en: {
      subject: 'Present the original documents',
      text: 'Kezek: for application No. {applicationNumber}, present the original documents by {originalsDueBy}.',
    },
  },
  verificationConfirmed: {
    kk: {
      subject: 'Құжаттар расталды',
      text: 'Кезек: №{applicationNumber} өтініш бойынша құжаттар расталды.',
    },
    ru: {
      subject: 'Документы подтверждены',
      text: 'Кезек: документы по заявлению №{applicationNumber} подтверждены.',
    },
    en: {
      subject: 'Documents confirmed',
      text: 'Kezek: the documents for application No. {applicationNumber} are confirmed.',
    },
  },
  verificationFailed: {
    kk: {
      subject: 'Құжаттар расталмады',
      text: 'Кезек: №{applicationNumber} өтініш бойынша құжаттар расталмады. Себебі: {reason}.',
    },
    ru: {
      subject: 'Документы не подтверждены',
      text: 'Кезек: документы по заявлению №{applicationNumber} не подтверждены. Причина: {reason}.',
    },
    en: {
      subject: 'Documents not confirmed',
      text: 'Kezek: the documents for application No. {applicationNumber} were not confirmed. Reason: {reason}.',
    },
  },
  positionChanged: {
    kk: {
      subject: 'Кезектегі жаңа нөмір',
      text: 'Кезек: жеңілдік өзгеруіне байланысты №{applicationNumber} өтініштің кезектегі жаңа нөмірі: {position}. Кезек: {queue}.',
    },
    ru: {
      subject: 'Новый номер в очереди',
      text: 'Кезек: в связи с изменением льготы новый номер заявления №{applicationNumber} в очереди: {position}. Очередь: {queue}.',
    },
    en: {
      subject: 'New queue position',
      text: 'Kezek: after a change of privilege, application No. {applicationNumber} is now at position {position}. Queue: {queue}.',
    },
  },
  windowOpened: {
    kk: {
      subject: 'Орын алуға басым қолжетімділік ашылды',
      text: 'Кезек: №{applicationNumber} өтініш бойынша бюллетеньдегі бос орындарға басым қолжетімділік ашылды. Жолдаманы {windowEndsAt} дейін алуға болады.',
    },
    ru: {
      subject: 'Открыт приоритетный доступ к местам',
      text: 'Кезек: по заявлению №{applicationNumber} открыт приоритетный доступ к свободным местам из бюллетеня. Получить направление можно до {windowEndsAt}.',
    },
    en: {
      subject: 'Priority access to places opened',
      text: 'Kezek: application No. {applicationNumber} has priority access to the free places of the bulletin. You can obtain a referral until {windowEndsAt}.',
    },
  },
  referralIssued: {
    kk: {
      subject: 'Жолдама берілді',
      text: 'Кезек: №{applicationNumber} өтініш бойынша балабақшаға жолдама берілді. Балабақша: {kindergarten}. Бас тарту мерзімі: {cancelBy} дейін. Жолдама {validUntil} қоса алғанда жарамды.',
    },
    ru: {
      subject: 'Выдано направление',
      text: 'Кезек: по заявлению №{applicationNumber} выдано направление в детский сад. Детский сад: {kindergarten}. Отказаться можно до {cancelBy}. Направление действительно по {validUntil} включительно.',
    },
    en: {
      subject: 'Referral issued',
      text: 'Kezek: a kindergarten referral was issued for application No. {applicationNumber}. Kindergarten: {kindergarten}. You may cancel it until {cancelBy}. The referral is valid through {validUntil}.',
    },
  },
  referralToConfirm: {
    kk: {
      subject: 'Жолдама берілді: құжаттарды ұсыныңыз',
      text: 'Кезек: №{applicationNumber} өтініш бойынша балабақшаға жолдама берілді. Балабақша: {kindergarten}. Бас тарту мерзімі: {cancelBy} дейін. Жеңілдікті растайтын құжаттарды {confirmBy} қоса алғанда ұсыныңыз, әйтпесе жолдаманың күші жойылады.',
    },
    ru: {
      subject: 'Выдано направление: представьте документы',
      text: 'Кезек: по заявлению №{applicationNumber} выдано направление в детский сад. Детский сад: {kindergarten}. Отказаться можно до {cancelBy}. Представьте документы, подтверждающие льготу, по {confirmBy} включительно, иначе направление будет аннулировано.',
    },
    en: {
      subject: 'Referral issued: present the documents',
      text: 'Kezek: a kindergarten referral was issued for application No. {applicationNumber}. Kindergarten: {kindergarten}. You may cancel it until {cancelBy}. Present the documents confirming the privilege by {confirmBy} inclusive, or the referral lapses.',
    },
  },
  referralWaiting: {
    kk: {
      subject: 'Жолдама берілді: орын босауын күтуде',
      text: 'Кезек: №{applicationNumber} өтініш бойынша алдын ала брондалған орынға жолдама берілді. Балабақша: {kindergarten}. Бас тарту мерзімі: {cancelBy} дейін. Орын {freeFrom} босайды; жолдаманың мерзімі сол күннен басталады.',
    },
    ru: {
      subject: 'Выдано направление: место ещё освобождается',
      text: 'Кезек: по заявлению №{applicationNumber} выдано направление на место раннего бронирования. Детский сад: {kindergarten}. Отказаться можно до {cancelBy}. Место освободится {freeFrom}; срок направления начнётся с этого дня.',
    },
    en: {
      subject: 'Referral issued: the place is still to be vacated',
      text: 'Kezek: a referral to an early-booked place was issued for application No. {applicationNumber}. Kindergarten: {kindergarten}. You may cancel it until {cancelBy}. The place is vacated on {freeFrom}; the referral runs from then.',
    },
  },
  referralRunning: {
    kk: {
      subject: 'Жолдама қолданыста',
      text: 'Кезек: №{applicationNumber} өтініш бойынша жолдаманың қолданылу мерзімі басталды. Балабақша: {kindergarten}. Жолдама {validUntil} қоса алғанда жарамды.',
    },
    ru: {
      subject: 'Направление действует',
      text: 'Кезек: начался срок действия направления по заявлению №{applicationNumber}. Детский сад: {kindergarten}. Направление действительно по {validUntil} включительно.',
    },
    en: {
      subject: 'Referral running',
      text: 'Kezek: the referral for application No. {applicationNumber} is now running. Kindergarten: {kindergarten}. It is valid through {validUntil}.',
    },
  },
  referralExtended: {
    kk: {
      subject: 'Жолдаманың мерзімі ұзартылды',
      text: 'Кезек: №{applicationNumber} өтініш бойынша жолдаманың мерзімі ұзартылды. Балабақша: {kindergarten}. Жолдама {validUntil} қоса алғанда жарамды.',
    },
    ru: {
      subject: 'Срок направления продлён',
      text: 'Кезек: срок направления по заявлению №{applicationNumber} продлён. Детский сад: {kindergarten}. Направление действительно по {validUntil} включительно.',
    },
    en: {
      subject: 'Referral extended',
      text: 'Kezek: the referral for application No. {applicationNumber} was extended. Kindergarten: {kindergarten}. It is valid through {validUntil}.',
    },
  },
  referralExpired: {
    kk: {
      subject: 'Жолдаманың мерзімі өтті',
      text: 'Кезек: №{applicationNumber} өтініш бойынша жолдаманың мерзімі өтті. Балабақша: {kindergarten}.',
    },
    ru: {
      subject: 'Срок направления истёк',
      text: 'Кезек: истёк срок направления по заявлению №{applicationNumber}. Детский сад: {kindergarten}.',
    },
    en: {
      subject: 'Referral expired',
      text: 'Kezek: the referral for application No. {applicationNumber} has expired. Kindergarten: {kindergarten}.',
    },
  },
  referralRefused: {
    kk: {
      subject: 'Қабылдаудан бас тартылды',
      text: 'Кезек: №{applicationNumber} өтініш бойынша балабақша баланы қабылдаудан бас тартты. Балабақша: {kindergarten}. Себебі: {reason}.',
    },
    ru: {
      subject: 'Отказано в приёме',
      text: 'Кезек: детский сад отказал в приёме ребёнка по заявлению №{applicationNumber}. Детский сад: {kindergarten}. Причина: {reason}.',
    },
    en: {
      subject: 'Admission refused',
      text: 'Kezek: the kindergarten refused to admit the child of application No. {applicationNumber}. Kindergarten: {kindergarten}. Reason: {reason}.',
    },
  },
  admitted: {
    kk: {
      subject: 'Бала балабақшаға қабылданды',
      text: 'Кезек: №{applicationNumber} өтініш бойынша бала балабақшаға қабылданды. Балабақша: {kindergarten}.',
    },
    ru: {
      subject: 'Ребёнок зачислен в детский сад',
      text: 'Кезек: по заявлению №{applicationNumber} ребёнок зачислен в детский сад. Детский сад: {kindergarten}.',
    },
    en: {
      subject: 'Child admitted',
      text: 'Kezek: the child of application No. {applicationNumber} was admitted to the kindergarten. Kindergarten: {kindergarten}.',
    },
  },
  stopListOn: {
    kk: {
      subject: 'Өтініш тоқтату парағына енгізілді',
      text: 'Кезек: №{applicationNumber} өтініш тоқтату парағына енгізілді. Себебі: {reason}.',
    },
    ru: {
      subject: 'Заявление внесено в стоп-лист',
      text: 'Кезек: заявление №{applicationNumber} внесено в стоп-лист. Причина: {reason}.',
    },
    en: {
      subject: 'Application on the stop list',
      text: 'Kezek: application No. {applicationNumber} was put on the stop list. Reason: {reason}.',
    },
  },
  stopListOff: {
    kk: {
      subject: 'Өтініш тоқтату парағынан шығарылды',
      text: 'Кезек: №{applicationNumber} өтініш тоқтату парағынан шығарылып, кезекке қайтарылды.',
    },
    ru: {
      subject: 'Заявление исключено из стоп-листа',
      text: 'Кезек: заявление №{applicationNumber} исключено из стоп-листа и возвращено в очередь.',
    },
    en: {
      subject: 'Application off the stop list',
      text: 'Kezek: application No. {applicationNumber} was taken off the stop list and is back in the queue.',
    },
  },
  archived: {
    kk: {
      subject: 'Өтініш архивке жіберілді',
      text: 'Кезек: №{applicationNumber} өтініш архивке жіберілді. Себебі: {reason}.',
    },
    ru: {
      subject: 'Заявление перенесено в архив',
      text: 'Кезек: заявление №{applicationNumber} перенесено в архив. Причина: {reason}.',
    },
    en: {
      subject: 'Application archived',
      text: 'Kezek: application No. {applicationNumber} was archived. Reason: {reason}.',
    },
  },
  interestDue: {
    kk: {
      subject: 'Мүдделілігіңізді растаңыз',
      text: 'Кезек: №{applicationNumber} өтініш бойынша орын алуға мүдделілігіңізді {confirmBy} қоса алғанда растаңыз, әйтпесе өтініш архивке жіберіледі.',
    },
    ru: {
      subject: 'Подтвердите заинтересованность',
      text: 'Кезек: подтвердите заинтересованность в получении места по заявлению №{applicationNumber} по {confirmBy} включительно, иначе заявление будет перенесено в архив.',
    },
    en: {
      subject: 'Confirm your interest',
      text: 'Kezek: confirm your interest in a place for application No. {applicationNumber} by {confirmBy} inclusive, or the application will be archived.',
    },
  },
};

export const isNotificationEvent = (name: string): name is NotificationEvent =>
  Object.hasOwn(NOTIFICATION_EVENTS, name);

/** Placeholders as stored in an outbox row: JSON, instants as ISO strings. */
export type StoredParams = Record<string, string | number | { kk: string; ru: string; en: string }>;

export function storeParams<E extends NotificationEvent>(params: NotificationParams<E>): StoredParams {
  return Object.fromEntries(
    Object.entries(params as Record<string, Date | Localized | number>).map(([name, value]) => [
      name,
      value instanceof Date ? value.toISOString() : value,
    ]),
  );
}

// 'YYYY-MM-DD' → 'DD.MM.YYYY', the order people in Kazakhstan read dates in all three languages.
const formatDate = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
const formatInstantNational = (iso: string) => {
  const local = toLocalDateTime(instantFromEpochMs(Date.parse(iso)));
  return `${formatDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
};

function formatParam(kind: ParamKind, value: unknown, language: NotificationLanguage): string | undefined {
  if (kind === 'number') return typeof value === 'number' ? String(value) : undefined;
  if (kind === 'instant')
    return typeof value === 'string' && !Number.isNaN(Date.parse(value))
      ? formatInstantNational(value)
      : undefined;
  if (kind === 'date')
    return typeof value === 'string' && parseLocalDate(value).ok ? formatDate(value) : undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && language in value) {
    const localized = (value as Record<string, unknown>)[language];
    return typeof localized === 'string' ? localized : undefined;
  }
  return undefined;
}

/**
 * The subject and text of a stored notification. A missing or malformed placeholder is an error (the
 * outbox row is dead, not sent with a hole in it).
 */
export function renderNotification(
  event: NotificationEvent,
  language: NotificationLanguage,
  params: Readonly<Record<string, unknown>>,
): { ok: true; subject: string; text: string } | { ok: false; error: string } {
  const kinds: Readonly<Record<string, ParamKind>> = NOTIFICATION_EVENTS[event];
  const values: Record<string, string> = {};
  for (const [name, kind] of Object.entries(kinds)) {
    const formatted = formatParam(kind, params[name], language);
    if (formatted === undefined)
      return { ok: false, error: `${event}: placeholder {${name}} missing or not a ${kind}` };
    values[name] = formatted;
  }
  const template = TEMPLATES[event][language];
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
  return { ok: true, subject: fill(template.subject), text: fill(template.text) };
}
