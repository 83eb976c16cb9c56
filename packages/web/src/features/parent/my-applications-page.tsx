import { useState } from 'react';
import type { ApplicationView } from '@kezek/contracts';
import { fetchApplications, fetchPosition } from '../../api/applications';
import { RequireActor } from '../../app/require-actor';
import { Link } from '../../app/router';
import { EmptyState, ErrorState, Loading } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { ApplicationBasics, StatusBadge } from './application-labels';
import { PlacementOverview } from './placement-overview';

/** The queue number of a queued application, loaded per card (the list itself carries no positions). */
const PositionLine = ({ id }: { id: string }) => {
  const { t, language } = useI18n();
  const position = useResource(`position:${id}`, (signal) => fetchPosition(id, signal));
  if (position.status === 'loading') return <p className="muted">{t('status.loading')}</p>;
  if (position.status === 'error') return <p className="muted">{t('parent.positionUnavailable')}</p>;
  const { position: place, queueLength } = position.data;
  return place === null ? null : (
    <p className="position-line" data-position={place}>
      {t('parent.positionOf', {
        position: formatNumber(place, language),
        total: formatNumber(queueLength, language),
      })}
    </p>
  );
};

const ApplicationCard = ({ application }: { application: ApplicationView }) => {
  const { t } = useI18n();
  return (
    <li className="card" data-application={application.number}>
      <h2 className="card-title">
        <Link to={`/my/applications/${application.id}`}>
          {t('parent.applicationNumber', { number: application.number })}
        </Link>
      </h2>
      <p>
        <StatusBadge status={application.status} />
      </p>
      <dl className="facts">
        <ApplicationBasics application={application} />
      </dl>
      {application.status === 'queued' && <PositionLine id={application.id} />}
    </li>
  );
};

const MyApplications = () => {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const list = useResource(`my-applications:${version}`, (signal) =>
    fetchApplications({ pageSize: 100 }, signal),
  );
  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('parent.title')}</h1>
        <Link to="/my/apply" className="button button-primary">
          {t('parent.apply')}
        </Link>
      </div>
      <div className="results-status" data-state={list.status} aria-live="polite">
        {list.status === 'loading' && list.data === undefined && <Loading />}
        {list.status === 'error' && <ErrorState error={list.error} onRetry={list.retry} />}
      </div>
      {list.status === 'ready' && list.data.items.length === 0 && (
        <EmptyState title={t('parent.empty')}>
          <p>{t('parent.emptyHint')}</p>
        </EmptyState>
      )}
      {list.data !== undefined && list.data.items.length > 0 && (
        <PlacementOverview onChanged={() => setVersion((n) => n + 1)}>
          <ul className="cards">
            {list.data.items.map((application) => (
              <ApplicationCard key={application.id} application={application} />
            ))}
          </ul>
        </PlacementOverview>
      )}
    </>
  );
};

export const MyApplicationsPage = () => {
  const { t } = useI18n();
  useDocumentTitle(t('parent.title'));
  return <RequireActor audience="applicant">{() => <MyApplications />}</RequireActor>;
};
