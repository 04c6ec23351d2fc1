import { mkdirSync } from 'node:fs';
import { SERVER_DEFAULTS, type ServerOptions } from './config';
import { buildApp } from './api/app';
import { openWorkspace, type Workspace } from './workspace';
import { lockWorkspace } from './workspaceLock';

/** A running workspace server. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly workspace: Workspace;
  /** Stops accepting, closes every connection, compacts open documents and closes the database. */
  stop(): Promise<void>;
}

/** Starts a workspace server: the API, the sync endpoint and, if built, the web app. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  // One server per workspace: a second one would hold its own copy of every open document (issue 7).
  mkdirSync(options.dataDir, { recursive: true });
  const lock = lockWorkspace(options.dataDir, 'serve');
  let opened: Workspace | undefined;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const host = options.host ?? SERVER_DEFAULTS.host;
  try {
    opened = openWorkspace(options);
    app = await buildApp(opened, options);
    await app.listen({ port: options.port ?? SERVER_DEFAULTS.port, host });
  } catch (error) {
    opened?.close();
    lock.release();
    throw error;
  }
  const workspace = opened;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? SERVER_DEFAULTS.port);
  let stopped: Promise<void> | null = null;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    workspace,
    stop() {
      stopped ??= (async () => {
        try {
          workspace.sync.close();
          await app.close();
          workspace.close();
        } finally {
          lock.release();
        }
      })();
      return stopped;
    },
  };
}
