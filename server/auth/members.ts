import type { Database } from 'better-sqlite3';
import { randomId } from '../../shared/ids';
import type { Member, Role } from '../../shared/api/members';
import { appendAudit } from '../audit/auditLog';
import { generateToken, hashToken, sameHash } from './tokens';
import { withFullSync } from '../db/openDatabase';

interface MemberRow {
  id: string;
  name: string;
  role: Role;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

/** Why a change of a member was refused; each code is an HTTP answer (404, 409). */
export type MemberRefusal =
  | { readonly ok: false; readonly code: 'not_found'; readonly error: string }
  | { readonly ok: false; readonly code: 'last_coordinator'; readonly error: string };

/** The outcome of a role change or a revocation: the member as it now is (or was, when revoked), or a refusal. */
export type MemberChange = { readonly ok: true; readonly member: Member; readonly changed: boolean } | MemberRefusal;

/** What a member's access became after a committed change; listeners end what the old access opened. */
export interface AccessChange {
  readonly memberId: string;
  readonly kind: 'revoked' | 'role_changed';
}

/** A member found by token, revoked or not: only the owner token's check at start needs the revoked ones. */
export interface TokenHolder {
  readonly member: Member;
  readonly revokedAt: string | null;
}

/** The members of a workspace and their tokens; the server is the one authority on who may do what. */
export interface MemberRegistry {
  /** The member a token belongs to, or null for an unknown or revoked token. */
  authenticate(token: string | undefined): Member | null;
  /**
   * Adds a member with a fresh token, audited as 'member.added' by `actor`: the acting member's id, or
   * 'system' (the default) for what the workspace does itself.
   */
  create(name: string, role: Role, actor?: string): { member: Member; token: string };
  /** The member a token belongs to, including a revoked one (for the owner token read from disk). */
  holder(token: string): TokenHolder | null;
  /**
   * Adds a coordinator for a token that already exists (the owner token of a new workspace, written to disk
   * first). Not audited: nobody decided it, the workspace is being created.
   */
  addOwner(name: string, token: string): Member;
  /**
   * Makes `token` the owner's: adds a coordinator for it and revokes the previous owner member if it is still
   * active, audited as 'member.owner_token_replaced' by 'system', in one transaction.
   */
  replaceOwner(name: string, token: string, previous: TokenHolder | null): Member;
  list(): Member[];
  get(id: string): Member | null;
  /** Changes a role, audited as 'member.role_changed'; demoting the last active coordinator is refused. */
  setRole(id: string, role: Role, actor?: string): MemberChange;
  /**
   * Changes a role and/or the display name in one transaction: the role as setRole does, the name audited as
   * 'member.renamed' (from, to). `actor` is who asked: the member themself or a coordinator.
   */
  update(id: string, change: { readonly role?: Role; readonly name?: string }, actor?: string): MemberChange;
  /** Revokes a member's token, audited as 'member.revoked'; revoking the last active coordinator is refused. */
  revoke(id: string, actor?: string): MemberChange;
}

/** Options of the registry. */
export interface MemberRegistryOptions {
  /** Called after a revocation or a role change has committed, to end what the old access opened. */
  readonly onAccessChange?: (change: AccessChange) => void;
}

const toMember = (row: MemberRow): Member => ({ id: row.id, name: row.name, role: row.role, createdAt: row.created_at });

/** What the audit log names of a member: never its token or the token's hash. */
const auditedMember = (member: Member) => ({ memberId: member.id, name: member.name, role: member.role });

/** A member registry on SQLite. Every write is one transaction with synchronous FULL and its audit entry. */
export function createMemberRegistry(db: Database, options: MemberRegistryOptions = {}): MemberRegistry {
  const byHash = db.prepare<[string], MemberRow>('SELECT * FROM members WHERE token_hash = ? AND revoked_at IS NULL');
  const anyByHash = db.prepare<[string], MemberRow>('SELECT * FROM members WHERE token_hash = ?');
  const byId = db.prepare<[string], MemberRow>('SELECT * FROM members WHERE id = ? AND revoked_at IS NULL');
  const insert = db.prepare('INSERT INTO members (id, name, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?)');
  const updateRole = db.prepare('UPDATE members SET role = ? WHERE id = ? AND revoked_at IS NULL');
  const updateName = db.prepare('UPDATE members SET name = ? WHERE id = ? AND revoked_at IS NULL');
  const markRevoked = db.prepare('UPDATE members SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const coordinators = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM members WHERE role = 'coordinator' AND revoked_at IS NULL");

  const notFound = (id: string): MemberRefusal => ({ ok: false, code: 'not_found', error: `Unknown member '${id}': expected the id of an active member` });

  /** Inserts a member; runs inside the caller's transaction. */
  const insertMember = (name: string, role: Role, token: string, at: string): Member => {
    const row: MemberRow = { id: `m-${randomId(12)}`, name, role, token_hash: hashToken(token), created_at: at, revoked_at: null };
    insert.run(row.id, row.name, row.role, row.token_hash, row.created_at);
    return toMember(row);
  };

  /**
   * Refuses to leave the workspace without an active coordinator (issue 11, point 3). Read and written in the
   * same transaction, so two demotions at once cannot both see a second coordinator.
   */
  const lastCoordinator = (row: MemberRow, what: string): MemberRefusal | null => {
    if (row.role !== 'coordinator' || coordinators.get()!.n > 1) return null;
    return {
      ok: false,
      code: 'last_coordinator',
      error: `Cannot ${what}: '${row.name}' (${row.id}) is the last active coordinator, and a workspace always keeps one; make another member a coordinator first`,
    };
  };

  const notify = (change: MemberChange, kind: AccessChange['kind']): MemberChange => {
    if (change.ok && change.changed) options.onAccessChange?.({ memberId: change.member.id, kind });
    return change;
  };

  const registry: MemberRegistry = {
    authenticate(token) {
      if (!token || token.length > 256) return null;
      const hash = hashToken(token);
      const row = byHash.get(hash);
      return row && sameHash(row.token_hash, hash) ? toMember(row) : null;
    },
    create(name, role, actor = 'system') {
      const token = generateToken();
      const at = new Date().toISOString();
      // Who may do what must survive a power loss, not only a crash (issue 7): FULL, as workflow writes.
      const member = withFullSync(db, () => {
        const added = insertMember(name, role, token, at);
        appendAudit(db, { at, actor, action: 'member.added', payload: auditedMember(added) });
        return added;
      });
      return { member, token };
    },
    holder(token) {
      const row = anyByHash.get(hashToken(token));
      return row ? { member: toMember(row), revokedAt: row.revoked_at } : null;
    },
    addOwner(name, token) {
      return withFullSync(db, () => insertMember(name, 'coordinator', token, new Date().toISOString()));
    },
    replaceOwner(name, token, previous) {
      const at = new Date().toISOString();
      return withFullSync(db, () => {
        const owner = insertMember(name, 'coordinator', token, at);
        // A still-active previous owner is revoked: a new owner link is asked for when the old one leaked.
        const revokedPrevious = previous ? markRevoked.run(at, previous.member.id).changes > 0 : false;
        appendAudit(db, {
          at,
          actor: 'system',
          action: 'member.owner_token_replaced',
          payload: { ...auditedMember(owner), previousMemberId: previous?.member.id ?? null, previousRevokedNow: revokedPrevious },
        });
        return owner;
      });
    },
    list() {
      return db.prepare<[], MemberRow>('SELECT * FROM members WHERE revoked_at IS NULL ORDER BY created_at').all().map(toMember);
    },
    get(id) {
      const row = byId.get(id);
      return row ? toMember(row) : null;
    },
    setRole(id, role, actor = 'system') {
      return registry.update(id, { role }, actor);
    },
    update(id, { role, name }, actor = 'system') {
      let roleChanged = false;
      let renamed = false;
      const change = withFullSync(db, (): MemberChange => {
        const row = byId.get(id);
        if (!row) return notFound(id);
        const at = new Date().toISOString();
        let member = toMember(row);
        if (role !== undefined && row.role !== role) {
          const refusal = role === 'coordinator' ? null : lastCoordinator(row, `change the role to '${role}'`);
          if (refusal) return refusal;
          updateRole.run(role, id);
          member = { ...member, role };
          roleChanged = true;
          appendAudit(db, { at, actor, action: 'member.role_changed', payload: { ...auditedMember(member), from: row.role } });
        }
        if (name !== undefined && row.name !== name) {
          updateName.run(name, id);
          member = { ...member, name };
          renamed = true;
          appendAudit(db, { at, actor, action: 'member.renamed', payload: { ...auditedMember(member), from: row.name } });
        }
        return { ok: true, member, changed: roleChanged || renamed };
      });
      // Only a new role changes what the member may do; a new name ends nothing.
      return roleChanged ? notify(change, 'role_changed') : change;
    },
    revoke(id, actor = 'system') {
      // A revocation that a power cut undid would hand the access back.
      const change = withFullSync(db, (): MemberChange => {
        const row = byId.get(id);
        if (!row) return notFound(id);
        const refusal = lastCoordinator(row, 'revoke this member');
        if (refusal) return refusal;
        const at = new Date().toISOString();
        markRevoked.run(at, id);
        appendAudit(db, { at, actor, action: 'member.revoked', payload: auditedMember(toMember(row)) });
        return { ok: true, member: toMember(row), changed: true };
      });
      return notify(change, 'revoked');
    },
  };
  return registry;
}
