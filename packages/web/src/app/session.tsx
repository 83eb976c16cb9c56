import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Session, SessionActor } from '@kezek/contracts';
import { fetchSession, logOut } from '../api/auth';
import { setCsrfToken } from '../api/client';
import { adoptUserLanguage } from '../i18n';

type SessionState =
  | { status: 'loading' }
  | { status: 'ready'; actor: SessionActor; signer: Session['signer'] }
  /** The session could not be read: the app works as for the public, and says so where it matters. */
  | { status: 'error' };

type SessionContextValue = {
  state: SessionState;
  /** Adopt the answer of a login (or a fresh GET /api/auth/session). */
  adopt: (session: Session) => void;
  signOut: () => Promise<void>;
};

const userIdOf = (actor: SessionActor): string | undefined =>
  actor.kind === 'applicant' ? actor.applicantId : actor.kind === 'staff' ? actor.userId : undefined;

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const adopt = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'ready', actor: session.actor, signer: session.signer });
    void adoptUserLanguage(userIdOf(session.actor));
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    fetchSession(controller.signal).then(adopt, () => {
      if (!controller.signal.aborted) setState({ status: 'error' });
    });
    return () => controller.abort();
  }, [adopt]);

  const signOut = useCallback(async () => {
    await logOut();
    setCsrfToken(null);
    void adoptUserLanguage(undefined);
    setState((before) => ({
      status: 'ready',
      actor: { kind: 'public' },
      signer: before.status === 'ready' ? before.signer : 'ncalayer',
    }));
  }, []);

  const value = useMemo(() => ({ state, adopt, signOut }), [state, adopt, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

export const useSession = (): SessionContextValue => {
  const value = useContext(SessionContext);
  if (value === undefined) throw new Error('useSession outside <SessionProvider>');
  return value;
};

/** How this server expects EDS signatures; undefined until the session is read. */
export const useSigner = (): Session['signer'] | undefined => {
  const { state } = useSession();
  return state.status === 'ready' ? state.signer : undefined;
};

/** The signed-in actor, or `public` while loading or after an error. */
export const useActor = (): SessionActor => {
  const { state } = useSession();
  return state.status === 'ready' ? state.actor : { kind: 'public' };
};
