import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/testServer';

// Issue 15: `npm start` where Electron's binary is missing opens the same workspace in the browser. The binary
// is named missing through SAJARO_ELECTRON_BINARY, so this holds on a machine that has Electron too.
const START_TIMEOUT_MS = 90_000;
const OWNER_LINK = /\[serve\] open (http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]+)/;

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  readonly token: string;
  readonly exited: Promise<number | null>;
  output(): string;
}

const dirs: string[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  // SIGTERM first: the script passes it to the server it started, which SIGKILL would leave running.
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sajaro-start-'));
  dirs.push(dir);
  return dir;
}

/** Runs `npm start`'s script as `npm start -- --port 0` would, with the data folder the desktop app would use. */
async function startWithoutElectron(dataDir: string, openCommand: string, waitFor: RegExp): Promise<Started> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start-desktop.mjs'), '--port', '0'], {
    cwd: ROOT,
    // SAJARO_DATA is where the app-data folder is taken from (server/cli/args.ts defaultDataDir).
    env: { ...process.env, SAJARO_ELECTRON_BINARY: join(dataDir, 'no-electron-here'), SAJARO_DATA: dataDir, SAJARO_START_NO_BUILD: '1', SAJARO_OPEN_COMMAND: openCommand },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out waiting for ${waitFor}:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (OWNER_LINK.test(output) && waitFor.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  const [, url = '', token = ''] = OWNER_LINK.exec(output) ?? [];
  return { child, url, token, exited, output: () => output };
}

/** Asks the running script to stop, as Ctrl+C would, and checks the server went with it. */
async function stopCleanly(started: Started): Promise<void> {
  started.child.kill('SIGTERM');
  expect(await started.exited).toBe(0);
  await expect(fetch(`${started.url}/api/health`)).rejects.toThrow();
}

describe('npm start without the Electron binary', () => {
  test('says so in one line, serves the workspace on 127.0.0.1 and opens the browser on the link', async () => {
    const dir = await tempDir();
    const opened = join(dir, 'opened.txt');
    const opener = join(dir, 'fake-browser.sh');
    await writeFile(opener, `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`);
    await chmod(opener, 0o755);
    const started = await startWithoutElectron(dir, opener, /\[serve\] open /);

    const startLines = started.output().split('\n').filter((line) => line.startsWith('[start]'));
    expect(startLines).toHaveLength(1);
    expect(startLines[0]).toMatch(/^\[start\] Electron is not installed .*opening Sajaro in your browser instead$/);
    expect(started.output()).toContain(`[serve] Sajaro workspace in ${dir}`);

    const health = await fetch(`${started.url}/api/health`);
    expect(health.status).toBe(200);
    // The link's token opens the workspace as its owner, a coordinator.
    const me = await fetch(`${started.url}/api/me`, { headers: { authorization: `Bearer ${started.token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ role: 'coordinator' });
    expect((await fetch(`${started.url}/api/me`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);

    await expect.poll(() => readFile(opened, 'utf8').catch(() => ''), { timeout: 10_000 }).toBe(`${started.url}/#token=${started.token}`);
    await stopCleanly(started);
  }, START_TIMEOUT_MS + 30_000);

  test('prints the link to open where no browser can be started', async () => {
    const dir = await tempDir();
    const started = await startWithoutElectron(dir, join(dir, 'no-such-browser'), /\[start\] could not open a browser/);
    expect(started.output()).toContain(`[start] could not open a browser (ENOENT): open ${started.url}/#token=${started.token}`);
    expect((await fetch(`${started.url}/api/health`)).status).toBe(200);
    await stopCleanly(started);
  }, START_TIMEOUT_MS + 30_000);
});
