import Database from 'better-sqlite3';
import { migrate } from './migrations';

/** Opens (creating if needed) a workspace database: WAL, foreign keys, and the schema up to date. */
export function openDatabase(file: string, nativeBinding?: string): Database.Database {
  const db = new Database(file, nativeBinding ? { nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  // Document updates need at least NORMAL; workflow and audit writes switch to FULL (withFullSync).
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/**
 * Runs one transaction with `synchronous = FULL`, so the write survives a power loss, not only a crash:
 * workflow and audit writes use it (issue 7).
 */
export function withFullSync<T>(db: Database.Database, action: () => T): T {
  return syncFully(db, () => db.transaction(action)());
}

/**
 * Runs `action` with `synchronous = FULL`, for an action that opens its own transaction: a stage move that
 * also edits the text stores through the sync endpoint's transaction, which broadcasts only after it commits.
 */
export function syncFully<T>(db: Database.Database, action: () => T): T {
  db.pragma('synchronous = FULL');
  try {
    return action();
  } finally {
    db.pragma('synchronous = NORMAL');
  }
}
