import { useState } from 'react';
import type { ApplicationView } from '@kezek/contracts';
import {
  confirmInterest,
  fetchApplication,
  fetchPosition,
  fetchPositionHistory,
  withdrawApplication,
} from '../../api/applications';
import { toApiError, type ApiError } from '../../api/client';
import { FormError } from '../../app/form';
import { RequireActor } from '../../app/require-actor';
import { Link } from '../../app/router';
import { ErrorState, Loading, PendingPage } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatInstant, formatNumber } from '../../i18n/format';
import { ApplicationBasics, StatusBadge } from './application-labels';
import { CATEGORY_CHANGEABLE } from './categories-change';
import { ContactsForm } from './contacts-form';
import { PlacementOverview } from './placement-overview';
import { PositionTimeline } from './position-timeline';
import { RefusalReceiptSection } from './refusal-receipt';

const GROUPS = ['O', 'P', 'G'] as const;
type Status = ApplicationView['status'];
/** R-APPL-03: an application can be withdrawn until it is final. */
const WITHDRAWABLE: readonly Status[] = ['pending', 'queued', 'stopped'];
/** R-APPL-08: interest is confirmed while the application holds a place. */
const CONFIRMABLE: readonly Status[] = ['queued', 'stopped'];
/** R-APPL-02: contacts change until the application is final. */
const MODIFIABLE: readonly Status[] = ['pending', 'queued', 'stopped', 'referred'];

const PositionSection = ({ id, version }: { id: string; version: number }) => {
  const { t, language } = useI18n();
  const position = useResource(`position:${id}:${version}`, (signal) => fetchPosition(id, signal));
  const history = useResource(`history:${id}:${version}`, (signal) => fetchPositionHistory(id, signal));
  return (
    <section className="section" aria-labelledby="position-heading">
      <h2 id="position-heading">{t('position.title')}</h2>
      <div aria-live="polite">
        {position.status === 'loading' && <Loading />}
        {position.status === 'error' && <ErrorState error={position.error} onRetry={position.retry} />}
      </div>
      {position.status === 'ready' && position.data.position !== null && (
        <>
          <p className="position-big" data-testid="position" data-position={position.data.position}>
            {t('parent.positionOf', {
              position: formatNumber(position.data.position, language),
              total: formatNumber(position.data.queueLength, language),
            })}
          </p>
          <dl className="facts">
            {GROUPS.map((group) => (
              <div key={group}>
                <dt>{t(`position.ahead${group}`)}</dt>
                <dd>{formatNumber(position.data.aheadByGroup[group], language)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {position.status === 'ready' && position.data.position === null && (
        <p className="muted">{t('position.notQueued')}</p>
      )}
      <h3>{t('timeline.title')}</h3>
      <p className="muted">{t('timeline.intro')}</p>
      <div aria-live="polite">
        {history.status === 'loading' && <Loading />}
        {history.status === 'error' && <ErrorState error={history.error} onRetry={history.retry} />}
      </div>
      {history.status === 'ready' && <PositionTimeline history={history.data} />}
    </section>
  );
};

const Actions = ({
  application,
  onChanged,
}: {
  application: ApplicationView;
  onChanged: (next: ApplicationView) => void;
}) => {
  const { t, language } = useI18n();
  const [confirmingWithdrawal, setConfirmingWithdrawal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [done, setDone] = useState('');

  const run = async (change: () => Promise<ApplicationView>, message: string) => {
    setBusy(true);
    setFailure(undefined);
    try {
      onChanged(await change());
      setDone(message);
      setConfirmingWithdrawal(false);
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  };

  const canWithdraw = WITHDRAWABLE.includes(application.status);
  const canConfirm = CONFIRMABLE.includes(application.status);
  return (
    <section className="section" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('actions.title')}</h2>
      <p className="form-saved" aria-live="polite">
        {done}
      </p>
      <FormError error={failure} />
      {canConfirm && (
        <div className="action">
          <p>
            {application.interestConfirmedAt === null
              ? t('actions.interestHint')
              : t('actions.interestConfirmedAt', {
                  date: formatInstant(application.interestConfirmedAt, language),
                })}
          </p>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run(() => confirmInterest(application.id), t('actions.interestDone'))}
          >
            {t('actions.confirmInterest')}
          </button>
        </div>
      )}
      {canWithdraw && (
        <div className="action">
          <p>{t('actions.withdrawHint')}</p>
          {confirmingWithdrawal ? (
            <div role="group" aria-label={t('actions.withdrawConfirm')} className="button-row">
              <p className="warning">{t('actions.withdrawConfirm')}</p>
              <button
                type="button"
                className="button button-danger"
                disabled={busy}
                onClick={() =>
                  void run(
                    () => withdrawApplication(application.id, application.version),
                    t('actions.withdrawDone'),
                  )
                }
              >
                {t('actions.withdrawYes')}
              </button>
              <button type="button" className="button" onClick={() => setConfirmingWithdrawal(false)}>
                {t('actions.cancel')}
              </button>
            </div>
          ) : (
            <button type="button" className="button" onClick={() => setConfirmingWithdrawal(true)}>
              {t('actions.withdraw')}
            </button>
          )}
        </div>
      )}
      {!canWithdraw && !canConfirm && <p className="muted">{t('actions.none')}</p>}
    </section>
  );
};

const ApplicationDetail = ({ id }: { id: string }) => {
  const { t, language } = useI18n();
  const loaded = useResource(`application:${id}`, (signal) => fetchApplication(id, signal));
  const [latest, setLatest] = useState<ApplicationView | undefined>();
  const application = latest !== undefined && latest.id === id ? latest : loaded.data;
  if (application === undefined) {
    return <PendingPage title={t('parent.detailTitle')} resource={loaded} />;
  }
  return (
    <>
      <p>
        <Link to="/my">{t('parent.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('parent.applicationNumber', { number: application.number })}</h1>
      <p>
        <StatusBadge status={application.status} />
      </p>
      <dl className="facts">
        <ApplicationBasics application={application} />
        {application.originalsDueAt !== null && application.status === 'pending' && (
          <div>
            <dt>{t('application.originalsDueAt')}</dt>
            <dd>{formatInstant(application.originalsDueAt, language)}</dd>
          </div>
        )}
      </dl>
      {CATEGORY_CHANGEABLE.includes(application.status) && (
        <p>
          <Link to={`/my/applications/${application.id}/categories`} data-testid="change-categories">
            {t('placement.categories.link')}
          </Link>
        </p>
      )}
      {['queued', 'stopped', 'referred', 'enrolled'].includes(application.status) && (
        <PlacementOverview
          applicationId={application.id}
          onChanged={() => {
            setLatest(undefined);
            loaded.retry();
          }}
        />
      )}
      {application.status === 'rejected' ? (
        <RefusalReceiptSection id={application.id} />
      ) : (
        <PositionSection id={application.id} version={application.version} />
      )}
      <Actions application={application} onChanged={setLatest} />
      {MODIFIABLE.includes(application.status) && (
        <section className="section" aria-labelledby="contacts-heading">
          <h2 id="contacts-heading">{t('contacts.title')}</h2>
          <ContactsForm application={application} onSaved={setLatest} />
        </section>
      )}
    </>
  );
};

export const ApplicationPage = ({ id }: { id: string }) => {
  const { t } = useI18n();
  useDocumentTitle(t('parent.detailTitle'));
  return <RequireActor audience="applicant">{() => <ApplicationDetail id={id} />}</RequireActor>;
};
