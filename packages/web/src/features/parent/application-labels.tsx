import type { ApplicationView } from '@kezek/contracts';
import { useI18n } from '../../i18n';

type Status = ApplicationView['status'];

/** A status as a labelled badge; the colour is decoration, the text carries the meaning. */
export const StatusBadge = ({ status }: { status: Status }) => {
  const { t } = useI18n();
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      {t(`applicationStatus.${status}`)}
    </span>
  );
};

/** `general`, `special:visual`, `sanatorium:x` in words. */
export const useQueueLabel = (): ((queue: string) => string) => {
  const { t } = useI18n();
  return (queue) => {
    const [family, detail] = queue.split(':');
    if (family === 'special' && detail !== undefined)
      return t('queue.specialOf', { disorder: t(`disorder.${detail}`, { defaultValue: detail }) });
    if (family === 'sanatorium' && detail !== undefined) return t('queue.sanatoriumOf', { profile: detail });
    return t('queue.general');
  };
};
