import type { LatestHead, LedgerLog } from '@kezek/contracts';
import { fetchLatestHead, fetchLeaves, fetchLedgerKey } from '../../api/registers';
import { isAbortError, toApiError } from '../../api/client';
import { Link } from '../../app/router';
import { ErrorState, Loading } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatInstant, formatNumber } from '../../i18n/format';
import { LOGS } from './receipt';

/** A log's latest signed head (null before the first one) and how many leaves are sequenced so far. */
type LogState = { head: LatestHead['head'] | null; sequenced: number };

const loadLog = async (log: LedgerLog, signal: AbortSignal): Promise<LogState> => {
  const [head, leaves] = await Promise.all([
    fetchLatestHead(log, signal).then(
      (latest) => latest.head,
      (error: unknown) => {
        if (isAbortError(error)) throw error;
        const failure = toApiError(error);
        // 404: no head has been signed yet — a state of the log, not a failure.
        if (failure.code === 'NOT_FOUND') return null;
        throw failure;
      },
    ),
    fetchLeaves(log, 0, 1, signal),
  ]);
  return { head, sequenced: leaves.size };
};

const LogCard = ({ log }: { log: LedgerLog }) => {
  const { t, language } = useI18n();
  const state = useResource(`ledger-log/${log}`, (signal) => loadLog(log, signal));
  return (
    <li className="card registers-log" data-log={log}>
      <h2 className="card-title">{t(`registers.logs.${log}`)}</h2>
      <p className="muted">{t(`registers.logs.${log}About`)}</p>
      {state.status === 'loading' && state.data === undefined && <Loading />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={state.retry} />}
      {state.data !== undefined && state.status !== 'error' && (
        <dl className="facts registers-head">
          <div>
            <dt>{t('registers.heads.sequenced')}</dt>
            <dd data-testid="sequenced">{formatNumber(state.data.sequenced, language)}</dd>
          </div>
          {state.data.head === null ? (
            <div>
              <dt>{t('registers.heads.signedHead')}</dt>
              <dd data-testid="no-head">{t('registers.heads.noHead')}</dd>
            </div>
          ) : (
            <>
              <div>
                <dt>{t('registers.heads.treeSize')}</dt>
                <dd data-testid="tree-size">{formatNumber(state.data.head.treeSize, language)}</dd>
              </div>
              <div>
                <dt>{t('registers.heads.signedAt')}</dt>
                <dd data-testid="signed-at">
                  {formatInstant(new Date(state.data.head.timestamp).toISOString(), language)}
                </dd>
              </div>
              <div className="registers-wide">
                <dt>{t('registers.heads.rootHash')}</dt>
                <dd className="registers-hash" data-testid="root-hash">
                  {state.data.head.rootHash}
                </dd>
              </div>
              <div className="registers-wide">
                <dt>{t('registers.heads.signature')}</dt>
                <dd className="registers-hash">{state.data.head.signature}</dd>
              </div>
            </>
          )}
        </dl>
      )}
    </li>
  );
};

const PublicKey = () => {
  const { t } = useI18n();
  const key = useResource('ledger-key', (signal) => fetchLedgerKey(signal));
  return (
    <section aria-labelledby="ledger-key-title" className="registers-figure">
      <h2 id="ledger-key-title">{t('registers.heads.keyTitle')}</h2>
      <p className="registers-explain">{t('registers.heads.keyExplain')}</p>
      {key.status === 'loading' && <Loading />}
      {key.status === 'error' && <ErrorState error={key.error} onRetry={key.retry} />}
      {key.data !== undefined && key.status !== 'error' && (
        <dl className="facts">
          <div className="registers-wide">
            <dt>{t('registers.heads.publicKey')}</dt>
            <dd className="registers-hash" data-testid="public-key">
              {key.data.publicKey}
            </dd>
          </div>
          <div className="registers-wide">
            <dt>{t('registers.heads.keyId')}</dt>
            <dd className="registers-hash">{key.data.keyId}</dd>
          </div>
        </dl>
      )}
    </section>
  );
};

export const RegistersPage = () => {
  const { t } = useI18n();
  useDocumentTitle(t('registers.heads.title'));
  return (
    <>
      <div className="page-heading">
        <h1 tabIndex={-1}>{t('registers.heads.title')}</h1>
        <p className="lead">{t('registers.heads.intro')}</p>
      </div>
      <p>
        <Link to="/registers/verify" className="button">
          {t('registers.verify.title')}
        </Link>
      </p>
      <ul className="cards registers-logs">
        {LOGS.map((log) => (
          <LogCard key={log} log={log} />
        ))}
      </ul>
      <PublicKey />
      <section aria-labelledby="ledger-how-title" className="registers-figure">
        <h2 id="ledger-how-title">{t('registers.heads.howTitle')}</h2>
        <ul className="registers-explain-list">
          <li>{t('registers.heads.how1')}</li>
          <li>{t('registers.heads.how2')}</li>
          <li>{t('registers.heads.how3')}</li>
        </ul>
      </section>
    </>
  );
};
