import { useEffect, useState } from 'react';
import type { Session } from './session';

/** The saved-answer cache's limits (issue 14, part 3: "small"). */
export const API_CACHE = {
  /** Answers larger than this are not kept: a panel without its copy says "loading", not something stale and huge. */
  maxAnswerChars: 64 * 1024,
  /**
   * A GET that has a saved answer and has not been answered after this long gets the saved one: a dead link
   * never fails a fetch, it only never answers it.
   */
  fallbackAfterMs: 8000,
} as const;

const PREFIX = 'sajaro.api:';

/** A saved answer with when it was fetched. */
export interface SavedAnswer<T = unknown> {
  readonly at: string;
  readonly body: T;
}

/** The localStorage key of a GET's saved answer, per workspace host. */
export function answerKey(session: Session, path: string): string {
  return `${PREFIX}${new URL(session.serverUrl).host}:${path}`;
}

/** The GETs worth keeping: the act's own answers, the member, the workflow definition. */
export function isCachedPath(path: string): boolean {
  return path === '/api/me' || path.startsWith('/api/workflow') || /^\/api\/documents\/[^/?]+(\/(stages|versions|comments|reviews|suggestions|readiness|revision|revisions|editions|amendments)\b[^/]*)?$/.test(path.split('?')[0]!);
}

/** The last good answer to a GET, or null. */
export function savedAnswer<T>(session: Session, path: string): SavedAnswer<T> | null {
  try {
    const raw = localStorage.getItem(answerKey(session, path));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as SavedAnswer<T>;
    return typeof parsed?.at === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/** Keeps a good answer; a full or refused storage only means no copy next time. */
export function saveAnswer(session: Session, path: string, body: unknown): void {
  if (!isCachedPath(path)) return;
  try {
    const text = JSON.stringify({ at: new Date().toISOString(), body });
    if (text.length > API_CACHE.maxAnswerChars) localStorage.removeItem(answerKey(session, path));
    else localStorage.setItem(answerKey(session, path), text);
  } catch {
    // Quota exceeded: the copy is a convenience, never a reason to fail the request.
  }
}

/** Forgets every saved answer of an act (its local copy was dropped, localCopies.ts). */
export function forgetAnswers(session: Session, docId: string): void {
  const prefix = answerKey(session, `/api/documents/${docId}`);
  for (const key of Object.keys(localStorage)) if (key === prefix || key.startsWith(`${prefix}/`) || key.startsWith(`${prefix}?`)) localStorage.removeItem(key);
}

/** Paths now shown from a saved answer, with when it was saved. */
const stale = new Map<string, string>();
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/** A panel now shows the saved answer of `path`, from `at`. */
export function markStale(path: string, at: string): void {
  if (stale.get(path) === at) return;
  stale.set(path, at);
  changed();
}

/** A panel now shows the server's own answer of `path`. */
export function markFresh(path: string): void {
  if (stale.delete(path)) changed();
}

/** The oldest saved answer now shown among paths starting with `prefix`, or null when all are fresh. */
export function staleSince(prefix: string): string | null {
  let oldest: string | null = null;
  for (const [path, at] of stale) if (path.startsWith(prefix) && (oldest === null || at < oldest)) oldest = at;
  return oldest;
}

/** Follows `staleSince(prefix)`. */
export function useStaleSince(prefix: string): string | null {
  const [since, setSince] = useState(() => staleSince(prefix));
  useEffect(() => {
    const update = () => setSince(staleSince(prefix));
    listeners.add(update);
    update();
    return () => void listeners.delete(update);
  }, [prefix]);
  return since;
}
