import { useState } from 'react';
import type { ReactNode } from 'react';
import type { MyWindow } from '@kezek/contracts';
import type { ReferralView } from '@kezek/contracts';
import { fetchMyReferrals, fetchMyWindows } from '../../api/placement';
import { Link } from '../../app/router';
import { EmptyState, ErrorState, Loading } from '../../app/status';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatInstant, formatLocalDate, localizedName } from '../../i18n/format';
import { ReferralStatusBadge } from './placement-parts';
import { isShownWindow, WindowsSection } from './windows-section';

const ReferralCard = ({ referral }: { referral: ReferralView }) => {
  const { t, language } = useI18n();
  return (
    <li className="card placement-referral" data-referral={referral.number} data-status={referral.status}>
      <h3 className="card-title">
        <Link to={`/my/referrals/${referral.id}`}>
          {t('placement.referrals.number', { number: referral.number })}
        </Link>
      </h3>
      <p>
        <ReferralStatusBadge status={referral.status} />
      </p>
      <dl className="facts">
        <div>
          <dt>{t('placement.referrals.kindergarten')}</dt>
          <dd>{localizedName(referral.kindergarten.name, language)}</dd>
        </div>
        <div>
          <dt>{t('placement.referrals.application')}</dt>
          <dd>{referral.applicationNumber}</dd>
        </div>
        <div>
          <dt>{t('placement.referrals.issuedAt')}</dt>
          <dd>{formatInstant(referral.issuedAt, language)}</dd>
        </div>
        {referral.validUntil !== null && (
          <div>
            <dt>{t('placement.referrals.validUntil')}</dt>
            <dd>{formatLocalDate(referral.validUntil, language)}</dd>
          </div>
        )}
      </dl>
    </li>
  );
};

export const ReferralsList = ({ referrals }: { referrals: readonly ReferralView[] }) => {
  const { t } = useI18n();
  return referrals.length === 0 ? (
    <EmptyState title={t('placement.referrals.empty')} />
  ) : (
    <ul className="cards" data-testid="referrals">
      {referrals.map((referral) => (
        <ReferralCard key={referral.id} referral={referral} />
      ))}
    </ul>
  );
};

/**
 * The parent's windows and referrals, loaded together and reloaded after a claim (`version`): on /my for all
 * applications, on an application's page for that one.
 */
export const PlacementOverview = ({
  applicationId,
  children,
  onChanged: onApplicationsChanged,
}: {
  applicationId?: string | undefined;
  children?: ReactNode;
  /** After a claim: the applications' statuses changed too. */
  onChanged?: (() => void) | undefined;
}) => {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const windows = useResource(`my-windows:${version}`, (signal) => fetchMyWindows(signal));
  const referrals = useResource(`my-referrals:${version}`, (signal) => fetchMyReferrals(signal));
  const mine =
    referrals.data?.items.filter(
      (referral) => applicationId === undefined || referral.applicationId === applicationId,
    ) ?? [];
  const onChanged = () => {
    setVersion((n) => n + 1);
    onApplicationsChanged?.();
  };
  const relevant = (window: MyWindow) =>
    isShownWindow(window) && (applicationId === undefined || window.applicationId === applicationId);
  const windowsSection = windows.data !== undefined && referrals.data !== undefined && (
    <WindowsSection
      windows={windows.data.windows}
      referrals={referrals.data.items}
      version={version}
      onChanged={onChanged}
      applicationId={applicationId}
    />
  );
  // An open window comes first (it closes in days); without one, the empty section follows the rest.
  const windowsFirst = windows.data?.windows.some(relevant) === true;
  return (
    <>
      <div className="placement-load" data-state={windows.status} aria-live="polite">
        {windows.data === undefined && windows.status === 'loading' && <Loading />}
        {windows.status === 'error' && <ErrorState error={windows.error} onRetry={windows.retry} />}
      </div>
      {windowsFirst && windowsSection}
      {children}
      {!windowsFirst && windowsSection}
      {(applicationId === undefined || mine.length > 0) && (
        <section className="section" aria-labelledby="referrals-heading">
          <h2 id="referrals-heading">{t('placement.referrals.title')}</h2>
          <div aria-live="polite">
            {referrals.data === undefined && referrals.status === 'loading' && <Loading />}
            {referrals.status === 'error' && <ErrorState error={referrals.error} onRetry={referrals.retry} />}
          </div>
          {referrals.data !== undefined && <ReferralsList referrals={mine} />}
        </section>
      )}
    </>
  );
};
