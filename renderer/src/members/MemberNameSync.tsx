import { useEffect } from 'react';
import type { Session } from '../connection/session';
import { confirmedUserName, confirmUserName, setUserName, useUserIdentity } from '../ui/userIdentity';
import { membersApi } from './membersApi';

/**
 * Keeps this computer's display name and the member's name on the server the same (issue 15). A name given
 * here that never reached the server (typed offline, or before names were kept there) is sent; a name the
 * server holds that differs from the one it last confirmed (a coordinator renamed the member) is taken.
 */
export function MemberNameSync({ session }: { session: Session }) {
  const { name } = useUserIdentity();
  useEffect(() => {
    if (!name) return;
    let cancelled = false;
    void (async () => {
      try {
        const me = await membersApi.me(session);
        if (cancelled) return;
        if (me.name === name) confirmUserName(name);
        else if (confirmedUserName() !== name) confirmUserName((await membersApi.renameMe(session, name)).name);
        else {
          confirmUserName(me.name);
          setUserName(me.name);
        }
      } catch (e) {
        // Offline or refused: the next start tries again; the local name keeps working meanwhile.
        console.warn(`[members] could not keep the member name in step: ${(e as Error).message}`);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [session, name]);
  return null;
}
