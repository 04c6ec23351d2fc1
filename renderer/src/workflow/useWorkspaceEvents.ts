import { useEffect, useRef } from 'react';
import type { WorkspaceEvent } from '../../../shared/api/workflow';
import type { Session } from '../connection/session';

/** What a page hears: a workspace event, or 'resync' after the stream (re)opened and events may have been missed. */
export type WorkspaceSignal = WorkspaceEvent | { readonly type: 'resync' };

type Listener = (signal: WorkspaceSignal) => void;

const EVENT_TYPES = ['stage', 'version', 'document'] as const;

let shared: { key: string; source: EventSource; listeners: Set<Listener> } | null = null;

/**
 * One events stream per window (`GET /api/events?token=`, Server-Sent Events), shared by every page that
 * listens. EventSource reconnects by itself; each (re)open is passed on as 'resync' so pages reload what
 * they show rather than trust that no event was missed.
 */
function subscribe(session: Session, listener: Listener): () => void {
  const key = `${session.serverUrl}|${session.token}`;
  if (!shared || shared.key !== key) {
    shared?.source.close();
    const source = new EventSource(`${session.serverUrl}/api/events?token=${encodeURIComponent(session.token)}`);
    const listeners = new Set<Listener>();
    const emit = (signal: WorkspaceSignal) => listeners.forEach((l) => l(signal));
    source.addEventListener('ready', () => emit({ type: 'resync' }));
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, (event) => {
        try {
          emit(JSON.parse((event as MessageEvent<string>).data) as WorkspaceEvent);
        } catch {
          console.warn(`[events] unreadable ${type} event`);
        }
      });
    }
    shared = { key, source, listeners };
  }
  const current = shared;
  current.listeners.add(listener);
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size === 0 && shared === current) {
      current.source.close();
      shared = null;
    }
  };
}

/** Calls `onSignal` for every workspace event (and 'resync') while the component is mounted. */
export function useWorkspaceEvents(session: Session, onSignal: Listener): void {
  const latest = useRef(onSignal);
  latest.current = onSignal;
  useEffect(() => subscribe(session, (signal) => latest.current(signal)), [session]);
}
