import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { ApiError } from '../connection/api';
import type { Session } from '../connection/session';
import { membersApi } from './membersApi';

/** The close code of the sync endpoint when a member's token is revoked (server/sync/docRoom.ts, closeMember). */
const REVOKED_CLOSE_CODE = 4001;
/** How often a socket that keeps failing may ask /api/me whether the token still works. */
const RECHECK_AFTER_MS = 10_000;

/** When this window learnt that the member's access ended. */
export interface AccessEnded {
  readonly at: Date;
}

/**
 * Notices that the member's access ended while the act is open: the server closed the socket because the token
 * was revoked, or a socket closed and /api/me now answers 401 (the upgrade refuses a revoked token, but a browser
 * sees only a failed socket). It then stops the provider, so nothing more is offered to the server and no
 * reconnect loop runs; the local copy keeps whatever was typed (issue 11, point 6).
 */
export function useAccessEnded(session: Session, provider: WebsocketProvider | null): AccessEnded | null {
  const [ended, setEnded] = useState<AccessEnded | null>(null);
  useEffect(() => {
    if (!provider) return;
    let active = true;
    let lastCheck = 0;
    const end = () => {
      if (!active) return;
      provider.shouldReconnect = () => false;
      provider.disconnect();
      setEnded((previous) => previous ?? { at: new Date() });
    };
    const check = (now: boolean) => {
      if (!now && Date.now() - lastCheck < RECHECK_AFTER_MS) return;
      lastCheck = Date.now();
      membersApi.me(session).then(
        () => undefined,
        (error: unknown) => {
          if (error instanceof ApiError && error.status === 401) end();
        },
      );
    };
    const onClose = (event: CloseEvent | null) => {
      // null: this window closed the socket itself.
      if (!event) return;
      if (event.code === REVOKED_CLOSE_CODE) end();
      // Another deliberate close by the server (4000-4999) is checked at once; a failed socket now and then.
      else check(event.code >= 4000 && event.code < 5000);
    };
    provider.on('connection-close', onClose);
    return () => {
      active = false;
      provider.off('connection-close', onClose);
    };
  }, [session, provider]);
  return ended;
}
