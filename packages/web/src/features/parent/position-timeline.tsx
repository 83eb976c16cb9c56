import type { PositionHistoryView } from '@kezek/contracts';
import { useI18n } from '../../i18n';
import { formatInstant, formatNumber } from '../../i18n/format';

/** Explanation kinds the server sends (domain ExplanationKind); any other is shown with its rule only. */
const KINDS = [
  'outOfTurnAhead',
  'priorityAheadInterleaved',
  'registeredAhead',
  'returnedAhead',
  'groupChangedAhead',
  'priorityConfirmed',
  'priorityRemoved',
  'referredAhead',
  'withdrawnAhead',
  'stoppedAhead',
  'archivedAhead',
  'interleaveShift',
  'ownReturned',
  'unexplained',
] as const;
type Kind = (typeof KINDS)[number];
const isKind = (kind: string): kind is Kind => (KINDS as readonly string[]).includes(kind);

/** Every change of the position, newest first, with the reason in words and the rule it follows. */
export const PositionTimeline = ({ history }: { history: PositionHistoryView }) => {
  const { t, language } = useI18n();
  if (history.changes.length === 0) return <p className="muted">{t('timeline.empty')}</p>;
  const place = (value: number | null) => (value === null ? '—' : formatNumber(value, language));
  return (
    <ol className="timeline" aria-label={t('timeline.title')}>
      {history.changes.map((change, index) => (
        <li key={`${change.at}-${change.kind}-${index}`} className="timeline-item" data-kind={change.kind}>
          <p className="timeline-when">{formatInstant(change.at, language)}</p>
          <p className="timeline-what">
            {isKind(change.kind)
              ? t(`timeline.kind.${change.kind}`, {
                  count: change.count,
                  n: formatNumber(change.count, language),
                })
              : t('timeline.kind.unexplained')}
          </p>
          <p className="timeline-move">
            {t('timeline.move', { before: place(change.positionBefore), after: place(change.positionAfter) })}
            <span className="rule-ref"> · {change.rule}</span>
          </p>
        </li>
      ))}
    </ol>
  );
};
