import type { Session } from '../connection/session';
import { changesApi } from './changesApi';

/**
 * When this member last left an act, as this computer remembers it. The server keeps the visit itself (the
 * base of `?since=lastVisit`) but does not say whether there is one, so the act page remembers when it
 * recorded one: it then offers "changes since your last visit", and names its date.
 */
const key = (memberId: string, docId: string) => `sajaro.lastVisit.${memberId}.${docId}`;

/** The time of the member's last recorded visit of an act, or null when this computer recorded none. */
export function rememberedVisit(memberId: string, docId: string): string | null {
  const value = localStorage.getItem(key(memberId, docId));
  return value && !Number.isNaN(Date.parse(value)) ? value : null;
}

/** Remembers a visit recorded by the server at `visitedAt`. */
export function rememberVisit(memberId: string, docId: string, visitedAt: string): void {
  localStorage.setItem(key(memberId, docId), visitedAt);
}

/** Records a visit and remembers it, awaiting the server (for "Mark all as seen"). */
export async function recordVisit(session: Session, memberId: string, docId: string): Promise<string> {
  const { visitedAt } = await changesApi.recordVisit(session, docId);
  rememberVisit(memberId, docId, visitedAt);
  return visitedAt;
}

/**
 * Records a visit as the member leaves the act (the page closes, or they go back to the list). Sent with
 * keepalive, so nothing waits for the answer, and sent even when the page does not know yet who the member
 * is or thinks the link is down: the server knows the member from the token, and a request that cannot
 * arrive costs nothing. It is remembered here only when the act was connected, as it then most likely arrives.
 */
export function recordVisitOnLeave(session: Session, memberId: string | undefined, docId: string, connected: boolean): void {
  changesApi.recordVisitOnLeave(session, docId);
  if (connected && memberId) rememberVisit(memberId, docId, new Date().toISOString());
}
