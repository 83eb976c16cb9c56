import type { ApplicationView } from '@kezek/contracts';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../i18n/format';

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

/** The first facts of an application, in its list card and on its page: the child, the queue, when submitted. */
export const ApplicationBasics = ({ application }: { application: ApplicationView }) => {
  const { t, language } = useI18n();
  const queueLabel = useQueueLabel();
  return (
    <>
      <div>
        <dt>{t('application.child')}</dt>
        <dd>{application.child.fullName}</dd>
      </div>
      <div>
        <dt>{t('application.queue')}</dt>
        <dd>
          {queueLabel(application.queue)} · {application.birthYear}
        </dd>
      </div>
      <div>
        <dt>{t('application.submittedAt')}</dt>
        <dd>{formatInstant(application.submittedAt, language)}</dd>
      </div>
    </>
  );
};
