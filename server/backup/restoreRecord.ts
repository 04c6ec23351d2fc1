import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { userInfo } from 'node:os';
import type Database from 'better-sqlite3';
import { appendAudit, verifyAuditChain } from '../audit/auditLog';

/** What a restore knows about itself when it records the restore. */
export interface RestoreFacts {
  readonly backupFile: string;
  /** The backup's own metadata (format, createdAt, schemaVersion). */
  readonly meta: Readonly<Record<string, string>>;
  readonly documents: number;
  readonly files: number;
  readonly replacedExisting: boolean;
}

/**
 * Appends 'backup.restored' to the audit log of the database being restored; call it inside the
 * transaction that finishes the restored copy. The entry says which file was restored (and its SHA-256),
 * when that backup was made, whether it replaced a workspace, and whether the restored log's chain held
 * before this entry: a restore rewinds everything the trail recorded since the backup, so the trail itself
 * must say so. The actor is 'system' (the command line knows no member); the operating-system user is kept.
 */
export function recordRestore(db: Database.Database, facts: RestoreFacts, now = new Date()): void {
  const chain = verifyAuditChain(db);
  appendAudit(db, {
    at: now.toISOString(),
    actor: 'system',
    action: 'backup.restored',
    docId: null,
    payload: {
      by: osUser(),
      backupFile: facts.backupFile,
      backupSha256: fileSha256(facts.backupFile),
      backupCreatedAt: facts.meta.createdAt ?? null,
      backupFormat: facts.meta.format ?? null,
      backupSchemaVersion: facts.meta.schemaVersion ?? null,
      documents: facts.documents,
      files: facts.files,
      replacedExisting: facts.replacedExisting,
      restoredChain: { ok: chain.ok, entries: chain.entries, head: chain.head },
    },
  });
}

/** SHA-256 hex of a file, read in chunks so a large backup is not held in memory at once. */
function fileSha256(file: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1024 * 1024);
  const fd = openSync(file, 'r');
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function osUser(): string {
  try {
    return `os user ${userInfo().username}`;
  } catch {
    return 'os user unknown';
  }
}
