import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../db/openDatabase';
import { createMemberRegistry } from './members';

/** Records the synchronous level in force whenever a statement on the members table runs. */
function watchedDatabase() {
  const db = openDatabase(':memory:');
  const levels: Array<{ sql: string; synchronous: number }> = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    if (!/members/.test(sql) || !/^\s*(INSERT|UPDATE)/i.test(sql)) return statement;
    const run = statement.run.bind(statement);
    statement.run = ((...args: unknown[]) => {
      levels.push({ sql: sql.split(' ')[0]!, synchronous: db.pragma('synchronous', { simple: true }) as number });
      return run(...(args as []));
    }) as typeof statement.run;
    return statement;
  }) as typeof db.prepare;
  return { db, levels };
}

describe('member registry', () => {
  test('a workspace database is in WAL mode, with synchronous NORMAL for document updates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sajaro-db-'));
    const db = openDatabase(join(dir, 'workspace.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('adding a member, changing a role and revoking are written with synchronous FULL', () => {
    const { db, levels } = watchedDatabase();
    const members = createMemberRegistry(db);
    const { member } = members.create('Nino', 'drafter');
    members.setRole(member.id, 'observer');
    members.revoke(member.id);
    expect(levels.map((l) => l.sql)).toEqual(['INSERT', 'UPDATE', 'UPDATE']);
    expect(levels.every((l) => l.synchronous === 2)).toBe(true);
    // And back to NORMAL for the document updates that follow.
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    db.close();
  });

  test('a revoked token no longer authenticates, and a token is never stored', () => {
    const db = openDatabase(':memory:');
    const members = createMemberRegistry(db);
    const { member, token } = members.create('Giorgi', 'reviewer');
    expect(members.authenticate(token)?.id).toBe(member.id);
    expect(JSON.stringify(db.prepare('SELECT * FROM members').all())).not.toContain(token);
    expect(members.revoke(member.id)).toBe(true);
    expect(members.authenticate(token)).toBeNull();
    expect(members.revoke(member.id)).toBe(false);
    db.close();
  });
});
