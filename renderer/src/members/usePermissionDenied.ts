import { useEffect, useState } from 'react';
import * as authProtocol from 'y-protocols/auth';
import type { WebsocketProvider } from 'y-websocket';

/** y-websocket's message type for auth messages (permission denied). */
const MESSAGE_AUTH = 2;

/**
 * The server's reason when it refused this client's edits (y-websocket's permission-denied message), or
 * null. The stock provider only logs it; the act page shows the act read-only instead, so nobody keeps
 * typing into a copy that the server will not take (issue 7: no silent divergence).
 */
export function usePermissionDenied(provider: WebsocketProvider | null): string | null {
  const [reason, setReason] = useState<string | null>(null);
  useEffect(() => {
    if (!provider) return;
    const handlers = provider.messageHandlers;
    const previous = handlers[MESSAGE_AUTH];
    handlers[MESSAGE_AUTH] = (_encoder, decoder) => authProtocol.readAuthMessage(decoder, provider.doc, (_doc, why) => setReason(why));
    return () => {
      if (previous) handlers[MESSAGE_AUTH] = previous;
    };
  }, [provider]);
  return reason;
}
