import { useI18n } from '../../i18n';
import { slaState, splitMinutes } from './sla';

/** A live countdown to a deadline; past it, how long it is overdue. The text is what is announced. */
export const SlaTimer = ({ due, now }: { due: string; now: number }) => {
  const { t } = useI18n();
  const state = slaState(due, now);
  if (state === undefined) return null;
  const { days, hours, minutes } = splitMinutes(state.minutes);
  const span = [
    days > 0 ? t('sla.days', { count: days }) : '',
    hours > 0 ? t('sla.hours', { count: hours }) : '',
    days === 0 ? t('sla.minutes', { count: minutes }) : '',
  ]
    .filter((part) => part !== '')
    .join(' ');
  return (
    <span className={state.overdue ? 'sla sla-overdue' : 'sla'} data-overdue={state.overdue}>
      {state.overdue ? t('sla.overdue', { span }) : t('sla.left', { span })}
    </span>
  );
};
