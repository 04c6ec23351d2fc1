import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Member } from '../../shared/api/members';
import { SERVER_DEFAULTS } from '../config';
import { generateToken } from './tokens';
import type { MemberRegistry } from './members';

/** The name the owner member has in the members list. */
export const OWNER_NAME = 'Owner';

/**
 * The owner token's state when a server opens a workspace. `active`: the token in owner.token opens the
 * workspace as a coordinator (`replaced` when it was written just now by `--new-owner-token`). `revoked`: a
 * coordinator revoked the owner member, so the token stays refused until the host writes a new one.
 */
export type OwnerAccess =
  | { readonly status: 'active'; readonly token: string; readonly member: Member; readonly replaced: boolean }
  | { readonly status: 'revoked'; readonly token: string; readonly member: Member; readonly revokedAt: string };

/**
 * Opens the owner token: created on first start and written to `<data>/owner.token`, readable by the owner
 * only (mode 0600). The owner is a coordinator. A revoked owner token is never brought back (issue 11,
 * point 3): revoking it was a coordinator's decision, and a restart must not undo it. `replace` (the host's
 * `serve --new-owner-token`) writes a new owner token, revokes the old owner member if still active, and
 * records 'member.owner_token_replaced' in the audit log.
 */
export function openOwnerToken(dataDir: string, members: MemberRegistry, options: { readonly replace?: boolean } = {}): OwnerAccess {
  const file = join(dataDir, SERVER_DEFAULTS.ownerTokenFile);
  const current = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (options.replace) return replaceOwnerToken(file, members, current ? members.holder(current) : null);
  if (!current) {
    const token = generateToken();
    // The file first: a crash before the member is stored leaves a token that the next start adds, never a
    // member whose token nobody has.
    writeFileSync(file, `${token}\n`, { mode: 0o600 });
    return { status: 'active', token, member: members.addOwner(OWNER_NAME, token), replaced: false };
  }
  chmodSync(file, 0o600);
  const holder = members.holder(current);
  if (!holder) return { status: 'active', token: current, member: members.addOwner(OWNER_NAME, current), replaced: false };
  if (holder.revokedAt) return { status: 'revoked', token: current, member: holder.member, revokedAt: holder.revokedAt };
  return { status: 'active', token: current, member: holder.member, replaced: false };
}

function replaceOwnerToken(file: string, members: MemberRegistry, previous: ReturnType<MemberRegistry['holder']>): OwnerAccess {
  const token = generateToken();
  // Written beside the file and renamed over it once the member is stored, so owner.token never holds a
  // token the database does not know, and a failed write leaves the old file as it was.
  const pending = `${file}.${randomBytes(6).toString('hex')}`;
  writeFileSync(pending, `${token}\n`, { mode: 0o600 });
  try {
    const member = members.replaceOwner(OWNER_NAME, token, previous);
    renameSync(pending, file);
    return { status: 'active', token, member, replaced: true };
  } finally {
    rmSync(pending, { force: true });
  }
}
