import type { CalendarYearView } from '@kezek/contracts';
import { useState } from 'react';
import { fetchCalendarYear, saveCalendarYear } from '../../api/admin';
import { toApiError, type ApiError } from '../../api/client';
import { Field, FormError } from '../../app/form';
import { Link, useLocation } from '../../app/router';
import { ErrorState, Loading } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatInstant, formatLocalDate } from '../../i18n/format';
import { AdminGate, ReadOnlyNotice, type AdminAccess } from './admin-gate';
import { changedDays, kindOf, monthDays, toggleDay, type CalendarDraft, type DayKind } from './calendar-days';
import { nationalDate } from './policy-fields';

/** `?year=2027` when it is a plausible year (the API takes 2000–2100), else the current national year. */
export const yearOf = (search: string, today: string): number => {
  const year = Number(new URLSearchParams(search).get('year'));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : Number(today.slice(0, 4));
};

const KINDS: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'movedWorkday'];

const Month = ({
  year,
  month,
  draft,
  today,
  editable,
  onToggle,
}: {
  year: number;
  month: number;
  draft: CalendarDraft;
  today: string;
  editable: boolean;
  onToggle: (date: string) => void;
}) => {
  const { t, language } = useI18n();
  const days = monthDays(year, month, draft);
  const lead = days[0]?.weekday ?? 0;
  const cells: ((typeof days)[number] | undefined)[] = [...Array<undefined>(lead).fill(undefined), ...days];
  const weeks = Array.from({ length: Math.ceil(cells.length / 7) }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const weekdayNames = t('regionAdmin.calendar.weekdays').split(' ');
  const monthName = t('regionAdmin.calendar.months').split(' ')[month - 1] ?? String(month);
  return (
    <table className="admin-month">
      <caption>{monthName}</caption>
      <thead>
        <tr>
          {weekdayNames.map((name) => (
            <th key={name} scope="col">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {Array.from({ length: 7 }, (_, d) => week[d]).map((day, d) =>
              day === undefined ? (
                <td key={`empty-${d}`} />
              ) : (
                <td key={day.date}>
                  {(() => {
                    const locked = day.date <= today;
                    const label = t('regionAdmin.calendar.dayLabel', {
                      date: formatLocalDate(day.date, language),
                      kind: `${t(`regionAdmin.calendar.kinds.${day.kind}`)}${locked ? ` (${t('regionAdmin.calendar.locked')})` : ''}`,
                    });
                    const className = `admin-day admin-day-${day.kind}${locked ? ' admin-day-locked' : ''}`;
                    return editable ? (
                      <button
                        type="button"
                        className={className}
                        data-date={day.date}
                        data-kind={day.kind}
                        aria-label={label}
                        title={label}
                        disabled={locked}
                        onClick={() => onToggle(day.date)}
                      >
                        {day.day}
                      </button>
                    ) : (
                      <span className={className} data-date={day.date} data-kind={day.kind} title={label}>
                        <span aria-hidden="true">{day.day}</span>
                        <span className="visually-hidden">{label}</span>
                      </span>
                    );
                  })()}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const YearEditor = ({
  view,
  today,
  access,
  onSaved,
}: {
  view: CalendarYearView;
  today: string;
  access: AdminAccess;
  onSaved: (saved: CalendarYearView) => void;
}) => {
  const { t, language } = useI18n();
  const stored: CalendarDraft = { holidays: view.holidays, workdays: view.workdays };
  const [draft, setDraft] = useState<CalendarDraft>(stored);
  const [source, setSource] = useState(view.source === 'built-in' ? '' : view.source);
  const [sourceError, setSourceError] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const changed = changedDays(stored, draft);

  const onSave = () => {
    setFailure(undefined);
    const bad = source.trim().length < 3;
    setSourceError(bad);
    if (!bad) setConfirming(true);
  };
  const onConfirm = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      onSaved(
        await saveCalendarYear(view.year, {
          holidays: [...draft.holidays],
          workdays: [...draft.workdays],
          source: source.trim(),
        }),
      );
    } catch (error) {
      setFailure(toApiError(error));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p className="muted" data-testid="calendar-source">
        {view.source === 'built-in' ? t('regionAdmin.calendar.builtIn') : view.source}
        {view.updatedAt !== null &&
          ` · ${t('regionAdmin.calendar.updatedAt', { date: formatInstant(view.updatedAt, language) })}`}
      </p>
      <p className="notice" data-testid="calendar-locked-note">
        {t('regionAdmin.calendar.pastLocked')}
      </p>
      {access.canWrite && <p>{t('regionAdmin.calendar.howTo')}</p>}
      <ul className="admin-legend" aria-label={t('regionAdmin.calendar.legend')}>
        {KINDS.map((kind) => (
          <li key={kind}>
            <span className={`admin-day admin-day-${kind}`} aria-hidden="true">
              1
            </span>{' '}
            {t(`regionAdmin.calendar.kinds.${kind}`)}
          </li>
        ))}
        <li>
          <span className="admin-day admin-day-workday admin-day-locked" aria-hidden="true">
            1
          </span>{' '}
          {t('regionAdmin.calendar.locked')}
        </li>
      </ul>
      <div className="admin-months">
        {Array.from({ length: 12 }, (_, index) => (
          <Month
            key={index}
            year={view.year}
            month={index + 1}
            draft={draft}
            today={today}
            editable={access.canWrite}
            onToggle={(date) => {
              setConfirming(false);
              setDraft((previous) => toggleDay(previous, date, today));
            }}
          />
        ))}
      </div>
      {access.canWrite && (
        <section className="section" aria-labelledby="calendar-save">
          <h2 id="calendar-save" className="visually-hidden">
            {t('regionAdmin.calendar.save')}
          </h2>
          <p aria-live="polite" data-testid="calendar-changed">
            {changed.length > 0 && t('regionAdmin.calendar.changed', { count: changed.length })}
          </p>
          <Field
            label={t('regionAdmin.calendar.source')}
            hint={t('regionAdmin.calendar.sourceHint')}
            error={
              sourceError || failure?.field === 'source' ? t('regionAdmin.calendar.sourceError') : undefined
            }
          >
            {(props) => (
              <input
                {...props}
                name="source"
                maxLength={500}
                value={source}
                onChange={(event) => setSource(event.target.value)}
              />
            )}
          </Field>
          <FormError error={failure} />
          {confirming ? (
            <div className="card" data-testid="calendar-confirm">
              <h3>{t('regionAdmin.calendar.confirmTitle')}</h3>
              <p>{t('regionAdmin.calendar.confirmText')}</p>
              <ul className="admin-plain-list">
                {changed.map((date) => (
                  <li key={date}>
                    {formatLocalDate(date, language)}:{' '}
                    {t(`regionAdmin.calendar.kinds.${kindOf(date, stored)}`)} →{' '}
                    <strong>{t(`regionAdmin.calendar.kinds.${kindOf(date, draft)}`)}</strong>
                  </li>
                ))}
              </ul>
              <div className="button-row">
                <button
                  type="button"
                  className="button button-primary"
                  disabled={busy}
                  onClick={() => void onConfirm()}
                >
                  {t('regionAdmin.calendar.confirm')}
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
                  {t('regionAdmin.back')}
                </button>
              </div>
            </div>
          ) : (
            <div className="button-row">
              <button
                type="button"
                className="button button-primary"
                disabled={changed.length === 0}
                onClick={onSave}
              >
                {t('regionAdmin.calendar.save')}
              </button>
              <button
                type="button"
                className="button"
                disabled={changed.length === 0}
                onClick={() => {
                  setDraft(stored);
                  setFailure(undefined);
                }}
              >
                {t('regionAdmin.calendar.reset')}
              </button>
            </div>
          )}
        </section>
      )}
    </>
  );
};

const CalendarBody = ({ access }: { access: AdminAccess }) => {
  const { t } = useI18n();
  const { search } = useLocation();
  const today = nationalDate(Date.now());
  const year = yearOf(search, today);
  const [saved, setSaved] = useState<CalendarYearView | undefined>();
  const [message, setMessage] = useState('');
  const loaded = useResource(`admin-calendar:${year}`, (signal) => fetchCalendarYear(year, signal));
  const view =
    saved !== undefined && saved.year === year ? saved : loaded.data?.year === year ? loaded.data : undefined;
  return (
    <>
      <h1 tabIndex={-1}>
        {t('regionAdmin.calendar.title')}: {year}
      </h1>
      <ReadOnlyNotice access={access} />
      <p className="lead">{t('regionAdmin.calendar.intro')}</p>
      <nav className="pagination admin-year-switcher" aria-label={t('regionAdmin.calendar.year')}>
        {year > 2000 && (
          <Link to={`/admin/calendar?year=${year - 1}`} rel="prev" onClick={() => setMessage('')}>
            ← {t('regionAdmin.calendar.previousYear')} ({year - 1})
          </Link>
        )}
        <span>{year}</span>
        {year < 2100 && (
          <Link to={`/admin/calendar?year=${year + 1}`} rel="next" onClick={() => setMessage('')}>
            {t('regionAdmin.calendar.nextYear')} ({year + 1}) →
          </Link>
        )}
      </nav>
      <p className="form-saved" aria-live="polite" data-testid="calendar-saved">
        {message}
      </p>
      <div aria-live="polite" data-state={loaded.status}>
        {loaded.status === 'error' && <ErrorState error={loaded.error} onRetry={loaded.retry} />}
        {view === undefined && loaded.status === 'loading' && <Loading />}
      </div>
      {view !== undefined && (
        <YearEditor
          key={`${view.year}:${view.updatedAt ?? ''}`}
          view={view}
          today={today}
          access={access}
          onSaved={(next) => {
            setSaved(next);
            setMessage(t('regionAdmin.calendar.saved', { year: next.year }));
          }}
        />
      )}
    </>
  );
};

export const CalendarPage = () => {
  const { t } = useI18n();
  useDocumentTitle(t('regionAdmin.calendar.title'));
  return (
    <AdminGate title={t('regionAdmin.calendar.title')} auditorMayRead>
      {(access) => <CalendarBody access={access} />}
    </AdminGate>
  );
};
