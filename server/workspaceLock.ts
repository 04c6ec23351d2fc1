import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { SERVER_DEFAULTS } from './config';

/** Who holds a workspace: written to `<data>/server.lock` while a server (or a restore) has it open. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
  /** What holds it: `serve`, `restore`… */
  readonly purpose: string;
}

/** A held workspace lock. */
export interface WorkspaceLock {
  /** Removes the lock file, if it is still ours. */
  release(): void;
}

/** The lock's settings, named once. */
export const LOCK_DEFAULTS = {
  /**
   * A lock file that cannot be read as a holder is another process between its exclusive create and its
   * write for this long; older, it was left by a crash in that instant and counts as stale.
   */
  unreadableStaleMs: 10_000,
  /** How often taking the lock is tried again after a stale lock was moved away (others may race for it). */
  attempts: 5,
} as const;

/** Thrown when another live process holds the workspace (or is taking it at this very moment). */
export class WorkspaceInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    super(
      holder
        ? `The workspace '${dataDir}' is in use by ${describeHolder(holder)}: stop it first`
        : `The workspace '${dataDir}' is being opened by another process right now (its ${SERVER_DEFAULTS.lockFile} is not written yet): stop it first, or try again`,
    );
  }
}

/** A sentence naming the holder, e.g. "a Sajaro serve process (pid 4242) since 2024-05-01T10:00:00Z". */
export function describeHolder(holder: LockHolder): string {
  return `a Sajaro ${holder.purpose} process (pid ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}) since ${holder.since}`;
}

/**
 * The live holder of a workspace, or null when nobody holds it. A lock left by a process that died (a crash,
 * SIGKILL) does not count; one from another machine (a shared folder) always counts, since it cannot be
 * checked from here.
 */
export function workspaceLockHolder(dataDir: string): LockHolder | null {
  const raw = readLock(lockFile(dataDir));
  const holder = raw === null ? null : parseHolder(raw);
  if (!holder) return null;
  if (holder.host !== hostname()) return holder;
  return isAlive(holder.pid) ? holder : null;
}

/**
 * Takes a workspace for this process, so no second server or a restore can open it meanwhile (issue 7).
 * Throws WorkspaceInUseError when another live process holds it. Taking it is one exclusive create, so of two
 * processes started together exactly one gets it (issue 11, point 9); a stale lock (a dead PID) is moved away
 * and the exclusive create tried again, so two processes that both found it stale still cannot both win.
 */
export function lockWorkspace(dataDir: string, purpose: string): WorkspaceLock {
  const file = lockFile(dataDir);
  const nonce = randomBytes(8).toString('hex');
  const mine: LockHolder & { nonce: string } = { pid: process.pid, host: hostname(), since: new Date().toISOString(), purpose, nonce };
  const content = `${JSON.stringify(mine)}\n`;
  const held: WorkspaceLock = {
    release() {
      const raw = readLock(file);
      if (raw === null || parseHolder(raw)?.nonce !== nonce) return;
      try {
        unlinkSync(file);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };

  let last: LockHolder | null = null;
  for (let attempt = 0; attempt < LOCK_DEFAULTS.attempts; attempt += 1) {
    if (createExclusive(file, content)) return held;
    const raw = readLock(file);
    // Released between our create and our read: try again.
    if (raw === null) continue;
    const holder = parseHolder(raw);
    last = holder;
    if (!holder) {
      if (!unreadableIsStale(file)) throw new WorkspaceInUseError(dataDir, null);
    } else if (holder.host === hostname() && holder.pid === process.pid) {
      // The same process may open a workspace again (tests restart servers in one process); no other process
      // can be racing for a lock whose holder is alive, so replacing it whole (write, rename) is safe.
      writeFileSync(`${file}.${nonce}`, content, { mode: 0o644 });
      renameSync(`${file}.${nonce}`, file);
      return held;
    } else if (holder.host !== hostname() || isAlive(holder.pid)) {
      throw new WorkspaceInUseError(dataDir, holder);
    }
    moveStaleAway(file, raw, nonce);
  }
  throw new WorkspaceInUseError(dataDir, last);
}

/** Creates the lock file only if none exists (O_EXCL): the one atomic step that decides who holds it. */
function createExclusive(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } catch (error) {
    // A lock we could not write (a full disk) must not block the workspace until it ages.
    closeSync(fd);
    rmSync(file, { force: true });
    throw error;
  }
  closeSync(fd);
  return true;
}

/**
 * Removes a stale lock without removing a fresh one: rename is atomic, so the file is moved aside first and
 * then checked to be the very lock judged stale. If another process had meanwhile replaced the stale lock
 * with its own, that lock is put back with an exclusive create. (Only a third process taking the empty
 * moment in between could then be refused its place; all three would have to race over one stale lock.)
 */
function moveStaleAway(file: string, judged: string, nonce: string): void {
  const aside = `${file}.stale-${nonce}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    // Someone else moved it first: the next exclusive create decides.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    const moved = readLock(aside);
    if (moved !== null && moved !== judged) createExclusive(file, moved);
  } finally {
    rmSync(aside, { force: true });
  }
}

/** True when an unreadable lock file is old enough to be a crash's leftover rather than a create in progress. */
function unreadableIsStale(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > LOCK_DEFAULTS.unreadableStaleMs;
  } catch {
    return true;
  }
}

function lockFile(dataDir: string): string {
  return join(dataDir, SERVER_DEFAULTS.lockFile);
}

function readLock(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function parseHolder(raw: string): (LockHolder & { readonly nonce?: string }) | null {
  try {
    const parsed = JSON.parse(raw) as Partial<LockHolder & { nonce: string }>;
    if (typeof parsed.pid === 'number' && Number.isInteger(parsed.pid) && parsed.pid > 0) {
      const holder = { pid: parsed.pid, host: String(parsed.host ?? hostname()), since: String(parsed.since ?? 'unknown'), purpose: String(parsed.purpose ?? 'server') };
      return typeof parsed.nonce === 'string' ? { ...holder, nonce: parsed.nonce } : holder;
    }
  } catch {
    // A torn or foreign lock file: nobody we can name holds it.
  }
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
