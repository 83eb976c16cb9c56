import { fetchRefusalReceipt } from '../../api/applications';
import { ErrorState, Loading } from '../../app/status';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../i18n/format';

/**
 * Annex 3: the receipt of a refusal to accept documents (R-REFUSE-01/02), with the ground, its rule and the
 * missing documents; printable, since it is issued in two copies.
 */
export const RefusalReceiptSection = ({ id }: { id: string }) => {
  const { t, language } = useI18n();
  const receipt = useResource(`refusal-receipt:${id}`, (signal) => fetchRefusalReceipt(id, signal));
  return (
    <section className="section receipt" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading">{t('receipt.title')}</h2>
      <div aria-live="polite">
        {receipt.status === 'loading' && <Loading />}
        {receipt.status === 'error' &&
          (receipt.error.code === 'CONFLICT' ? (
            <p className="muted">{t('receipt.none')}</p>
          ) : (
            <ErrorState error={receipt.error} onRetry={receipt.retry} />
          ))}
      </div>
      {receipt.status === 'ready' && (
        <>
          <dl className="facts" data-testid="refusal-receipt">
            <div>
              <dt>{t('receipt.reason')}</dt>
              <dd data-reason={receipt.data.reason}>
                {t(`rejection.${receipt.data.reason}`)} · {receipt.data.rule}
              </dd>
            </div>
            <div>
              <dt>{t('receipt.missing')}</dt>
              <dd>
                {receipt.data.missingDocuments.length === 0 ? '—' : receipt.data.missingDocuments.join('; ')}
              </dd>
            </div>
            {receipt.data.comment !== null && (
              <div>
                <dt>{t('verify.comment')}</dt>
                <dd>{receipt.data.comment}</dd>
              </div>
            )}
            <div>
              <dt>{t('receipt.issuer')}</dt>
              <dd>
                {receipt.data.issuerUnit[language]} · {receipt.data.executor.fullName}
              </dd>
            </div>
            <div>
              <dt>{t('receipt.issuedAt')}</dt>
              <dd>{formatInstant(receipt.data.issuedAt, language)}</dd>
            </div>
          </dl>
          <button type="button" className="button" onClick={() => window.print()}>
            {t('receipt.print')}
          </button>
        </>
      )}
    </section>
  );
};
