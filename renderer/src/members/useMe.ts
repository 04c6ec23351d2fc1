import { useEffect, useState } from 'react';
import type { Member } from '../../../shared/api/members';
import type { Session } from '../connection/session';
import { membersApi } from './membersApi';

/** The member this window acts as (`GET /api/me`), or null until it is known or when it cannot be. */
export function useMe(session: Session | null): Member | null {
  const [me, setMe] = useState<Member | null>(null);
  useEffect(() => {
    if (!session) return;
    let cancelled = false;
    membersApi.me(session).then(
      (m) => !cancelled && setMe(m),
      () => !cancelled && setMe(null),
    );
    return () => {
      cancelled = true;
    };
  }, [session]);
  return me;
}
