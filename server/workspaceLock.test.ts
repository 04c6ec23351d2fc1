import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { lockWorkspace, WorkspaceInUseError, workspaceLockHolder } from './workspaceLock';

const dirs: string[] = [];
const children: Array<{ kill(): void }> = [];
afterEach(() => {
  while (children.length) children.pop()!.kill();
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sajaro-lock-'));
  dirs.push(dir);
  return dir;
}

const writeLock = (dir: string, pid: number, host = hostname()) => writeFileSync(join(dir, 'server.lock'), JSON.stringify({ pid, host, since: '2024-05-01T10:00:00.000Z', purpose: 'serve', nonce: 'x' }));

describe('workspace lock', () => {
  test('a server writes its PID while it holds the workspace and removes it on release', () => {
    const dir = tempDir();
    const lock = lockWorkspace(dir, 'serve');
    expect(JSON.parse(readFileSync(join(dir, 'server.lock'), 'utf8'))).toMatchObject({ pid: process.pid, purpose: 'serve' });
    expect(workspaceLockHolder(dir)?.pid).toBe(process.pid);
    lock.release();
    expect(existsSync(join(dir, 'server.lock'))).toBe(false);
    expect(workspaceLockHolder(dir)).toBeNull();
  });

  test('another live process holding it is refused, naming the PID', () => {
    const dir = tempDir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    children.push(other);
    writeLock(dir, other.pid!);
    expect(() => lockWorkspace(dir, 'serve')).toThrow(WorkspaceInUseError);
    expect(() => lockWorkspace(dir, 'serve')).toThrow(new RegExp(`in use by a Sajaro serve process \\(pid ${other.pid}\\)`));
  });

  test('a lock left by a dead process is stale and taken over; a foreign host always counts', async () => {
    const dir = tempDir();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    writeLock(dir, dead.pid!);
    expect(workspaceLockHolder(dir)).toBeNull();
    lockWorkspace(dir, 'serve').release();
    writeLock(dir, dead.pid!, 'another-machine');
    expect(workspaceLockHolder(dir)?.host).toBe('another-machine');
  });

  test('releasing an old lock does not remove a newer holder’s', () => {
    const dir = tempDir();
    const first = lockWorkspace(dir, 'serve');
    const second = lockWorkspace(dir, 'serve');
    first.release();
    expect(existsSync(join(dir, 'server.lock'))).toBe(true);
    second.release();
    expect(existsSync(join(dir, 'server.lock'))).toBe(false);
  });
});

/** A process that takes the lock when told, at a wall-clock instant shared by all, and holds it until killed. */
const CONTENDER = `
import { lockWorkspace } from ${JSON.stringify(join(import.meta.dirname, 'workspaceLock.ts'))};
process.stdout.write('ready\\n');
process.stdin.once('data', (line) => {
  const at = Number(String(line).trim());
  while (Date.now() < at) { /* all start together */ }
  try {
    lockWorkspace(process.argv[1], 'serve');
    process.stdout.write('locked\\n');
  } catch (error) {
    process.stdout.write('refused ' + error.constructor.name + '\\n');
  }
});
`;

/** Starts `count` processes and has them all take the lock of one folder in the same millisecond. */
async function race(dir: string, count: number): Promise<string[]> {
  const contenders: Array<{ child: ChildProcessWithoutNullStreams; output: () => string }> = [];
  for (let i = 0; i < count; i += 1) {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CONTENDER, dir]);
    children.push(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    contenders.push({ child, output: () => output });
  }
  const lineOf = (c: (typeof contenders)[number], pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(c.output());
        if (match) return resolve(match[0]);
        if (c.child.exitCode !== null) return reject(new Error(`A contender exited: ${c.output()}`));
        setTimeout(check, 10);
      };
      check();
    });
  await Promise.all(contenders.map((c) => lineOf(c, /ready/)));
  const at = Date.now() + 300;
  for (const c of contenders) c.child.stdin.write(`${at}\n`);
  return Promise.all(contenders.map((c) => lineOf(c, /locked|refused \w+/)));
}

describe('workspace lock taken atomically (issue 11, point 9)', () => {
  test('of processes that take a free workspace at the same instant, exactly one holds it', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const outcomes = await race(dir, 4);
    expect(outcomes.filter((o) => o === 'locked')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'refused WorkspaceInUseError')).toHaveLength(3);
  });

  test('of processes that all find the same stale lock, exactly one takes it over', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    writeLock(dir, dead.pid!);
    const outcomes = await race(dir, 4);
    expect(outcomes.filter((o) => o === 'locked')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'refused WorkspaceInUseError')).toHaveLength(3);
    // Nothing is left beside the lock: the stale one moved aside was removed.
    expect(readdirSync(dir)).toEqual(['server.lock']);
  });

  test('a lock file being written (not yet readable) is in use; one left unreadable by a crash long ago is stale', () => {
    const dir = tempDir();
    const file = join(dir, 'server.lock');
    writeFileSync(file, '');
    expect(() => lockWorkspace(dir, 'serve')).toThrow(/being opened by another process right now/);
    expect(readFileSync(file, 'utf8')).toBe('');
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(file, longAgo, longAgo);
    const lock = lockWorkspace(dir, 'serve');
    expect(workspaceLockHolder(dir)?.pid).toBe(process.pid);
    lock.release();
    expect(existsSync(file)).toBe(false);
  });

  test('a lock that cannot be created for another reason than "exists" is an error, not a takeover', () => {
    const missing = join(tempDir(), 'no-such-folder');
    expect(() => lockWorkspace(missing, 'serve')).toThrow(/ENOENT/);
  });
});
