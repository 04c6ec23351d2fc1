import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_DEFAULTS } from '../config';
import { generateToken } from './tokens';
import type { MemberRegistry } from './members';

/**
 * The owner token: created on first start and written to `<data>/owner.token` readable by the owner only
 * (mode 0600). The owner is a coordinator.
 */
export function ensureOwnerToken(dataDir: string, members: MemberRegistry): string {
  const file = join(dataDir, SERVER_DEFAULTS.ownerTokenFile);
  let token = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (!token) {
    token = generateToken();
    writeFileSync(file, `${token}\n`, { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  members.ensure('Owner', 'coordinator', token);
  return token;
}
