import type { Session } from './session';

/** The local copies' limits (issue 14, part 6), named once. */
export const LOCAL_COPY = {
  /** Above this many stored rows, an opened act's copy is merged into one row once it has synced. */
  compactAboveRows: 20,
  /** What the "Local copies" dialog offers by default: drop copies of acts not opened for this many days. */
  staleAfterDays: 30,
  /** How long dropping waits for the server to confirm a copy's changes before it keeps the copy. */
  saveFirstTimeoutMs: 20_000,
} as const;

/** One act kept on this computer, as the dialog lists it. */
export interface LocalCopyInfo {
  readonly docId: string;
  readonly title: string | null;
  /** When the act was last opened here (ISO), or null when it was opened before this was recorded. */
  readonly openedAt: string | null;
  /** Bytes of its stored Yjs updates. */
  readonly bytes: number;
  /** Queued comments and suggestions of the act that have not reached the server. */
  readonly queued: number;
}

/**
 * The copies the dialog offers to drop: not opened for `days` days (a copy of unknown age counts as old), and
 * never one with queued comments or suggestions, which only this computer holds.
 */
export function copiesToDrop(copies: readonly LocalCopyInfo[], days: number, now: Date): LocalCopyInfo[] {
  const before = now.getTime() - days * 24 * 60 * 60 * 1000;
  return copies.filter((copy) => copy.queued === 0 && (copy.openedAt === null || Date.parse(copy.openedAt) <= before));
}

/** "1.2 MB", "340 kB", "12 B". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1000) return `${Math.round(bytes / 1000)} kB`;
  return `${bytes} B`;
}

/** The IndexedDB database that keeps this computer's copy of a document of a workspace (y-indexeddb's name). */
export function localCopyName(session: Session, docId: string): string {
  return `sajaro:${new URL(session.serverUrl).host}:${docId}`;
}
