import { fetchMyNotifications } from '../../api/applications';
import { RequireActor } from '../../app/require-actor';
import { EmptyState, ErrorState, Loading } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../i18n/format';

/** R-APPL-07: the messages sent about the parent's applications, newest first, as they were sent. */
const Notifications = () => {
  const { t, language } = useI18n();
  const list = useResource('my-notifications', (signal) => fetchMyNotifications(signal));
  return (
    <>
      <h1 tabIndex={-1}>{t('notifications.title')}</h1>
      <p className="lead">{t('notifications.intro')}</p>
      <div className="results-status" data-state={list.status} aria-live="polite">
        {list.status === 'loading' && <Loading />}
        {list.status === 'error' && <ErrorState error={list.error} onRetry={list.retry} />}
      </div>
      {list.status === 'ready' &&
        (list.data.items.length === 0 ? (
          <EmptyState title={t('notifications.empty')}>
            <p>{t('notifications.emptyHint')}</p>
          </EmptyState>
        ) : (
          <ol className="cards notifications">
            {list.data.items.map((item) => (
              <li key={item.id} className="card" data-event={item.event} data-status={item.status}>
                <h2 className="card-title">{item.subject}</h2>
                <p className="muted">
                  {formatInstant(item.createdAt, language)} ·{' '}
                  {t(`notifications.channel.${item.channel}`, { recipient: item.recipient })} ·{' '}
                  {t(`notifications.status.${item.status}`)}
                </p>
                <p className="notification-text">{item.text}</p>
              </li>
            ))}
          </ol>
        ))}
    </>
  );
};

export const NotificationsPage = () => {
  const { t } = useI18n();
  useDocumentTitle(t('notifications.title'));
  return <RequireActor audience="applicant">{() => <Notifications />}</RequireActor>;
};
