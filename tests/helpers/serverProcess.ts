import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './testServer';

/**
 * The CLI as `npm run serve` runs it, but in one process (node with tsx's loader rather than the tsx wrapper,
 * which would forward signals to a second process): so SIGKILL hits the server itself.
 */
const NODE_ARGS = ['--import', 'tsx', join(ROOT, 'server', 'cli', 'main.ts')];

/** A workspace server running in its own process, as `npm run serve` starts it. */
export interface ServerProcess {
  readonly url: string;
  readonly token: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Sends a signal and waits until the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** What `serve` prints once it listens: the owner's link by default; a pattern must capture the URL first. */
const OWNER_LINK = /\[serve\] open (http:\/\/[^\s/]+)\/#token=([A-Za-z0-9_-]+)/;

/**
 * Starts `serve --port 0 --data <dir>` in a child process and waits for the address it prints. `args` are
 * more options (e.g. `--new-owner-token`); `ready` is the line to wait for when there is no owner link.
 */
export async function startServerProcess(dataDir: string, timeoutMs = 60_000, options: { readonly args?: readonly string[]; readonly ready?: RegExp } = {}): Promise<ServerProcess> {
  const ready = options.ready ?? OWNER_LINK;
  const child = spawn(process.execPath, [...NODE_ARGS, 'serve', '--port', '0', '--host', '127.0.0.1', '--data', dataDir, ...(options.args ?? [])], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const address = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out waiting for the server to start:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, token: match[2] ?? '' });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with ${code} before it started:\n${output}`));
    });
  });
  return {
    ...address,
    child,
    output: () => output,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Runs a CLI command to its end; returns its exit code and what it printed. */
export async function runCli(args: string[], timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...NODE_ARGS, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}
