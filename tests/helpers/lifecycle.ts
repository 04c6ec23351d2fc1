import { afterEach } from 'vitest';
import type { ServerOptions } from '../../server/config';
import { removeDir, startTestServer, tempDataDir } from './testServer';

/** Cleanups registered during a test, run after it, last first. */
export interface Cleanup {
  push(fn: () => unknown): void;
}

/** Registers an afterEach that runs the test's cleanups, and returns where to register them. */
export function cleanupAfterEach(): Cleanup {
  const pending: Array<() => unknown> = [];
  afterEach(async () => {
    while (pending.length) await pending.pop()!();
  });
  return { push: (fn) => void pending.push(fn) };
}

/** A workspace server on a fresh data folder, stopped and removed after the test. */
export async function serverForTest(cleanup: Cleanup, options: Partial<ServerOptions> = {}) {
  const dataDir = tempDataDir();
  const server = await startTestServer(dataDir, options);
  cleanup.push(() => removeDir(dataDir));
  cleanup.push(() => server.stop());
  return { server, dataDir, token: server.workspace.ownerToken };
}
