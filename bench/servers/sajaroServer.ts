/**
 * The bench's launcher of the Sajaro server, run as a child process so that its CPU time and peak memory are
 * measured apart from the clients. It starts the real server (`startServer`) with connection limits raised
 * for the load, and adds one bench-only request: store a generated act as a document.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/startServer';
import { storeGeneratedAct } from '../lib/storeGeneratedAct';
import { watchEventLoop } from '../lib/loopDelay';
import { timeRooms } from './roomTiming';
import { REPO_ROOT, serveRequests, tellParent, type IpcMessage } from '../lib/children';

/** What the bench passes to the launcher, as JSON in the first argument. */
export interface SajaroLaunchOptions {
  /** The built renderer to serve, for the editor benchmark; omitted, API and sync only. */
  readonly rendererDir?: string;
}

/** What the launcher tells the bench once it listens. */
export interface SajaroReady extends IpcMessage {
  readonly type: 'ready';
  readonly url: string;
  readonly ownerToken: string;
  readonly dataDir: string;
}

/** The reply to `createAct`: the document that holds the generated act. */
export interface CreatedAct {
  readonly docId: string;
  readonly articles: number;
  readonly characters: number;
  readonly stateBytes: number;
}

/** High enough that 200 clients connecting at once, and their reconnects, are never refused. */
const UNLIMITED = 1_000_000;

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as SajaroLaunchOptions;
  const dataDir = mkdtempSync(join(tmpdir(), 'sajaro-bench-'));
  const server = await startServer({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    templatesDir: join(REPO_ROOT, 'templates'),
    ...(options.rendererDir ? { rendererDir: options.rendererDir } : {}),
    syncConnectionsPerMinute: UNLIMITED,
    apiRequestsPerMinute: UNLIMITED,
    log: (line) => console.error(`[sajaro] ${line}`),
  });
  const { workspace } = server;

  const loop = watchEventLoop();
  const rooms = timeRooms(workspace.store);
  serveRequests(
    {
      resetStats: () => {
        loop.reset();
        rooms.reset();
      },
      stats: () => ({ loop: loop.read(), rooms: rooms.read() }),
      createAct: (message): CreatedAct => {
        const { docId, act, stateBytes } = storeGeneratedAct(workspace, { pages: Number(message.pages), seed: Number(message.seed), title: String(message.title) });
        return { docId, articles: act.articles, characters: act.characters, stateBytes };
      },
    },
    async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  );
  tellParent({ type: 'ready', url: server.url, ownerToken: workspace.ownerToken, dataDir } satisfies SajaroReady);
}

main().catch((error: unknown) => {
  console.error('[bench:sajaro]', error);
  process.exit(1);
});
