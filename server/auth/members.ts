import type { Database } from 'better-sqlite3';
import { randomId } from '../../shared/ids';
import type { Member, Role } from '../../shared/api/members';
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

/** The members of a workspace and their tokens; the server is the one authority on who may do what. */
export interface MemberRegistry {
  /** The member a token belongs to, or null for an unknown or revoked token. */
  authenticate(token: string | undefined): Member | null;
  create(name: string, role: Role): { member: Member; token: string };
  /** Adds a member whose token already exists (the owner token read from disk). */
  ensure(name: string, role: Role, token: string): Member;
  list(): Member[];
  get(id: string): Member | null;
  setRole(id: string, role: Role): Member | null;
  revoke(id: string): boolean;
}

const toMember = (row: MemberRow): Member => ({ id: row.id, name: row.name, role: row.role, createdAt: row.created_at });

/** A member registry on SQLite. */
export function createMemberRegistry(db: Database): MemberRegistry {
  const byHash = db.prepare<[string], MemberRow>('SELECT * FROM members WHERE token_hash = ? AND revoked_at IS NULL');
  const byId = db.prepare<[string], MemberRow>('SELECT * FROM members WHERE id = ? AND revoked_at IS NULL');
  const insert = db.prepare('INSERT INTO members (id, name, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?)');

  return {
    authenticate(token) {
      if (!token || token.length > 256) return null;
      const hash = hashToken(token);
      const row = byHash.get(hash);
      return row && sameHash(row.token_hash, hash) ? toMember(row) : null;
    },
    create(name, role) {
      const token = generateToken();
      const row: MemberRow = { id: `m-${randomId(12)}`, name, role, token_hash: hashToken(token), created_at: new Date().toISOString(), revoked_at: null };
      // Who may do what must survive a power loss, not only a crash (issue 7): FULL, as workflow writes.
      withFullSync(db, () => insert.run(row.id, row.name, row.role, row.token_hash, row.created_at));
      return { member: toMember(row), token };
    },
    ensure(name, role, token) {
      const existing = byHash.get(hashToken(token));
      if (existing) return toMember(existing);
      const row: MemberRow = { id: `m-${randomId(12)}`, name, role, token_hash: hashToken(token), created_at: new Date().toISOString(), revoked_at: null };
      withFullSync(db, () => insert.run(row.id, row.name, row.role, row.token_hash, row.created_at));
      return toMember(row);
    },
    list() {
      return db.prepare<[], MemberRow>('SELECT * FROM members WHERE revoked_at IS NULL ORDER BY created_at').all().map(toMember);
    },
    get(id) {
      const row = byId.get(id);
      return row ? toMember(row) : null;
    },
    setRole(id, role) {
      const changed = withFullSync(db, () => db.prepare('UPDATE members SET role = ? WHERE id = ? AND revoked_at IS NULL').run(role, id).changes);
      return changed ? this.get(id) : null;
    },
    revoke(id) {
      // A revocation that a power cut undid would hand the access back.
      return withFullSync(db, () => db.prepare('UPDATE members SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(new Date().toISOString(), id).changes > 0);
    },
  };
}
