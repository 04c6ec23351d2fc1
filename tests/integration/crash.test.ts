import { describe, expect, test } from 'vitest';
import { cleanupAfterEach } from '../helpers/lifecycle';
import { connectClient, type LexicalClient } from '../helpers/lexicalClient';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { api, removeDir, tempDataDir, waitFor } from '../helpers/testServer';

/**
 * Issue 7's crash test: several clients stream edits into one act, the server process is killed with
 * SIGKILL at a random moment, and after a restart the stored act holds every edit that any client had
 * received from the server. Each client writes numbered marks; what a client has seen of the others' marks
 * came to it from the server, which stores an update before it broadcasts it.
 */

const CLIENTS = 4;
const ROUNDS = 3;
const MARK = /\[c(\d+):(\d+)\]/g;

const cleanup = cleanupAfterEach();

/** The marks of other clients in a text: what reached this client through the server. */
function othersMarks(text: string, self: number): string[] {
  return [...text.matchAll(MARK)].filter((m) => Number(m[1]) !== self).map((m) => m[0]);
}

async function serve(dataDir: string): Promise<ServerProcess> {
  const server = await startServerProcess(dataDir);
  cleanup.push(() => server.kill('SIGKILL'));
  return server;
}

describe('a crash loses nothing anyone has seen', () => {
  test(`SIGKILL at a random moment, ${ROUNDS} times: every edit a client had received is stored`, async () => {
    const dataDir = tempDataDir('sajaro-crash-');
    cleanup.push(() => removeDir(dataDir));
    let server = await serve(dataDir);
    const owner = server.token;
    const docId = (
      await api(server, owner, 'POST', '/api/documents', { title: 'Crash-safe act', language: 'en' })
    ).body.id as string;
    const tokens: string[] = [];
    for (let i = 0; i < CLIENTS; i += 1)
      tokens.push(
        (await api(server, owner, 'POST', '/api/members', { name: `Writer ${i}`, role: 'drafter' })).body
          .token,
      );

    const everSeen = new Set<string>();
    let next = 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const clients: LexicalClient[] = [];
      for (let i = 0; i < CLIENTS; i += 1) {
        const client = await connectClient(server.url, docId, tokens[i]!);
        cleanup.push(() => client.destroy());
        clients.push(client);
      }
      // Each client records the others' marks it shows; recording stops before the kill.
      let killed = false;
      const seen = clients.map(() => new Set<string>());
      const record = () =>
        clients.forEach((client, i) => othersMarks(client.text(), i).forEach((m) => seen[i]!.add(m)));
      const recorder = setInterval(() => !killed && record(), 10);
      const writers = clients.map(async (client, i) => {
        while (!killed) {
          client.type(` [c${i}:${(next += 1)}]`);
          await new Promise((r) => setTimeout(r, 3 + Math.random() * 12));
        }
      });

      const killAfter = 300 + Math.random() * 1200;
      await new Promise((r) => setTimeout(r, killAfter));
      record();
      killed = true;
      clearInterval(recorder);
      const pid = server.child.pid;
      await server.kill('SIGKILL');
      await Promise.all(writers);
      for (const client of clients) client.destroy();
      expect(server.child.signalCode, `round ${round}: the server (pid ${pid}) died of SIGKILL`).toBe(
        'SIGKILL',
      );

      const received = new Set(seen.flatMap((s) => [...s]));
      expect(received.size, `round ${round}: clients saw each other's edits before the kill`).toBeGreaterThan(
        0,
      );
      server = await serve(dataDir);
      const stored = (await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body as string;
      const storedMarks = new Set([...stored.matchAll(MARK)].map((m) => m[0]));
      const lost = [...received].filter((m) => !storedMarks.has(m));
      console.log(
        `[crash] round ${round}: killed after ${Math.round(killAfter)} ms; ${received.size} marks seen by other clients, ${storedMarks.size} stored in all, lost ${lost.length}`,
      );
      expect(lost, `round ${round}: marks a client had received but the restarted server lacks`).toEqual([]);
      for (const mark of everSeen) expect(storedMarks.has(mark), `${mark} from an earlier round`).toBe(true);
      received.forEach((m) => everSeen.add(m));
    }

    // The act still opens for editing after the last crash.
    const after = await connectClient(server.url, docId, owner);
    cleanup.push(() => after.destroy());
    after.type(' after the crashes');
    await waitFor(
      async () =>
        ((await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body as string).includes(
          'after the crashes',
        ),
      'an edit after the crashes is stored',
    );
  });
});
