import type { ReferralView } from '@kezek/contracts';
import type { ApiError } from '../../api/client';
import { errorMessage } from '../../app/error-message';
import { useI18n } from '../../i18n';
import { formatLocalDate } from '../../i18n/format';
import { explainedRefusal, groupTypeOf, type WindowPlace } from './placement';

/** A refusal of a placement action in the user's words, with the rule it enforces. */
export const RefusalMessage = ({ error, title }: { error: ApiError | undefined; title: string }) => {
  const { t } = useI18n();
  const code = error === undefined ? undefined : explainedRefusal(error);
  return (
    <div className="form-error" role="alert" aria-live="assertive">
      {error !== undefined && (
        <>
          <p className="form-error-title">{title}</p>
          <p data-error-code={error.code} data-refusal={code ?? ''} data-error-rule={error.rule ?? ''}>
            {code === undefined ? errorMessage(t, error) : t(`placement.refusal.${code}`)}
            {code !== undefined &&
              error.rule !== undefined &&
              ` ${t('placement.refusal.rule', { rule: error.rule })}`}
          </p>
        </>
      )}
    </div>
  );
};

/** What the bulletin says of a place (its kindergarten is named above it): age group, language, group type, stay and admission mode. */
export const PlaceFacts = ({ place, queue }: { place: WindowPlace; queue: string }) => {
  const { t, language } = useI18n();
  return (
    <dl className="facts placement-facts">
      <div>
        <dt>{t('placement.place.ageGroup')}</dt>
        <dd>{t('placement.place.age', { count: place.age, year: place.birthYear })}</dd>
      </div>
      <div>
        <dt>{t('placement.place.language')}</dt>
        <dd>{t(`placement.place.languages.${place.language}`, { defaultValue: place.language })}</dd>
      </div>
      <div>
        <dt>{t('placement.place.groupType')}</dt>
        <dd>{t(`placement.place.groupTypes.${groupTypeOf(queue)}`)}</dd>
      </div>
      <div>
        <dt>{t('placement.place.mode')}</dt>
        <dd>{t(`placement.place.modes.${place.mode}`)}</dd>
      </div>
      <div>
        <dt>{t('placement.place.admission')}</dt>
        <dd>{t(`placement.place.admissions.${place.admission}`)}</dd>
      </div>
      {place.startDate !== null && (
        <div>
          <dt>{t('placement.place.startDate')}</dt>
          <dd>{formatLocalDate(place.startDate, language)}</dd>
        </div>
      )}
      {place.freeFrom !== null && (
        <div>
          <dt>{t('placement.place.freeFrom')}</dt>
          <dd>{formatLocalDate(place.freeFrom, language)}</dd>
        </div>
      )}
      {place.until !== null && (
        <div>
          <dt>{t('placement.place.until')}</dt>
          <dd>{formatLocalDate(place.until, language)}</dd>
        </div>
      )}
    </dl>
  );
};

export const TemporaryNote = ({ place }: { place: WindowPlace }) => {
  const { t, language } = useI18n();
  if (place.admission !== 'temporary') return null;
  return (
    <p className="notice">
      {t('placement.place.temporaryNote', {
        date: place.until === null ? '—' : formatLocalDate(place.until, language),
      })}
    </p>
  );
};

export const ReferralStatusBadge = ({ status }: { status: ReferralView['status'] }) => {
  const { t } = useI18n();
  return (
    <span className={`badge placement-status placement-status-${status}`} data-status={status}>
      {t(`placement.referrals.status.${status}`)}
    </span>
  );
};
