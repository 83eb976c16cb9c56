import type { ReactNode } from 'react';
import type { SessionActor } from '@kezek/contracts';
import { useI18n } from '../i18n';
import { Link } from './router';
import { useSession } from './session';
import { EmptyState, Loading } from './status';

type Audience = 'applicant' | 'staff';
type ActorOf<A extends Audience> = Extract<SessionActor, { kind: A }>;

/** Renders `children` for the signed-in audience; otherwise a prompt to sign in with the right link. */
export const RequireActor = <A extends Audience>({
  audience,
  children,
}: {
  audience: A;
  children: (actor: ActorOf<A>) => ReactNode;
}) => {
  const { t } = useI18n();
  const { state } = useSession();
  if (state.status === 'loading') return <Loading />;
  const actor = state.status === 'ready' ? state.actor : undefined;
  if (actor !== undefined && actor.kind === audience) return <>{children(actor as ActorOf<A>)}</>;
  const signIn = audience === 'applicant' ? '/signin' : '/staff/signin';
  return (
    <>
      <h1 tabIndex={-1}>{t('auth.requiredTitle')}</h1>
      <EmptyState title={t(audience === 'applicant' ? 'auth.requiredParent' : 'auth.requiredStaff')}>
        <p>
          <Link to={signIn} className="button">
            {t('auth.signIn')}
          </Link>
        </p>
      </EmptyState>
    </>
  );
};
