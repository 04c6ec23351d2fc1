import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../db/openDatabase';
import { verifyAuditChain } from '../audit/auditLog';
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
    const { member } = members.create('Nino', 'drafter', 'system');
    members.setRole(member.id, 'observer', 'system');
    members.revoke(member.id, 'system');
    expect(levels.map((l) => l.sql)).toEqual(['INSERT', 'UPDATE', 'UPDATE']);
    expect(levels.every((l) => l.synchronous === 2)).toBe(true);
    // And back to NORMAL for the document updates that follow.
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    db.close();
  });

  test('a revoked token no longer authenticates, and a token is never stored', () => {
    const db = openDatabase(':memory:');
    const members = createMemberRegistry(db);
    const { member, token } = members.create('Giorgi', 'reviewer', 'system');
    expect(members.authenticate(token)?.id).toBe(member.id);
    expect(JSON.stringify(db.prepare('SELECT * FROM members').all())).not.toContain(token);
    expect(members.revoke(member.id, 'system')).toMatchObject({ ok: true, member: { id: member.id } });
    expect(members.authenticate(token)).toBeNull();
    expect(members.revoke(member.id, 'system')).toMatchObject({ ok: false, code: 'not_found' });
    db.close();
  });
});

/** The audit entries of the members' actions, oldest first. */
function memberAudit(db: ReturnType<typeof openDatabase>) {
  return db
    .prepare("SELECT actor, action, payload FROM audit_log WHERE action LIKE 'member.%' ORDER BY seq")
    .all()
    .map((row) => {
      const { actor, action, payload } = row as { actor: string; action: string; payload: string };
      return { actor, action, payload: JSON.parse(payload) as Record<string, unknown> };
    });
}

/** Everything a refused change must leave alone. */
function snapshot(db: ReturnType<typeof openDatabase>) {
  return {
    members: db.prepare('SELECT * FROM members ORDER BY id').all(),
    audit: (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n,
  };
}

describe('the last coordinator (issue 11, point 3)', () => {
  test('the last active coordinator can be neither demoted nor revoked, and the refusal changes nothing', () => {
    const db = openDatabase(':memory:');
    const changes: string[] = [];
    const members = createMemberRegistry(db, { onAccessChange: (c) => changes.push(`${c.kind} ${c.memberId}`) });
    const nino = members.create('Nino', 'coordinator', 'system').member;
    members.create('Giorgi', 'drafter', nino.id);
    const before = snapshot(db);
    for (const role of ['drafter', 'reviewer', 'observer'] as const) {
      const demoted = members.setRole(nino.id, role, nino.id);
      expect(demoted).toMatchObject({ ok: false, code: 'last_coordinator' });
      expect(!demoted.ok && demoted.error).toContain(`'Nino' (${nino.id}) is the last active coordinator`);
    }
    expect(members.revoke(nino.id, 'system')).toMatchObject({ ok: false, code: 'last_coordinator' });
    expect(snapshot(db)).toEqual(before);
    expect(changes).toEqual([]);
    expect(members.get(nino.id)?.role).toBe('coordinator');
    db.close();
  });

  test('with a second coordinator one may go, and then the other is the last', () => {
    const db = openDatabase(':memory:');
    const members = createMemberRegistry(db);
    const nino = members.create('Nino', 'coordinator', 'system').member;
    const tamar = members.create('Tamar', 'coordinator', nino.id).member;
    expect(members.setRole(nino.id, 'drafter', tamar.id)).toMatchObject({ ok: true, changed: true, member: { role: 'drafter' } });
    expect(members.setRole(tamar.id, 'drafter', tamar.id)).toMatchObject({ ok: false, code: 'last_coordinator' });
    expect(members.setRole(nino.id, 'coordinator', tamar.id)).toMatchObject({ ok: true, changed: true });
    expect(members.revoke(tamar.id, nino.id)).toMatchObject({ ok: true });
    expect(members.revoke(nino.id, 'system')).toMatchObject({ ok: false, code: 'last_coordinator' });
    // A drafter or an already-revoked coordinator never counts as the workspace's coordinator.
    expect(members.list().filter((m) => m.role === 'coordinator').map((m) => m.name)).toEqual(['Nino']);
    db.close();
  });

  test('an unknown or revoked member is not_found and changes nothing', () => {
    const db = openDatabase(':memory:');
    const members = createMemberRegistry(db);
    const before = snapshot(db);
    expect(members.setRole('m-nope', 'observer', 'system')).toMatchObject({ ok: false, code: 'not_found' });
    expect(members.revoke("m-'; DROP TABLE members; --", 'system')).toMatchObject({ ok: false, code: 'not_found' });
    expect(snapshot(db)).toEqual(before);
    db.close();
  });
});

describe('member decisions in the audit log (issue 11, point 5)', () => {
  test('added, role changed and revoked are each audited with the actor, the member id, name and roles, never a token', () => {
    const db = openDatabase(':memory:');
    const members = createMemberRegistry(db);
    const nino = members.create('Nino', 'coordinator', 'system').member;
    const { member: giorgi, token } = members.create('Giorgi', 'reviewer', nino.id);
    members.setRole(giorgi.id, 'drafter', nino.id);
    // Setting the role a member already has is no decision: nothing is recorded.
    expect(members.setRole(giorgi.id, 'drafter', nino.id)).toMatchObject({ ok: true, changed: false });
    members.revoke(giorgi.id, nino.id);
    expect(memberAudit(db)).toEqual([
      { actor: 'system', action: 'member.added', payload: { memberId: nino.id, name: 'Nino', role: 'coordinator' } },
      { actor: nino.id, action: 'member.added', payload: { memberId: giorgi.id, name: 'Giorgi', role: 'reviewer' } },
      { actor: nino.id, action: 'member.role_changed', payload: { memberId: giorgi.id, name: 'Giorgi', role: 'drafter', from: 'reviewer' } },
      { actor: nino.id, action: 'member.revoked', payload: { memberId: giorgi.id, name: 'Giorgi', role: 'drafter' } },
    ]);
    const log = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    const hash = (db.prepare('SELECT token_hash FROM members WHERE id = ?').get(giorgi.id) as { token_hash: string }).token_hash;
    expect(log).not.toContain(token);
    expect(log).not.toContain(hash);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 4 });
    db.close();
  });

  test('a change whose audit entry cannot be written is not made either', () => {
    const db = openDatabase(':memory:');
    const members = createMemberRegistry(db);
    const nino = members.create('Nino', 'coordinator', 'system').member;
    const giorgi = members.create('Giorgi', 'drafter', nino.id).member;
    // An audit log that refuses new entries, as a full disk or a broken schema would.
    db.exec("CREATE TRIGGER audit_full BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log full'); END;");
    const before = snapshot(db);
    expect(() => members.setRole(giorgi.id, 'observer', nino.id)).toThrow(/audit log full/);
    expect(() => members.revoke(giorgi.id, nino.id)).toThrow(/audit log full/);
    expect(() => members.create('Tamar', 'drafter', nino.id)).toThrow(/audit log full/);
    expect(snapshot(db)).toEqual(before);
    db.close();
  });

  test('the access change is announced after the commit, once per real change', () => {
    const db = openDatabase(':memory:');
    const seen: Array<{ kind: string; committed: boolean }> = [];
    const members = createMemberRegistry(db, {
      onAccessChange: ({ memberId, kind }) => seen.push({ kind, committed: !db.inTransaction && members.get(memberId)?.role !== 'reviewer' }),
    });
    const nino = members.create('Nino', 'coordinator', 'system').member;
    const giorgi = members.create('Giorgi', 'reviewer', nino.id).member;
    members.setRole(giorgi.id, 'reviewer', nino.id);
    members.setRole(giorgi.id, 'observer', nino.id);
    members.revoke(giorgi.id, nino.id);
    expect(seen).toEqual([
      { kind: 'role_changed', committed: true },
      { kind: 'revoked', committed: true },
    ]);
    db.close();
  });
});
