import { useState } from 'react';
import type { FormEvent } from 'react';
import type { GroupView, KindergartenPlaces, PlaceView, ReportPlaces } from '@kezek/contracts';
import { fetchKindergartenPlaces, reportPlaces, reportVacated, revokePlaces } from '../../api/kindergarten';
import { toApiError, type ApiError } from '../../api/client';
import { Field, FormError } from '../../app/form';
import { RequireActor } from '../../app/require-actor';
import { EmptyState, ErrorState, Loading } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import type { Saved } from './saved';
import { formatInstant, formatLocalDate, formatNumber, localizedName } from '../../i18n/format';
import { ADMISSIONS, REASONS, reportBody, type ReportDraft } from './report-draft';

const GroupsTable = ({ groups }: { groups: readonly GroupView[] }) => {
  const { t, language } = useI18n();
  return (
    <div className="table-scroll" role="region" aria-labelledby="kg-groups" tabIndex={0}>
      <table className="data-table">
        <caption id="kg-groups">{t('kgDesk.places.groups')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('kgDesk.places.group')}</th>
            <th scope="col">{t('kgDesk.places.language')}</th>
            <th scope="col">{t('kgDesk.places.capacity')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.id}>
              <th scope="row">{group.ageGroup}</th>
              <td>{t(`groupLanguage.${group.language}`, { defaultValue: group.language })}</td>
              <td className="numeric">{formatNumber(group.capacity, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

/** What a place's dates mean, in words. */
const PlaceDates = ({ place }: { place: PlaceView }) => {
  const { t, language } = useI18n();
  const parts = [
    place.freeFrom === null
      ? ''
      : t('kgDesk.places.freeFrom', { date: formatLocalDate(place.freeFrom, language) }),
    place.until === null ? '' : t('kgDesk.places.until', { date: formatLocalDate(place.until, language) }),
    place.startDate === null
      ? ''
      : t('kgDesk.places.startDate', { date: formatLocalDate(place.startDate, language) }),
  ];
  return <>{parts.filter((text) => text !== '').join('; ')}</>;
};

/** R-KG-02, R-KG-03: take units back with a reason of the closed list, after a confirmation that says what it does. */
const RevokeForm = ({ place, onDone }: { place: PlaceView; onDone: (message: Saved) => void }) => {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [count, setCount] = useState('1');
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<ApiError>();
  const free = place.units.reported + place.units.published + place.units.reserved;
  if (free === 0) return null;
  if (!open)
    return (
      <button type="button" className="button button-secondary button-small" onClick={() => setOpen(true)}>
        {t('kgDesk.revoke.action')}
      </button>
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const chosen = REASONS.find((value) => value === reason);
      const result = await revokePlaces(place.id, {
        count: Number(count),
        ...(chosen === undefined ? {} : { reason: chosen }),
      });
      setOpen(false);
      onDone({ key: 'kgDesk.revoke.done', options: { count: result.cancelledReferrals.length } });
    } catch (error) {
      setFailure(toApiError(error));
    }
  };
  return (
    <form
      className="form narrow kg-revoke"
      onSubmit={(event) => void submit(event)}
      aria-label={t('kgDesk.revoke.title')}
    >
      <p className="notice">{t('kgDesk.revoke.warning')}</p>
      <Field label={t('kgDesk.revoke.count')}>
        {(props) => (
          <input
            {...props}
            type="number"
            min={1}
            max={free}
            value={count}
            onChange={(e) => setCount(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('kgDesk.revoke.reason')}>
        {(props) => (
          <select {...props} value={reason} onChange={(e) => setReason(e.target.value)}>
            <option value="">{t('kgDesk.reason.none')}</option>
            {REASONS.map((value) => (
              <option key={value} value={value}>
                {t(`kgDesk.reason.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormError error={failure} />
      <div className="form-actions">
        <button type="submit" className="button">
          {t('kgDesk.revoke.confirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          {t('kgDesk.revoke.cancel')}
        </button>
      </div>
    </form>
  );
};

const PlacesTable = ({
  places,
  groups,
  onDone,
}: {
  places: readonly PlaceView[];
  groups: readonly GroupView[];
  onDone: (message: Saved) => void;
}) => {
  const { t, language } = useI18n();
  const groupName = new Map(groups.map((group) => [group.id, group.ageGroup]));
  const [failure, setFailure] = useState<ApiError>();
  if (places.length === 0) return <EmptyState title={t('kgDesk.places.none')} />;
  const vacate = async (place: PlaceView) => {
    try {
      await reportVacated(place.id);
      onDone({ key: 'kgDesk.vacate.done' });
    } catch (error) {
      setFailure(toApiError(error));
    }
  };
  return (
    <>
      <FormError error={failure} />
      <div className="table-scroll" role="region" aria-labelledby="kg-places" tabIndex={0}>
        <table className="data-table kg-places" data-testid="kg-places">
          <caption id="kg-places">{t('kgDesk.places.reported')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kgDesk.places.reportedAt')}</th>
              <th scope="col">{t('kgDesk.places.group')}</th>
              <th scope="col">{t('kgDesk.places.admission')}</th>
              <th scope="col">{t('kgDesk.places.units')}</th>
              <th scope="col">{t('kgDesk.places.status')}</th>
              <th scope="col">{t('kgDesk.places.dates')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {[...places].reverse().map((place) => (
              <tr key={place.id} data-place={place.id}>
                <th scope="row">{formatInstant(place.reportedAt, language)}</th>
                <td data-group={place.groupId}>{groupName.get(place.groupId) ?? ''}</td>
                <td>{t(`kgDesk.admissionMode.${place.admission}`)}</td>
                <td>{t('kgDesk.places.counts', place.units)}</td>
                <td>{t(`kgDesk.placeStatus.${place.status}`)}</td>
                <td>
                  <PlaceDates place={place} />
                </td>
                <td className="kg-actions">
                  {place.admission === 'earlyBooking' && place.vacatedAt === null && (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => void vacate(place)}
                    >
                      {t('kgDesk.vacate.action')}
                    </button>
                  )}
                  <RevokeForm place={place} onDone={onDone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
};

const EMPTY_DRAFT: ReportDraft = { groupId: '', count: '1', admission: 'general', freeFrom: '', until: '' };

/** R-KG-01, R-KG-04, R-KG-05: the daily report of places in one group, with the dates its mode needs. */
const ReportForm = ({
  kindergartenId,
  groups,
  onDone,
}: {
  kindergartenId: string;
  groups: readonly GroupView[];
  onDone: (message: Saved) => void;
}) => {
  const { t } = useI18n();
  const [draft, setDraft] = useState<ReportDraft>({ ...EMPTY_DRAFT, groupId: groups[0]?.id ?? '' });
  const [shown, setShown] = useState<Partial<Record<keyof ReportDraft, string>>>({});
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<ReportDraft>) => setDraft((current) => ({ ...current, ...change }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = reportBody(draft);
    if (!checked.ok) {
      setShown(checked.errors);
      return;
    }
    setShown({});
    setBusy(true);
    try {
      const body: ReportPlaces = checked.body;
      await reportPlaces(kindergartenId, body);
      setFailure(undefined);
      onDone({ key: 'kgDesk.report.done', options: { count: body.count } });
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  };
  const errorOf = (field: keyof ReportDraft) =>
    shown[field] === undefined ? undefined : t(`kgDesk.report.${shown[field]}`);
  return (
    <form
      className="form narrow kg-report"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="kg-report"
      noValidate
    >
      <h2 id="kg-report">{t('kgDesk.report.title')}</h2>
      <Field label={t('kgDesk.report.group')} error={errorOf('groupId')}>
        {(props) => (
          <select
            {...props}
            name="groupId"
            value={draft.groupId}
            onChange={(e) => set({ groupId: e.target.value })}
          >
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.ageGroup}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('kgDesk.report.count')} error={errorOf('count')}>
        {(props) => (
          <input
            {...props}
            name="count"
            type="number"
            inputMode="numeric"
            min={1}
            max={500}
            value={draft.count}
            onChange={(e) => set({ count: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('kgDesk.report.admission')}>
        {(props) => (
          <select
            {...props}
            name="admission"
            value={draft.admission}
            onChange={(e) =>
              set({ admission: ADMISSIONS.find((value) => value === e.target.value) ?? 'general' })
            }
          >
            {ADMISSIONS.map((value) => (
              <option key={value} value={value}>
                {t(`kgDesk.admissionMode.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {draft.admission === 'earlyBooking' && (
        <Field label={t('kgDesk.report.freeFrom')} error={errorOf('freeFrom')}>
          {(props) => (
            <input
              {...props}
              name="freeFrom"
              type="date"
              value={draft.freeFrom}
              onChange={(e) => set({ freeFrom: e.target.value })}
            />
          )}
        </Field>
      )}
      {draft.admission === 'temporary' && (
        <Field label={t('kgDesk.report.until')} error={errorOf('until')}>
          {(props) => (
            <input
              {...props}
              name="until"
              type="date"
              value={draft.until}
              onChange={(e) => set({ until: e.target.value })}
            />
          )}
        </Field>
      )}
      <FormError error={failure} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('kgDesk.report.sending') : t('kgDesk.report.submit')}
      </button>
    </form>
  );
};

const Places = ({ kindergartenId }: { kindergartenId: string }) => {
  const { t, language } = useI18n();
  const [saved, setSaved] = useState<Saved>();
  const [version, setVersion] = useState(0);
  const data = useResource(`kg-places/${kindergartenId}/${version}`, (signal) =>
    fetchKindergartenPlaces(kindergartenId, signal),
  );
  const done = (message: Saved) => {
    setSaved(message);
    setVersion((n) => n + 1);
  };
  const view: KindergartenPlaces | undefined = data.data;
  return (
    <>
      <div className="page-heading">
        <h1 tabIndex={-1}>
          {view === undefined ? t('kgDesk.places.title') : localizedName(view.kindergarten.name, language)}
        </h1>
      </div>
      <p className="lead">{t('kgDesk.places.lead')}</p>
      {saved !== undefined && (
        <p className="form-saved" role="status" data-testid="kg-saved">
          {t(saved.key, saved.options)}
        </p>
      )}
      {data.status === 'error' && view === undefined ? (
        <ErrorState error={data.error} onRetry={data.retry} />
      ) : view === undefined ? (
        <Loading />
      ) : (
        <>
          <ReportForm kindergartenId={kindergartenId} groups={view.groups} onDone={done} />
          <PlacesTable places={view.places} groups={view.groups} onDone={done} />
          <GroupsTable groups={view.groups} />
        </>
      )}
    </>
  );
};

export const PlacesPage = () => {
  const { t } = useI18n();
  useDocumentTitle(t('kgDesk.places.title'));
  return (
    <RequireActor audience="staff">
      {(actor) =>
        actor.kindergartenId === null ? (
          <EmptyState title={t('kgDesk.noKindergarten')} />
        ) : (
          <Places kindergartenId={actor.kindergartenId} />
        )
      }
    </RequireActor>
  );
};
