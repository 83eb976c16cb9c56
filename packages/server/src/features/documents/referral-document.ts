import type { Language, ReferralView } from '@kezek/contracts';
import type { DocumentView } from './pdf-renderer';

const TEXT = {
  kk: {
    title: 'Мектепке дейінгі ұйымға жолдама',
    number: 'Жолдаманың нөмірі',
    application: 'Өтініштің нөмірі',
    kindergarten: 'Мектепке дейінгі ұйым',
    group: 'Топ',
    issuedAt: 'Берілген күні',
    confirmBy: 'Құжаттардың түпнұсқаларын ұсыну мерзімі',
    validUntil: 'Жолдама осы күнді қоса алғанда жарамды',
    waiting: 'Орын босағаннан кейін 5 жұмыс күні жарамды',
    cancelBy: 'Жолдамадан бас тарту мерзімі',
    status: 'Мәртебесі',
    note: 'Жолдама электрондық түрде берілді және Kezek жүйесінде тіркелді. Мектепке дейінгі ұйымға жолдаманың жарамдылық мерзімі ішінде құжаттарды ұсыныңыз.',
    qr: 'Жолдаманы тексеру',
    register: 'Жолдамалар тізіліміндегі жазба (SHA-256)',
    footer: 'Kezek — мектепке дейінгі тәрбие мен оқыту саласындағы мемлекеттік қызметтер (№ 254 бұйрық)',
  },
  ru: {
    title: 'Направление в дошкольную организацию',
    number: 'Номер направления',
    application: 'Номер заявления',
    kindergarten: 'Дошкольная организация',
    group: 'Группа',
    issuedAt: 'Дата выдачи',
    confirmBy: 'Срок представления оригиналов документов',
    validUntil: 'Направление действительно по этот день включительно',
    waiting: 'Действительно 5 рабочих дней после освобождения места',
    cancelBy: 'Отказаться от направления можно до',
    status: 'Статус',
    note: 'Направление выдано в электронном виде и зарегистрировано в системе Kezek. Представьте документы в дошкольную организацию в пределах срока действия направления.',
    qr: 'Проверка направления',
    register: 'Запись в реестре направлений (SHA-256)',
    footer: 'Kezek — государственные услуги в сфере дошкольного воспитания и обучения (приказ № 254)',
  },
  en: {
    title: 'Referral to a preschool organisation',
    number: 'Referral number',
    application: 'Application number',
    kindergarten: 'Preschool organisation',
    group: 'Group',
    issuedAt: 'Issued at',
    confirmBy: 'Original documents to be shown by',
    validUntil: 'Valid up to and including',
    waiting: 'Valid for 5 working days once the place is vacated',
    cancelBy: 'May be cancelled until',
    status: 'Status',
    note: 'The referral was issued electronically and recorded in Kezek. Hand in the documents at the preschool organisation while the referral is valid.',
    qr: 'Verify the referral',
    register: 'Entry in the referrals register (SHA-256)',
    footer: 'Kezek — state services in preschool education (Order No. 254)',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** The referral (жолдама, §3(11), Ann.4 i.8) in one language, as a document to render. */
/**
 * A register entry's hash as the document prints it: eight groups of eight hex digits, so a line breaks only
 * between groups and the hash can be read out (the verify page takes it with or without the spaces).
 */
export const hashForReading = (hash: string): string => hash.match(/.{1,8}/g)?.join(' ') ?? hash;

export function referralDocument(
  referral: ReferralView,
  language: Language,
  qrText: string,
  registerEntry?: string,
): DocumentView {
  const t = TEXT[language];
  return {
    language,
    title: t.title,
    subtitle: `№ ${referral.number}`,
    fields: [
      { label: t.number, value: referral.number },
      { label: t.application, value: referral.applicationNumber },
      { label: t.kindergarten, value: referral.kindergarten.name[language] },
      { label: t.group, value: referral.groupId },
      { label: t.issuedAt, value: referral.issuedAt },
      ...(referral.confirmBy === null ? [] : [{ label: t.confirmBy, value: referral.confirmBy }]),
      referral.validUntil === null
        ? { label: t.validUntil, value: t.waiting }
        : { label: t.validUntil, value: referral.validUntil },
      { label: t.cancelBy, value: referral.cancelDeadline },
      { label: t.status, value: referral.status },
      ...(registerEntry === undefined ? [] : [{ label: t.register, value: hashForReading(registerEntry) }]),
    ],
    paragraphs: [t.note],
    qr: { text: qrText, caption: t.qr },
    footer: t.footer,
  };
}
