import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { verifyAuditChain } from '../audit/auditLog';
import { openDatabase } from '../db/openDatabase';
import { createMemberRegistry, type MemberRegistry } from './members';
import { openOwnerToken } from './ownerToken';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** A data folder with its database, as a server opens it. */
function workspaceFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'sajaro-owner-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'workspace.sqlite'));
  return { dir, db, members: createMemberRegistry(db), tokenFile: join(dir, 'owner.token') };
}

const ownerAudit = (db: ReturnType<typeof openDatabase>) =>
  db.prepare("SELECT actor, payload FROM audit_log WHERE action = 'member.owner_token_replaced'").all() as Array<{ actor: string; payload: string }>;

describe('the owner token', () => {
  test('the first start writes it readable by the owner only and makes it a coordinator; later starts reuse it', () => {
    const { db, dir, members, tokenFile } = workspaceFolder();
    const first = openOwnerToken(dir, members);
    expect(first).toMatchObject({ status: 'active', replaced: false, member: { name: 'Owner', role: 'coordinator' } });
    expect(readFileSync(tokenFile, 'utf8').trim()).toBe(first.token);
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(members.authenticate(first.token)?.id).toBe(first.member.id);
    const again = openOwnerToken(dir, members);
    expect(again).toMatchObject({ status: 'active', token: first.token, member: { id: first.member.id } });
    expect(members.list()).toHaveLength(1);
    db.close();
  });

  test('a revoked owner token is not brought back: the workspace still opens and the token stays refused', () => {
    const { db, dir, members } = workspaceFolder();
    const owner = openOwnerToken(dir, members);
    const other = members.create('Tamar', 'coordinator', owner.member.id).member;
    expect(members.revoke(owner.member.id, other.id)).toMatchObject({ ok: true });
    const rows = db.prepare('SELECT * FROM members').all();
    // Before issue 11 this re-inserted the revoked hash and hit the UNIQUE index on every start.
    const reopened = openOwnerToken(dir, members);
    expect(reopened).toMatchObject({ status: 'revoked', token: owner.token, member: { id: owner.member.id } });
    expect(reopened.status === 'revoked' && reopened.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(members.authenticate(owner.token)).toBeNull();
    expect(db.prepare('SELECT * FROM members').all()).toEqual(rows);
    db.close();
  });

  test('--new-owner-token writes a new token, retires the revoked one, and is audited without any token', () => {
    const { db, dir, members, tokenFile } = workspaceFolder();
    const owner = openOwnerToken(dir, members);
    const other = members.create('Tamar', 'coordinator', owner.member.id).member;
    members.revoke(owner.member.id, other.id);
    const replaced = openOwnerToken(dir, members, { replace: true });
    expect(replaced).toMatchObject({ status: 'active', replaced: true, member: { name: 'Owner', role: 'coordinator' } });
    expect(replaced.token).not.toBe(owner.token);
    expect(readFileSync(tokenFile, 'utf8').trim()).toBe(replaced.token);
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(members.authenticate(replaced.token)?.id).toBe(replaced.member.id);
    expect(members.authenticate(owner.token)).toBeNull();
    // The next start, without the flag, keeps the new token.
    expect(openOwnerToken(dir, members)).toMatchObject({ status: 'active', token: replaced.token });
    const [entry, ...more] = ownerAudit(db);
    expect(more).toEqual([]);
    expect(entry!.actor).toBe('system');
    expect(JSON.parse(entry!.payload)).toEqual({
      memberId: replaced.member.id,
      name: 'Owner',
      role: 'coordinator',
      previousMemberId: owner.member.id,
      previousRevokedNow: false,
    });
    expect(JSON.stringify(db.prepare('SELECT * FROM audit_log').all())).not.toMatch(new RegExp(`${owner.token}|${replaced.token}`));
    expect(verifyAuditChain(db).ok).toBe(true);
    db.close();
  });

  test('replacing a still-active owner token (a leaked link) revokes the old owner in the same step', () => {
    const { db, dir, members } = workspaceFolder();
    const owner = openOwnerToken(dir, members);
    const replaced = openOwnerToken(dir, members, { replace: true });
    expect(members.authenticate(owner.token)).toBeNull();
    expect(members.list().map((m) => m.id)).toEqual([replaced.member.id]);
    expect(JSON.parse(ownerAudit(db)[0]!.payload)).toMatchObject({ previousMemberId: owner.member.id, previousRevokedNow: true });
    db.close();
  });

  test('a replacement that cannot be stored leaves owner.token and the members as they were', () => {
    const { db, dir, members, tokenFile } = workspaceFolder();
    const owner = openOwnerToken(dir, members);
    const failing: MemberRegistry = {
      ...members,
      replaceOwner: () => {
        throw new Error('disk I/O error');
      },
    };
    expect(() => openOwnerToken(dir, failing, { replace: true })).toThrow(/disk I\/O error/);
    expect(readFileSync(tokenFile, 'utf8').trim()).toBe(owner.token);
    expect(readdirSync(dir).filter((name) => name.startsWith('owner.token'))).toEqual(['owner.token']);
    expect(members.authenticate(owner.token)?.id).toBe(owner.member.id);
    db.close();
  });

  test('an owner.token whose member is unknown (a file put back by hand) becomes the owner', () => {
    const { db, dir, members, tokenFile } = workspaceFolder();
    writeFileSync(tokenFile, 'a-token-copied-from-elsewhere-0123456789\n', { mode: 0o644 });
    const owner = openOwnerToken(dir, members);
    expect(owner).toMatchObject({ status: 'active', token: 'a-token-copied-from-elsewhere-0123456789' });
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(existsSync(tokenFile)).toBe(true);
    db.close();
  });
});
