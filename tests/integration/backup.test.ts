import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { cleanupAfterEach } from '../helpers/lifecycle';
import { connectClient, type LexicalClient } from '../helpers/lexicalClient';
import { runCli, startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { api, removeDir, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';

const cleanup = cleanupAfterEach();

function dir(): string {
  const d = tempDataDir('sajaro-backup-');
  cleanup.push(() => removeDir(d));
  return d;
}

async function serverProcess(dataDir: string): Promise<ServerProcess> {
  const server = await startServerProcess(dataDir);
  cleanup.push(() => server.kill('SIGTERM'));
  return server;
}

function track(client: LexicalClient): LexicalClient {
  cleanup.push(() => client.destroy());
  return client;
}

/** A CLI refusal: exit 2, one line naming the problem, and no stack trace. */
function expectRefusal(result: { code: number | null; stderr: string }, message: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr.trim()).toMatch(message);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('backup and restore', () => {
  test('a backup of a running workspace taken while clients write opens and holds every act; restore refuses the workspace in use', async () => {
    const dataDir = dir();
    const server = await serverProcess(dataDir);
    const ids: string[] = [];
    for (const title of ['ეთიკის კოდექსი', 'Hotline rules']) {
      const created = await api(server, server.token, 'POST', '/api/documents', {
        title,
        language: title.startsWith('H') ? 'en' : 'ka',
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const alice = track(await connectClient(server.url, ids[0]!, server.token));
    const bob = track(await connectClient(server.url, ids[1]!, server.token));
    alice.type(' ნინო წერს');
    bob.type(' before the backup');
    await waitFor(
      async () =>
        (await api(server, server.token, 'GET', `/api/documents/${ids[1]}/text`)).body.includes(
          'before the backup',
        ),
      'the edits are stored',
    );

    // Both clients keep writing while the backup runs in its own process.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        alice.type(` a${written}`);
        bob.type(` b${written}`);
        written += 1;
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const out = join(dir(), 'workspace.sajaro-backup');
    const backup = await runCli(['backup', '--data', dataDir, '--out', out]);
    writing = false;
    await writer;
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(
      /^\[backup\] .*workspace\.sajaro-backup: 2 act\(s\), 1 other file\(s\), \d+ bytes/m,
    );
    expect(written).toBeGreaterThan(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);

    // The file is a consistent SQLite database on its own.
    const copy = new Database(out, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(
      copy
        .prepare('SELECT id FROM documents ORDER BY id')
        .all()
        .map((r) => (r as { id: string }).id),
    ).toEqual([...ids].sort());
    copy.close();
    expect(existsSync(`${out}-wal`)).toBe(false);

    // Restoring over the running workspace is refused, and the server goes on as before.
    expectRefusal(
      await runCli(['restore', '--from', out, '--data', dataDir, '--force']),
      /^The workspace '.+' is in use by a Sajaro serve process \(pid \d+\).*: stop it, then restore$/,
    );
    expect((await api(server, server.token, 'GET', '/api/health')).status).toBe(200);
    expect((await api(server, server.token, 'GET', `/api/documents/${ids[0]}/text`)).body).toContain(
      'ნინო წერს',
    );

    // Restored elsewhere, the workspace opens with the owner's token and every act's text.
    const restoredDir = dir();
    const restore = await runCli(['restore', '--from', out, '--data', restoredDir]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/^\[restore\] .*: 2 act\(s\) and 1 other file\(s\) restored/m);
    const restored = await startTestServer(restoredDir);
    cleanup.push(() => restored.stop());
    expect(restored.workspace.ownerToken).toBe(server.token);
    const texts = await Promise.all(
      ids.map(
        async (id) => (await api(restored, server.token, 'GET', `/api/documents/${id}/text`)).body as string,
      ),
    );
    expect(texts[0]).toContain('ეთიკის კოდექსი');
    expect(texts[0]).toContain('ნინო წერს');
    expect(texts[1]).toContain('before the backup');
    expect(
      restored.workspace.db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'sajaro_backup%'").all(),
    ).toEqual([]);
  });

  test('restore refuses an existing workspace without --force and replaces it with --force', async () => {
    const source = dir();
    const first = await startTestServer(source);
    const docId = (
      await api(first, first.workspace.ownerToken, 'POST', '/api/documents', {
        title: 'Original',
        language: 'en',
      })
    ).body.id as string;
    await first.stop();
    const out = join(dir(), 'original.backup');
    expect((await runCli(['backup', '--data', source, '--out', out])).code).toBe(0);

    const target = dir();
    const other = await startTestServer(target);
    await api(other, other.workspace.ownerToken, 'POST', '/api/documents', {
      title: 'Other',
      language: 'en',
    });
    await other.stop();

    expectRefusal(
      await runCli(['restore', '--from', out, '--data', target]),
      /already holds a workspace: add --force/,
    );
    const unchanged = await startTestServer(target);
    expect(
      (await api(unchanged, unchanged.workspace.ownerToken, 'GET', '/api/documents')).body.documents.map(
        (d: { title: string }) => d.title,
      ),
    ).toEqual(['Other']);
    await unchanged.stop();

    expect((await runCli(['restore', '--from', out, '--data', target, '--force'])).code).toBe(0);
    const replaced = await startTestServer(target);
    cleanup.push(() => replaced.stop());
    const list = await api(replaced, first.workspace.ownerToken, 'GET', '/api/documents');
    expect(list.body.documents.map((d: { id: string }) => d.id)).toEqual([docId]);
  });

  test('mistakes are one line and exit 2: no workspace, an existing output, a file that is not a backup, a missing option', async () => {
    const empty = dir();
    const out = join(dir(), 'x.backup');
    expectRefusal(
      await runCli(['backup', '--data', empty, '--out', out]),
      /^No workspace in '.+': expected a folder with workspace\.sqlite$/,
    );
    const existing = join(dir(), 'exists.backup');
    writeFileSync(existing, 'keep me');
    const ws = dir();
    await (await startTestServer(ws)).stop();
    expectRefusal(
      await runCli(['backup', '--data', ws, '--out', existing]),
      /already exists: choose a new file name/,
    );
    expectRefusal(await runCli(['restore', '--from', existing, '--data', dir()]), /is not a Sajaro backup/);
    expectRefusal(
      await runCli(['restore', '--from', join(empty, 'none.backup'), '--data', dir()]),
      /^No backup at '.+'/,
    );
    const missing = await runCli(['backup', '--data', ws]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Missing --out <file>/);
  });
});
