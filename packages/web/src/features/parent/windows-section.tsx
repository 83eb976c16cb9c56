import { useEffect, useRef, useState } from 'react';
import type { MyWindow, ReferralView } from '@kezek/contracts';
import { toApiError, type ApiError } from '../../api/client';
import { claimReferral, fetchBulletinUnits, fetchSettlementBulletins } from '../../api/placement';
import { Link } from '../../app/router';
import { EmptyState, ErrorState, Loading } from '../../app/status';
import { useNow } from '../../app/use-now';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatInstant, formatNumber, localizedName } from '../../i18n/format';
import {
  newIdempotencyKey,
  parseQueueKey,
  refusalCode,
  timeLeft,
  windowPlaces,
  type WindowPlace,
  type WindowUnit,
} from './placement';
import { PlaceFacts, RefusalMessage, TemporaryNote } from './placement-parts';

/**
 * The window's units from the settlement's bulletins published before it opened, newest first, until the
 * window's unit count (a window gathers the bulletins since the previous one).
 */
const loadWindowUnits = async (window: MyWindow, signal: AbortSignal): Promise<WindowUnit[]> => {
  const key = parseQueueKey(window.queueKey);
  if (key === undefined) return [];
  const opensAt = window.opensAt ?? new Date().toISOString();
  const bulletins = await fetchSettlementBulletins(key.settlement, opensAt.slice(0, 10), signal);
  const units: WindowUnit[] = [];
  for (const bulletin of bulletins.items) {
    if (units.length >= window.units) break;
    if (bulletin.vacated === 0 || Date.parse(bulletin.publishedAt) > Date.parse(opensAt)) continue;
    const view = await fetchBulletinUnits(bulletin.id, key.birthYear, signal);
    units.push(...view.items.items.filter((item) => item.queueKey === window.queueKey));
  }
  return units;
};

const Countdown = ({ closesAt }: { closesAt: string }) => {
  const { t, language } = useI18n();
  const now = useNow(30_000);
  const left = timeLeft(closesAt, now);
  return (
    <span className="placement-countdown" data-testid="window-countdown">
      {formatInstant(closesAt, language)} ·{' '}
      {t('placement.windows.countdown', {
        days: formatNumber(left.days, language),
        hours: formatNumber(left.hours, language),
        minutes: formatNumber(left.minutes, language),
      })}
    </span>
  );
};

type ClaimProps = {
  window: MyWindow;
  place: WindowPlace;
  siblings: readonly MyWindow[];
  onBack: () => void;
  onClaimed: (referrals: ReferralView[]) => void;
  onRefused: (error: ApiError) => void;
};

/** The confirmation step: what a claim does, then one POST with a key kept for this attempt's retries. */
const ClaimConfirm = ({ window, place, siblings, onBack, onClaimed, onRefused }: ClaimProps) => {
  const { t, language } = useI18n();
  const key = useRef(newIdempotencyKey());
  const heading = useRef<HTMLHeadingElement>(null);
  // The chosen place's button is gone: keyboard and screen-reader users land on the confirmation.
  useEffect(() => heading.current?.focus(), []);
  const [withSiblings, setWithSiblings] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const confirm = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      const result = await claimReferral(
        { placeId: place.placeId, applicationIds: [window.applicationId, ...withSiblings] },
        key.current,
      );
      onClaimed(result.items);
    } catch (error) {
      const apiError = toApiError(error);
      // A network failure may have booked: the retry sends the same key and gets the first result.
      if (apiError.code === 'NETWORK' || apiError.status >= 500) setFailure(apiError);
      else onRefused(apiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section
      className="placement-confirm"
      aria-labelledby={`confirm-${window.windowId}-${window.applicationId}`}
    >
      <h4 id={`confirm-${window.windowId}-${window.applicationId}`} ref={heading} tabIndex={-1}>
        {t('placement.claim.title')}
      </h4>
      <p>{t('placement.claim.intro')}</p>
      <p className="placement-place-name">{localizedName(place.kindergarten.name, language)}</p>
      <PlaceFacts place={place} queue={parseQueueKey(window.queueKey)?.queue ?? 'general'} />
      <TemporaryNote place={place} />
      <p>{t('placement.claim.whatHappens')}</p>
      <ul className="placement-consequences">
        <li>{t('placement.claim.validity', { days: window.terms.referralValidityWorkingDays })}</li>
        {place.admission !== 'temporary' && <li>{t('placement.claim.leavesQueue')}</li>}
        <li>{t('placement.claim.cancelWithin')}</li>
      </ul>
      {siblings.length > 0 && (
        <fieldset className="fieldset">
          <legend>{t('placement.claim.siblings')}</legend>
          <p className="field-hint">{t('placement.claim.siblingsHint')}</p>
          {siblings.map((sibling) => (
            <div className="choice" key={sibling.applicationId}>
              <input
                type="checkbox"
                id={`sibling-${window.applicationId}-${sibling.applicationId}`}
                checked={withSiblings.includes(sibling.applicationId)}
                onChange={(e) =>
                  setWithSiblings((current) =>
                    e.target.checked
                      ? [...current, sibling.applicationId]
                      : current.filter((id) => id !== sibling.applicationId),
                  )
                }
              />
              <label htmlFor={`sibling-${window.applicationId}-${sibling.applicationId}`}>
                {t('placement.claim.sibling', { number: sibling.applicationNumber })}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <RefusalMessage error={failure} title={t('placement.claim.refused')} />
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          data-testid="claim-confirm"
          disabled={busy}
          onClick={() => void confirm()}
        >
          {busy
            ? t('placement.claim.busy')
            : failure === undefined
              ? t('placement.claim.confirm')
              : t('placement.claim.retry')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onBack}>
          {t('placement.claim.back')}
        </button>
      </div>
    </section>
  );
};

type CardProps = {
  window: MyWindow;
  all: readonly MyWindow[];
  referrals: readonly ReferralView[];
  version: number;
  onChanged: () => void;
};

const WindowCard = ({ window, all, referrals, version, onChanged }: CardProps) => {
  const { t, language } = useI18n();
  const units = useResource(`window-units:${window.windowId}:${window.queueKey}:${version}`, (signal) =>
    loadWindowUnits(window, signal),
  );
  const [choosing, setChoosing] = useState<string | undefined>();
  const [taken, setTaken] = useState<ReadonlySet<string>>(new Set());
  const [refusal, setRefusal] = useState<ApiError | undefined>();
  const [issued, setIssued] = useState<ReferralView[]>([]);
  const outcome = useRef<HTMLDivElement>(null);
  // After the confirmation closes, focus goes to its outcome (the referral issued, or the refusal).
  useEffect(() => {
    if (issued.length > 0 || refusal !== undefined) outcome.current?.focus();
  }, [issued, refusal]);
  const key = parseQueueKey(window.queueKey);
  const places =
    units.data === undefined
      ? []
      : windowPlaces(
          window,
          units.data,
          [...referrals, ...issued.filter((one) => !referrals.some((r) => r.id === one.id))],
          taken,
        );
  const chosen = places.find((place) => place.placeId === choosing);
  const referred = referrals.some(
    (referral) =>
      referral.applicationId === window.applicationId &&
      (referral.status === 'issued' || referral.status === 'extended'),
  );
  const siblings = all.filter(
    (other) =>
      other.applicationId !== window.applicationId && other.windowId === window.windowId && other.canClaimNow,
  );
  const headingId = `window-${window.windowId}-${window.applicationId}`;
  const policy = window.terms;
  return (
    <li
      className="card placement-window"
      data-window={window.windowId}
      data-application-number={window.applicationNumber}
      data-phase={window.phase}
      data-can-claim={String(window.canClaimNow)}
      aria-labelledby={headingId}
    >
      <h3 className="card-title" id={headingId}>
        <Link to={`/my/applications/${window.applicationId}`}>
          {t('placement.windows.application', { number: window.applicationNumber })}
        </Link>
      </h3>
      <p className="placement-access">
        {window.phase === 'priority' &&
          t('placement.windows.priority', { days: policy.priorityWindowWorkingDays })}
        {window.phase === 'leftover' && t('placement.windows.leftover', { count: policy.leftoverFirstN })}
        {window.phase === 'none' &&
          (window.opensAt === null ? t('placement.windows.notOpen') : t('placement.windows.closed'))}
      </p>
      <dl className="facts">
        {window.opensAt !== null && (
          <div>
            <dt>{t('placement.windows.opensAt')}</dt>
            <dd>{formatInstant(window.opensAt, language)}</dd>
          </div>
        )}
        {window.closesAt !== null && window.phase === 'priority' && (
          <div>
            <dt>{t('placement.windows.closesAt')}</dt>
            <dd>
              <Countdown closesAt={window.closesAt} />
            </dd>
          </div>
        )}
        {window.closesAt !== null && window.phase === 'leftover' && (
          <div>
            <dt>{t('placement.windows.priorityEnded')}</dt>
            <dd>{formatInstant(window.closesAt, language)}</dd>
          </div>
        )}
        {window.priorityRank !== null && (
          <div>
            <dt>{t('placement.windows.rank')}</dt>
            <dd>{formatNumber(window.priorityRank, language)}</dd>
          </div>
        )}
      </dl>
      <p className="muted">{t('placement.windows.units', { count: window.units })}</p>
      <p className={window.canClaimNow ? 'placement-can-claim' : 'notice'} data-testid="window-access">
        {window.canClaimNow
          ? t('placement.windows.canClaim')
          : referred
            ? t('placement.windows.referred')
            : window.phase === 'priority' && window.priorityRank === null
              ? t('placement.windows.cannotClaimPriority')
              : t('placement.windows.cannotClaim')}
      </p>
      <div ref={outcome} tabIndex={-1} className="placement-outcome">
        {issued.length > 0 && (
          <p className="form-saved placement-issued" role="status">
            {issued.map((referral) => (
              <span key={referral.id}>
                {t('placement.claim.done', { number: referral.number })}{' '}
                <Link to={`/my/referrals/${referral.id}`}>{t('placement.claim.open')}</Link>{' '}
              </span>
            ))}
          </p>
        )}
        <RefusalMessage error={refusal} title={t('placement.claim.refused')} />
        {refusal !== undefined && <p className="muted">{t('placement.claim.refreshed')}</p>}
      </div>
      <h4>{t('placement.windows.placesTitle')}</h4>
      <div aria-live="polite">
        {units.status === 'loading' && <Loading />}
        {units.status === 'error' && <ErrorState error={units.error} onRetry={units.retry} />}
      </div>
      {units.status === 'ready' && places.length === 0 && (
        <p className="muted">{t('placement.windows.noPlaces')}</p>
      )}
      {chosen !== undefined ? (
        <ClaimConfirm
          window={window}
          place={chosen}
          siblings={siblings}
          onBack={() => setChoosing(undefined)}
          onClaimed={(result) => {
            setChoosing(undefined);
            setRefusal(undefined);
            setIssued((current) => [...current, ...result]);
            onChanged();
          }}
          onRefused={(error) => {
            setChoosing(undefined);
            setRefusal(error);
            if (refusalCode(error) === 'NO_FREE_UNIT')
              setTaken((current) => new Set([...current, chosen.placeId]));
            onChanged();
          }}
        />
      ) : (
        places.length > 0 && (
          <ul className="placement-places">
            {places.map((place) => (
              <li
                key={place.placeId}
                className="placement-place"
                data-place={place.placeId}
                data-units={place.units}
              >
                <p className="placement-place-name">
                  {localizedName(place.kindergarten.name, language)} ·{' '}
                  <span className="muted">{t('placement.windows.freeUnits', { count: place.units })}</span>
                </p>
                <PlaceFacts place={place} queue={key?.queue ?? 'general'} />
                <TemporaryNote place={place} />
                {window.canClaimNow && (
                  <button
                    type="button"
                    className="button button-primary"
                    onClick={() => {
                      setRefusal(undefined);
                      setChoosing(place.placeId);
                    }}
                  >
                    {t('placement.windows.choose')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )
      )}
    </li>
  );
};

/** Windows shown: open ones, and ones not opened yet; a closed window is history. */
export const isShownWindow = (window: MyWindow) => window.phase !== 'none' || window.opensAt === null;

/**
 * R-WIN-03..07, §24–29: the parent's allocation windows (all, or one application's) with the places the child
 * may take and the claim. `referrals` are the parent's, to hide the units they hold; `onChanged` reloads them.
 */
export const WindowsSection = ({
  windows,
  referrals,
  version,
  onChanged,
  applicationId,
}: {
  windows: readonly MyWindow[];
  referrals: readonly ReferralView[];
  version: number;
  onChanged: () => void;
  applicationId?: string | undefined;
}) => {
  const { t } = useI18n();
  const shown = windows.filter(
    (window) =>
      isShownWindow(window) && (applicationId === undefined || window.applicationId === applicationId),
  );
  return (
    <section className="section placement-windows" aria-labelledby="windows-heading">
      <h2 id="windows-heading">{t('placement.windows.title')}</h2>
      <p className="muted">{t('placement.windows.intro')}</p>
      {shown.length === 0 ? (
        <EmptyState title={t('placement.windows.none')}>
          <p>{t('placement.windows.noneHint')}</p>
        </EmptyState>
      ) : (
        <ul className="cards">
          {shown.map((window) => (
            <WindowCard
              key={`${window.windowId}:${window.applicationId}`}
              window={window}
              all={windows}
              referrals={referrals}
              version={version}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
    </section>
  );
};
