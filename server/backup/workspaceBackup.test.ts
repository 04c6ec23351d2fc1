import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase } from '../db/openDatabase';
import { BackupProblem, createBackup, restoreBackup } from './workspaceBackup';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sajaro-backup-unit-'));
  dirs.push(dir);
  return dir;
}

/** A small workspace folder: a database with one act, the owner token and one template of its own. */
function workspace(): string {
  const dir = tempDir();
  const db = openDatabase(join(dir, 'workspace.sqlite'));
  db.prepare("INSERT INTO documents (id, title, language, created_at, updated_at) VALUES ('doc-backup01', 'Act', 'en', '', '')").run();
  db.close();
  writeFileSync(join(dir, 'owner.token'), 'secret-owner-token\n');
  mkdirSync(join(dir, 'templates'));
  writeFileSync(join(dir, 'templates', 'ours.yaml'), 'id: ours\n');
  return dir;
}

describe('workspace backup', () => {
  test('a backup restores the database, the owner token and the templates', async () => {
    const source = workspace();
    const file = join(tempDir(), 'ws.backup');
    expect(await createBackup(source, file)).toMatchObject({ documents: 1, files: 2 });
    const target = join(tempDir(), 'restored');
    restoreBackup(file, target);
    expect(readFileSync(join(target, 'owner.token'), 'utf8')).toBe('secret-owner-token\n');
    expect(readFileSync(join(target, 'templates', 'ours.yaml'), 'utf8')).toBe('id: ours\n');
    const db = new Database(join(target, 'workspace.sqlite'), { readonly: true });
    expect(db.prepare('SELECT id FROM documents').all()).toEqual([{ id: 'doc-backup01' }]);
    db.close();
  });

  test('a backup that would write outside the workspace is refused, and nothing is written', async () => {
    const file = join(tempDir(), 'evil.backup');
    await createBackup(workspace(), file);
    const db = new Database(file);
    db.prepare('INSERT INTO sajaro_backup_files (path, data) VALUES (?, ?)').run('templates/../../escaped.txt', Buffer.from('x'));
    db.close();
    const parent = tempDir();
    const target = join(parent, 'ws');
    expect(() => restoreBackup(file, target)).toThrow(BackupProblem);
    expect(() => restoreBackup(file, target)).toThrow(/holds a file outside the workspace \('templates\/\.\.\/\.\.\/escaped\.txt'\)/);
    expect(existsSync(join(parent, 'escaped.txt'))).toBe(false);
    expect(existsSync(join(target, 'workspace.sqlite'))).toBe(false);
  });

  test('a backup from a newer schema, or a damaged file, is refused with a sentence', async () => {
    const file = join(tempDir(), 'newer.backup');
    await createBackup(workspace(), file);
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    expect(() => restoreBackup(file, join(tempDir(), 'ws'))).toThrow(/was made by a newer Sajaro \(schema 999, this one knows \d+\): update Sajaro first/);
    const torn = join(tempDir(), 'torn.backup');
    writeFileSync(torn, readFileSync(file).subarray(0, 2048));
    expect(() => restoreBackup(torn, join(tempDir(), 'ws'))).toThrow(BackupProblem);
  });
});
