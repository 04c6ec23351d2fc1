import { useEffect, useState } from 'react';
import type { RevisionInfo } from '../../../shared/api/amendments';
import { apiFetch, ApiError } from '../connection/api';
import type { Session } from '../connection/session';

/**
 * What a revision amends, and the numbers of the text it started from (issue 13, §4); null for any other act
 * (the server answers 404 not_a_revision) and while it loads.
 */
export function useRevision(session: Session, docId: string): RevisionInfo | null {
  const [info, setInfo] = useState<RevisionInfo | null>(null);
  useEffect(() => {
    let cancelled = false;
    setInfo(null);
    apiFetch<RevisionInfo>(session, `/api/documents/${encodeURIComponent(docId)}/revision`)
      .then((r) => !cancelled && setInfo(r))
      .catch((e: unknown) => {
        // Not a revision, or offline: the act is numbered as a new act, as before.
        if (!(e instanceof ApiError)) throw e;
      });
    return () => {
      cancelled = true;
    };
  }, [session, docId]);
  return info;
}
