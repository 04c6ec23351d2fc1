import { SERVER_DEFAULTS, type ServerOptions } from './config';
import { buildApp } from './api/app';
import { openWorkspace, type Workspace } from './workspace';

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
  const workspace = openWorkspace(options);
  const app = await buildApp(workspace, options);
  const host = options.host ?? SERVER_DEFAULTS.host;
  await app.listen({ port: options.port ?? SERVER_DEFAULTS.port, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? SERVER_DEFAULTS.port);
  let stopped: Promise<void> | null = null;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    workspace,
    stop() {
      stopped ??= (async () => {
        workspace.sync.close();
        await app.close();
        workspace.close();
      })();
      return stopped;
    },
  };
}
