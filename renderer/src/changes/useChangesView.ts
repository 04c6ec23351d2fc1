import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { LAST_VISIT, type ChangesResponse } from '../../../shared/api/changes';
import type { Member } from '../../../shared/api/members';
import type { VersionSummary } from '../../../shared/api/workflow';
import { ApiError } from '../connection/api';
import type { Session } from '../connection/session';
import { useWorkspaceEvents } from '../workflow/useWorkspaceEvents';
import { workflowApi } from '../workflow/workflowApi';
import { changesApi } from './changesApi';
import { countsByArticle } from './changeSummary';
import { recordVisit, recordVisitOnLeave, rememberedVisit } from './lastVisit';

/** The view's timings, named once. */
export const CHANGES_VIEW_DEFAULTS = {
  /** While the view is shown, it reads the changes again this long after the last edit of the act. */
  refreshAfterEditMs: 1500,
} as const;

/** The "Changes since…" view of an act: its base, whether it is shown, and what it shows. */
export interface ChangesView {
  /** The base: a version id, or `lastVisit`. */
  readonly base: string;
  readonly setBase: (base: string) => void;
  readonly active: boolean;
  readonly show: (base?: string) => void;
  readonly hide: () => void;
  readonly refresh: () => void;
  readonly data: ChangesResponse | null;
  readonly loading: boolean;
  readonly error: { readonly cause: unknown; readonly network: boolean } | null;
  /** Changes per article uid while the view is shown (empty when hidden), for the badges and the outline. */
  readonly counts: ReadonlyMap<string, number>;
  /** The frozen versions of the act, oldest first: the bases on offer besides the last visit. */
  readonly versions: readonly VersionSummary[];
  /** When this computer last recorded a visit of the act by this member, or null. */
  readonly visitedAt: string | null;
  readonly markSeen: () => Promise<void>;
  /** The article (uid) the reader last picked by its badge, to bring into view in the panel. */
  readonly focused: string | null;
  readonly focus: (articleKey: string) => void;
}

/**
 * The state of the changes view (issue 12). The default base is the member's last visit when this computer
 * knows of one, else the newest version. While shown, it follows the act: a pause after edits reads the
 * changes again. Leaving the act records the visit.
 */
export function useChangesView(session: Session, docId: string, me: Member | null, provider: WebsocketProvider | null): ChangesView {
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [active, setActive] = useState(false);
  const [data, setData] = useState<ChangesResponse | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ChangesView['error']>(null);
  const [visitedAt, setVisitedAt] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const [reads, setReads] = useState(0);

  useEffect(() => setVisitedAt(me ? rememberedVisit(me.id, docId) : null), [me, docId]);

  const loadVersions = useCallback(() => {
    workflowApi.versions(session, docId).then(setVersions, (e: unknown) => console.warn(`[changes] could not load the versions of ${docId}: ${(e as Error).message}`));
  }, [session, docId]);
  useEffect(loadVersions, [loadVersions]);
  useWorkspaceEvents(session, (signal) => {
    if (signal.type === 'resync' || (signal.type !== 'document' && signal.docId === docId)) loadVersions();
  });

  const base = chosen ?? (visitedAt || versions.length === 0 ? LAST_VISIT : (versions.at(-1)?.id ?? LAST_VISIT));
  const refresh = useCallback(() => setReads((n) => n + 1), []);

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    setLoading(true);
    changesApi.since(session, docId, base).then(
      (response) => {
        if (cancelled) return;
        setData(response);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (cancelled) return;
        setError({ cause: e, network: e instanceof ApiError && e.code === 'network' });
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [active, session, docId, base, reads]);

  // Edits (anyone's) while the view is shown: read again once they pause, after the server has them.
  useEffect(() => {
    if (!active || !provider) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, CHANGES_VIEW_DEFAULTS.refreshAfterEditMs);
    };
    provider.doc.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      provider.doc.off('update', onUpdate);
    };
  }, [active, provider, refresh]);

  // Leaving the act (closing the window, or going back to the list) records the visit.
  const leaving = useRef({ session, docId, me, provider });
  leaving.current = { session, docId, me, provider };
  useEffect(() => {
    const leave = () => {
      const { session: s, docId: d, me: m, provider: p } = leaving.current;
      recordVisitOnLeave(s, m?.id, d, Boolean(p?.wsconnected));
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, []);

  const markSeen = useCallback(async () => {
    if (!me) return;
    try {
      setVisitedAt(await recordVisit(session, me.id, docId));
      setChosen(LAST_VISIT);
      refresh();
    } catch (e) {
      setError({ cause: e, network: e instanceof ApiError && e.code === 'network' });
    }
  }, [me, session, docId, refresh]);

  const counts = useMemo(() => (active ? countsByArticle(data) : new Map<string, number>()), [active, data]);
  const setBase = useCallback((next: string) => {
    setChosen(next);
    setData(null);
  }, []);
  const show = useCallback(
    (next?: string) => {
      if (next !== undefined) setBase(next);
      setActive(true);
    },
    [setBase],
  );
  const hide = useCallback(() => setActive(false), []);

  return { base, setBase, active, show, hide, refresh, data, loading, error, counts, versions, visitedAt, markSeen, focused, focus: setFocused };
}
