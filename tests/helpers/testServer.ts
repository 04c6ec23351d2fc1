import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, type RunningServer } from '../../server/startServer';
import type { ServerOptions } from '../../server/config';

/** The repository root, for templates and the built renderer. */
export const ROOT = resolve(import.meta.dirname, '..', '..');

/** A fresh temporary data folder; removed by `removeDir`. */
export function tempDataDir(prefix = 'sajaro-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Removes a temporary folder. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Starts a workspace server on a free port with the shipped templates; logs are kept for assertions. */
export async function startTestServer(dataDir: string, options: Partial<ServerOptions> = {}): Promise<RunningServer & { logs: string[] }> {
  const logs: string[] = [];
  const server = await startServer({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    templatesDir: join(ROOT, 'templates'),
    syncConnectionsPerMinute: 10_000,
    apiRequestsPerMinute: 100_000,
    // Tests send many bad tokens on purpose; tests/integration/limits.test.ts runs with the real defaults.
    failedAuthPerMinute: 100_000,
    log: (line) => logs.push(line),
    ...options,
  });
  return Object.assign(server, { logs });
}

/** Calls the API as a member; returns status and parsed body (JSON or text). */
export async function api(server: { url: string }, token: string | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('application/json')) parsed = text ? JSON.parse(text) : null;
  return { status: response.status, body: parsed, headers: response.headers };
}

/** Waits until a condition holds, polling; fails with the message after the timeout. */
export async function waitFor(condition: () => boolean | Promise<boolean>, message: string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Timed out waiting for: ${message}`);
}
