import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { SERVER_DEFAULTS } from '../config';
import { startServer } from '../startServer';
import { defaultDataDir, parseOptions, parsePort } from './args';

const USAGE = 'npm run serve -- [--port <n>] [--data <dir>] [--host <address>]';
const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');

/** `serve`: hosts a workspace for a working group and its browsers, until SIGINT or SIGTERM. */
export async function serveCommand(argv: string[]): Promise<void> {
  const values = parseOptions(argv, { port: { type: 'string' }, data: { type: 'string' }, host: { type: 'string' } }, USAGE) as { port?: string; data?: string; host?: string };
  const dataDir = values.data ?? defaultDataDir();
  const server = await startServer({
    dataDir,
    port: parsePort(values.port, SERVER_DEFAULTS.port),
    host: values.host ?? SERVER_DEFAULTS.host,
    rendererDir: join(ROOT, 'dist', 'renderer'),
    templatesDir: join(ROOT, 'templates'),
  });
  console.log(`[serve] Sajaro workspace in ${dataDir}`);
  console.log(`[serve] open ${server.url}/#token=${server.workspace.ownerToken}`);
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
