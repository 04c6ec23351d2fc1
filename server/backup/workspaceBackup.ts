import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import Database from 'better-sqlite3';
import { SERVER_DEFAULTS } from '../config';
import { migrate, MIGRATIONS } from '../db/migrations';
import { recordRestore } from './restoreRecord';
import { describeHolder, lockWorkspace, workspaceLockHolder } from '../workspaceLock';

/**
 * A backup is one SQLite file: an online copy of `workspace.sqlite` (SQLite's backup API, so it is consistent
 * even while a server writes), plus two tables of its own: `sajaro_backup` (what it is) and
 * `sajaro_backup_files` (the owner token and the workspace's own templates). Any SQLite tool can open it.
 */
export const BACKUP_FORMAT = 1;

/** An expected problem with a backup or a workspace, as one sentence for the user (the CLI exits 2). */
export class BackupProblem extends Error {}

/** What a backup holds, for the CLI to report. */
export interface BackupSummary {
  readonly file: string;
  readonly documents: number;
  readonly files: number;
  readonly bytes: number;
}

/** Options of {@link restoreBackup}. */
export interface RestoreOptions {
  /** Replace a workspace that already exists in the data folder (never one that is in use). */
  readonly force?: boolean;
  /** better-sqlite3's native binding, as for the server. */
  readonly nativeBinding?: string;
}

const DB = SERVER_DEFAULTS.databaseFile;

/**
 * Copies a workspace, running or not, into one backup file. The database is opened read-only beside the
 * server, and copied in one step of the backup API, so a write during the copy cannot tear it.
 */
export async function createBackup(dataDir: string, outFile: string, nativeBinding?: string): Promise<BackupSummary> {
  const source = join(dataDir, DB);
  if (!existsSync(source)) throw new BackupProblem(`No workspace in '${dataDir}': expected a folder with ${DB}`);
  if (existsSync(outFile)) throw new BackupProblem(`'${outFile}' already exists: choose a new file name for the backup`);
  if (!existsSync(dirname(outFile))) throw new BackupProblem(`The folder '${dirname(outFile)}' does not exist: create it first, or choose another place for the backup`);

  const partial = `${outFile}.partial-${randomBytes(4).toString('hex')}`;
  const options = nativeBinding ? { nativeBinding } : {};
  try {
    const db = new Database(source, { ...options, readonly: true, fileMustExist: true });
    try {
      // After a first empty step, copy every page in one step: one read transaction, so one consistent snapshot.
      await db.backup(partial, { progress: () => 0x7fffffff });
    } finally {
      db.close();
    }
    const copy = new Database(partial, options);
    let documents: number;
    let files: number;
    try {
      // A backup is one self-contained file, so not in WAL mode.
      copy.pragma('journal_mode = DELETE');
      copy.exec(`CREATE TABLE sajaro_backup (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                 CREATE TABLE sajaro_backup_files (path TEXT PRIMARY KEY, data BLOB NOT NULL);`);
      const extra = workspaceFiles(dataDir);
      copy.transaction(() => {
        const meta = copy.prepare('INSERT INTO sajaro_backup (key, value) VALUES (?, ?)');
        meta.run('format', String(BACKUP_FORMAT));
        meta.run('createdAt', new Date().toISOString());
        meta.run('schemaVersion', String(copy.pragma('user_version', { simple: true })));
        const insert = copy.prepare('INSERT INTO sajaro_backup_files (path, data) VALUES (?, ?)');
        for (const [path, data] of extra) insert.run(path, data);
      })();
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy failed SQLite's integrity check: ${String(check)}`);
      documents = (copy.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
      files = extra.length;
    } finally {
      copy.close();
    }
    // It holds every draft and the owner's token: readable by the owner only.
    chmodSync(partial, 0o600);
    renameSync(partial, outFile);
    return { file: outFile, documents, files, bytes: statSync(outFile).size };
  } catch (error) {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
    throw error;
  }
}

/**
 * Restores a backup into a data folder. Refuses a workspace that a live server holds, and an existing one
 * without `force`. The database is prepared beside the old one and renamed into place; a stale WAL of the
 * old workspace is removed first, so SQLite cannot replay it onto the restored file.
 */
export function restoreBackup(backupFile: string, dataDir: string, options: RestoreOptions = {}): BackupSummary {
  const meta = readBackup(backupFile, options.nativeBinding);
  const holder = workspaceLockHolder(dataDir);
  if (holder) throw new BackupProblem(`The workspace '${dataDir}' is in use by ${describeHolder(holder)}: stop it, then restore`);
  const target = join(dataDir, DB);
  const replacing = existsSync(target);
  if (replacing && !options.force) {
    throw new BackupProblem(`'${dataDir}' already holds a workspace: add --force to replace it with the backup (its current contents are lost)`);
  }

  mkdirSync(dataDir, { recursive: true });
  const lock = lockWorkspace(dataDir, 'restore');
  const staging = join(dataDir, `${DB}.restoring`);
  try {
    copyFileSync(backupFile, staging);
    const db = new Database(staging, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    let files: Array<{ path: string; data: Buffer }>;
    let documents: number;
    try {
      files = db.prepare<[], { path: string; data: Buffer }>('SELECT path, data FROM sajaro_backup_files ORDER BY path').all();
      const bad = files.find((f) => !isWorkspaceFilePath(f.path));
      if (bad) throw new BackupProblem(`'${backupFile}' holds a file outside the workspace ('${bad.path.slice(0, 80)}'): refusing to restore it`);
      documents = (db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
      // The schema the server would bring it to on opening, so that the restored workspace's own audit log
      // can record the restore (issue 11), in the transaction that makes the copy a workspace.
      migrate(db);
      db.transaction(() => {
        db.exec('DROP TABLE sajaro_backup; DROP TABLE sajaro_backup_files;');
        recordRestore(db, { backupFile, meta, documents, files: files.length, replacedExisting: replacing });
      })();
    } finally {
      db.close();
    }
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
    renameSync(staging, target);
    // The restored workspace's own token and templates, not the old ones.
    rmSync(join(dataDir, SERVER_DEFAULTS.templatesFolder), { recursive: true, force: true });
    rmSync(join(dataDir, SERVER_DEFAULTS.ownerTokenFile), { force: true });
    for (const { path, data } of files) {
      const file = join(dataDir, ...path.split('/'));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, data, { mode: path === SERVER_DEFAULTS.ownerTokenFile ? 0o600 : 0o644 });
    }
    return { file: target, documents, files: files.length, bytes: statSync(target).size };
  } finally {
    rmSync(staging, { force: true });
    lock.release();
  }
}

/** Checks that a file is a Sajaro backup this version can restore; returns its metadata. */
export function readBackup(file: string, nativeBinding?: string): Record<string, string> {
  if (!existsSync(file)) throw new BackupProblem(`No backup at '${file}': expected a file made by npm run backup`);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { ...(nativeBinding ? { nativeBinding } : {}), readonly: true, fileMustExist: true });
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sajaro_backup'").get();
    if (!hasMeta) throw new BackupProblem(`'${file}' is not a Sajaro backup: expected a file made by npm run backup`);
    const meta = Object.fromEntries(db.prepare<[], { key: string; value: string }>('SELECT key, value FROM sajaro_backup').all().map((r) => [r.key, r.value]));
    if (Number(meta.format) !== BACKUP_FORMAT) throw new BackupProblem(`'${file}' is a backup in format ${meta.format ?? '?'}: this version reads format ${BACKUP_FORMAT}`);
    const schema = Number(db.pragma('user_version', { simple: true }));
    if (schema > MIGRATIONS.length) throw new BackupProblem(`'${file}' was made by a newer Sajaro (schema ${schema}, this one knows ${MIGRATIONS.length}): update Sajaro first`);
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupProblem(`'${file}' is damaged: SQLite's integrity check says ${String(check)}`);
    return meta;
  } catch (error) {
    if (error instanceof BackupProblem) throw error;
    throw new BackupProblem(`'${file}' is not a Sajaro backup (${(error as Error).message}): expected a file made by npm run backup`);
  } finally {
    db?.close();
  }
}

/** True for the paths a backup may restore: the owner token, and files inside the templates folder. */
function isWorkspaceFilePath(path: string): boolean {
  if (path === SERVER_DEFAULTS.ownerTokenFile) return true;
  const parts = path.split('/');
  return parts.length >= 2 && parts[0] === SERVER_DEFAULTS.templatesFolder && parts.every((p) => p !== '' && p !== '.' && p !== '..' && !p.includes('\\') && !p.includes(':'));
}

/** The owner token and the workspace's own templates, as paths relative to the data folder with '/'. */
function workspaceFiles(dataDir: string): Array<[string, Buffer]> {
  const out: Array<[string, Buffer]> = [];
  const token = join(dataDir, SERVER_DEFAULTS.ownerTokenFile);
  if (existsSync(token)) out.push([SERVER_DEFAULTS.ownerTokenFile, readFileSync(token)]);
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push([relative(dataDir, full).split(sep).join('/'), readFileSync(full)]);
    }
  };
  walk(join(dataDir, SERVER_DEFAULTS.templatesFolder));
  return out;
}
