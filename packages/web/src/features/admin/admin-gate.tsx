import type { SessionActor } from '@kezek/contracts';
import type { ReactNode } from 'react';
import { RequireActor } from '../../app/require-actor';
import { EmptyState } from '../../app/status';
import { useI18n } from '../../i18n';

type Staff = Extract<SessionActor, { kind: 'staff' }>;

/** What a signed-in member of staff may do on the admin's pages: the API lets the auditor read, the admin write. */
export type AdminAccess = { actor: Staff; canWrite: boolean };

/**
 * The admin's pages: the regional admin manages; the auditor, where the API lets them read, sees the page
 * read-only; anyone else gets a clear "no access" under the page's own heading.
 */
export const AdminGate = ({
  title,
  auditorMayRead,
  children,
}: {
  title: string;
  auditorMayRead: boolean;
  children: (access: AdminAccess) => ReactNode;
}) => {
  const { t } = useI18n();
  return (
    <RequireActor audience="staff">
      {(actor) => {
        if (actor.role === 'regionalAdmin') return children({ actor, canWrite: true });
        if (actor.role === 'auditor' && auditorMayRead) return <>{children({ actor, canWrite: false })}</>;
        return (
          <>
            <h1 tabIndex={-1}>{title}</h1>
            <div data-testid="admin-no-access">
              <EmptyState title={t('regionAdmin.noAccess.title')}>
                <p>{t('regionAdmin.noAccess.text')}</p>
              </EmptyState>
            </div>
          </>
        );
      }}
    </RequireActor>
  );
};

/** The read-only notice an auditor sees under the heading. */
export const ReadOnlyNotice = ({ access }: { access: AdminAccess }) => {
  const { t } = useI18n();
  return access.canWrite ? null : <p className="notice">{t('regionAdmin.noAccess.readOnly')}</p>;
};
