import { createContext, useContext } from 'react';
import type { Session } from './session';

/** The session of this window, provided once at the top of the app. */
export const SessionContext = createContext<Session | null>(null);

/** The current session; the app renders nothing that needs it without one. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('Expected a session: render inside <SessionContext.Provider>');
  return session;
}
