import type { Database } from 'better-sqlite3';
import type { Member, Role } from '../../shared/api/members';
import { updateFileKey } from '../../shared/updateFile/updateFileCodec';

/** A member who may have signed a file: who they are, whether their link still works, and their signing key. */
export interface Signer {
  readonly member: Member;
  readonly revoked: boolean;
  readonly key: Uint8Array;
}

/**
 * The member a file names, with the key their file is checked with: the token hash the workspace stores
 * (server/auth/tokens.ts), which is the key the member's computer derives from the token
 * (shared/updateFile/updateFileCodec.ts, `updateFileKey`, says why that is sound enough).
 */
export function signerOf(db: Database, memberId: string): Signer | null {
  const row = db
    .prepare<[string], { id: string; name: string; role: Role; token_hash: string; created_at: string; revoked_at: string | null }>('SELECT * FROM members WHERE id = ?')
    .get(memberId);
  if (!row) return null;
  return {
    member: { id: row.id, name: row.name, role: row.role, createdAt: row.created_at },
    revoked: row.revoked_at !== null,
    key: updateFileKey(new Uint8Array(Buffer.from(row.token_hash, 'hex'))),
  };
}
