import type { ReactNode } from 'react';
import type { Resource } from './use-resource';
import type { ApiError } from '../api/client';
import { useI18n } from '../i18n';

export const Loading = () => {
  const { t } = useI18n();
  return (
    <p className="status status-loading">
      <span className="spinner" aria-hidden="true" />
      {t('status.loading')}
    </p>
  );
};

const describe = (error: ApiError): 'status.errorNetwork' | 'status.errorServer' | 'status.errorRequest' => {
  if (error.code === 'NETWORK') return 'status.errorNetwork';
  if (error.status === 0 || error.status >= 500 || error.code === 'BAD_RESPONSE') return 'status.errorServer';
  return 'status.errorRequest';
};

export const ErrorState = ({ error, onRetry }: { error: ApiError; onRetry: () => void }) => {
  const { t } = useI18n();
  return (
    <div className="status status-error" role="alert">
      <h2 className="status-title">{t('status.errorTitle')}</h2>
      <p>{t(describe(error))}</p>
      <p className="status-code">
        {t('status.errorCode', { code: error.code })}
        {error.requestId ? ` · ${error.requestId}` : ''}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        {t('status.retry')}
      </button>
    </div>
  );
};

export const EmptyState = ({ title, children }: { title: string; children?: ReactNode }) => (
  <div className="status status-empty">
    <p className="status-title">{title}</p>
    {children}
  </div>
);

/** Loading or failed, for a part of a page: the loading line, or the error with a retry, announced politely. */
export const Pending = ({ resource }: { resource: Resource<unknown> & { retry: () => void } }) => (
  <div aria-live="polite">
    {resource.status === 'error' ? (
      <ErrorState error={resource.error} onRetry={resource.retry} />
    ) : (
      <Loading />
    )}
  </div>
);

/** A detail page whose record is not there yet: its heading, then <Pending>. */
export const PendingPage = ({
  title,
  resource,
}: {
  title: string;
  resource: Resource<unknown> & { retry: () => void };
}) => (
  <>
    <h1 tabIndex={-1}>{title}</h1>
    <Pending resource={resource} />
  </>
);
