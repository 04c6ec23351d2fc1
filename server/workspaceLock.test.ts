import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
