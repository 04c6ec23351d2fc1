import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { SERVER_DEFAULTS } from '../config';
import { startServer } from '../startServer';
import type { OwnerAccess } from '../auth/ownerToken';
import { defaultDataDir, parseOptions, parsePort } from './args';

const USAGE = 'npm run serve -- [--port <n>] [--data <dir>] [--host <address>] [--new-owner-token]';
const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');

/** `serve`: hosts a workspace for a working group and its browsers, until SIGINT or SIGTERM. */
export async function serveCommand(argv: string[]): Promise<void> {
  const values = parseOptions(argv, { port: { type: 'string' }, data: { type: 'string' }, host: { type: 'string' }, 'new-owner-token': { type: 'boolean' } }, USAGE) as {
    port?: string;
    data?: string;
    host?: string;
    'new-owner-token'?: boolean;
  };
  const dataDir = values.data ?? defaultDataDir();
  const server = await startServer({
    dataDir,
    port: parsePort(values.port, SERVER_DEFAULTS.port),
    host: values.host ?? SERVER_DEFAULTS.host,
    rendererDir: join(ROOT, 'dist', 'renderer'),
    templatesDir: join(ROOT, 'templates'),
    replaceOwnerToken: values['new-owner-token'] ?? false,
  });
  console.log(`[serve] Sajaro workspace in ${dataDir}`);
  for (const line of ownerLinkLines(server.url, dataDir, server.workspace.owner)) console.log(line);
  const stop = (signal: string) => {
    console.log(`[serve] ${signal}: closing connections and the database`);
    server.stop().then(
      () => process.exit(0),
      (error) => {
        console.error(`[serve] could not stop cleanly: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  // The last resort: every request and socket handler catches its own errors (tests/integration/trustBoundary),
  // so reaching this is a bug; name it, then stop rather than run on in an unknown state.
  process.on('uncaughtException', (error) => {
    console.error(`[serve] uncaught exception, stopping: ${error.stack ?? error.message}`);
    process.exit(1);
  });
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

/**
 * What `serve` prints about the owner's link: the link itself, or, when a coordinator revoked the owner, why
 * there is none and how the host gets a working one (issue 11, point 3).
 */
export function ownerLinkLines(url: string, dataDir: string, owner: OwnerAccess): string[] {
  const file = join(dataDir, SERVER_DEFAULTS.ownerTokenFile);
  if (owner.status === 'active') {
    const replaced = owner.replaced ? [`[serve] a new owner token was written to ${file}; the old owner link no longer works (recorded in the audit log)`] : [];
    return [...replaced, `[serve] open ${url}/#token=${owner.token}`];
  }
  return [
    `[serve] listening on ${url}`,
    `[serve] the owner token in ${file} was revoked by a coordinator at ${owner.revokedAt}: its link no longer opens this workspace`,
    '[serve] to get a working link: open the invitation a coordinator sends you, or restart with `npm run serve -- --new-owner-token` (same --data) to write a new owner token to owner.token, recorded in the audit log',
  ];
}
