import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
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

/** Thrown when another live process holds the workspace. */
export class WorkspaceInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(`The workspace '${dataDir}' is in use by ${describeHolder(holder)}: stop it first`);
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
  const holder = readHolder(dataDir);
  if (!holder) return null;
  if (holder.host !== hostname()) return holder;
  return isAlive(holder.pid) ? holder : null;
}

/**
 * Takes a workspace for this process, so no second server or a restore can open it meanwhile (issue 7).
 * Throws WorkspaceInUseError when another live process holds it; a stale lock is taken over.
 */
export function lockWorkspace(dataDir: string, purpose: string): WorkspaceLock {
  const file = lockFile(dataDir);
  const holder = workspaceLockHolder(dataDir);
  // The same process may open a workspace again (tests restart servers in one process).
  if (holder && holder.pid !== process.pid) throw new WorkspaceInUseError(dataDir, holder);
  const nonce = randomBytes(8).toString('hex');
  const mine: LockHolder & { nonce: string } = { pid: process.pid, host: hostname(), since: new Date().toISOString(), purpose, nonce };
  // Written whole and renamed, so a reader never sees half a lock.
  writeFileSync(`${file}.${nonce}`, `${JSON.stringify(mine)}\n`, { mode: 0o644 });
  renameSync(`${file}.${nonce}`, file);
  return {
    release() {
      if (readHolder(dataDir)?.nonce !== nonce) return;
      try {
        unlinkSync(file);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}

function lockFile(dataDir: string): string {
  return join(dataDir, SERVER_DEFAULTS.lockFile);
}

function readHolder(dataDir: string): (LockHolder & { readonly nonce?: string }) | null {
  let raw: string;
  try {
    raw = readFileSync(lockFile(dataDir), 'utf8');
  } catch {
    return null;
  }
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
