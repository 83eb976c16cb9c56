import type { Language, RefusalReceipt } from '@kezek/contracts';
import { noticeLabel } from '../notifications/notice-labels';
import type { DocumentView } from './pdf-renderer';

const TEXT = {
  kk: {
    title: 'Құжаттарды қабылдаудан бас тарту туралы қолхат',
    number: 'Өтініштің нөмірі',
    service: 'Мемлекеттік көрсетілетін қызмет',
    recipient: 'Көрсетілетін қызметті алушы',
    issuer: 'Қолхатты берген бөлім',
    reason: 'Бас тарту негізі',
    missing: 'Жоқ немесе мерзімі өткен құжаттар',
    comment: 'Түсініктеме',
    executor: 'Орындаушы',
    issuedAt: 'Берілген күні',
    copies: 'Қолхат 2 данада жасалды, әр тарапқа бір данадан.',
    qr: 'Тізілімдегі жазбаны тексеру: kezek verify',
    footer: 'Kezek — мектепке дейінгі тәрбие мен оқыту саласындағы мемлекеттік қызметтер (№ 254 бұйрық)',
  },
  ru: {
    title: 'Расписка об отказе в приёме документов',
    number: 'Номер заявления',
    service: 'Государственная услуга',
    recipient: 'Услугополучатель',
    issuer: 'Подразделение, выдавшее расписку',
    reason: 'Основание отказа',
    missing: 'Отсутствующие или просроченные документы',
    comment: 'Комментарий',
    executor: 'Исполнитель',
    issuedAt: 'Дата выдачи',
    copies: 'Расписка составлена в 2 экземплярах, по одному для каждой стороны.',
    qr: 'Проверка записи в реестре: kezek verify',
    footer: 'Kezek — государственные услуги в сфере дошкольного воспитания и обучения (приказ № 254)',
  },
  en: {
    title: 'Receipt of the refusal to accept documents',
    number: 'Application number',
    service: 'State service',
    recipient: 'Service recipient',
    issuer: 'Issuing unit',
    reason: 'Ground of the refusal',
    missing: 'Missing or expired documents',
    comment: 'Comment',
    executor: 'Executor',
    issuedAt: 'Issued at',
    copies: 'The receipt is made in 2 copies, one for each party.',
    qr: 'Verify the register entry: kezek verify',
    footer: 'Kezek — state services in preschool education (Order No. 254)',
  },
} as const satisfies Record<Language, Record<string, string>>;

const EN_SERVICE_NAME =
  'Registration of preschool children (up to 6 years) in the queue for referral to preschool organisations';

/** R-REFUSE-02 (Annex 3): the refusal receipt in one language, as a document to render. */
export function refusalReceiptDocument(
  receipt: RefusalReceipt,
  language: Language,
  qrText: string,
): DocumentView {
  const t = TEXT[language];
  return {
    language,
    title: t.title,
    subtitle: `№ ${receipt.applicationNumber}`,
    fields: [
      { label: t.number, value: receipt.applicationNumber },
      { label: t.service, value: language === 'en' ? EN_SERVICE_NAME : receipt.serviceName[language] },
      { label: t.recipient, value: `${receipt.recipient.fullName}, ЖСН/ИИН ${receipt.recipient.iin}` },
      { label: t.issuer, value: receipt.issuerUnit[language] },
      { label: t.reason, value: `${noticeLabel(receipt.reason, language)} (${receipt.rule})` },
      ...(receipt.missingDocuments.length === 0
        ? []
        : [{ label: t.missing, value: receipt.missingDocuments.join('; ') }]),
      ...(receipt.comment === null ? [] : [{ label: t.comment, value: receipt.comment }]),
      { label: t.executor, value: receipt.executor.fullName },
      { label: t.issuedAt, value: receipt.issuedAt },
    ],
    paragraphs: [t.copies],
    qr: { text: qrText, caption: t.qr },
    footer: t.footer,
  };
}
