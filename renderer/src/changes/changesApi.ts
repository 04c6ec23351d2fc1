import type { ChangesResponse, VisitResponse } from '../../../shared/api/changes';
import { apiFetch } from '../connection/api';
import type { Session } from '../connection/session';

const doc = (docId: string) => `/api/documents/${encodeURIComponent(docId)}`;

/** The "who changed what" endpoints of issue 12, typed with the shared contract. */
export const changesApi = {
  /** The changes since a version (its id) or since the member's last visit (`lastVisit`). */
  since: (session: Session, docId: string, since: string) => apiFetch<ChangesResponse>(session, `${doc(docId)}/changes?since=${encodeURIComponent(since)}`),
  /** Remembers the act's text as it is now as the member's last visit. */
  recordVisit: (session: Session, docId: string) => apiFetch<VisitResponse>(session, `${doc(docId)}/visits`, { method: 'POST' }),
  /**
   * The same, sent as the page goes away: `keepalive` lets the request outlive the page, so closing the
   * window still records the visit. Failures are only logged: the next visit is recorded next time.
   */
  recordVisitOnLeave: (session: Session, docId: string): void => {
    void fetch(`${session.serverUrl}${doc(docId)}/visits`, { method: 'POST', keepalive: true, headers: { Authorization: `Bearer ${session.token}` } }).catch((e: unknown) =>
      console.warn(`[changes] could not record the visit of ${docId}: ${(e as Error).message}`),
    );
  },
} as const;
