import * as buffer from 'lib0/buffer';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SNAPSHOT_DEFAULTS, stateVectorParam } from '../../shared/sync/snapshotContract';
import { createGeneratedAct, plainTextOf } from '../helpers/generatedAct';
import { api, removeDir, startTestServer, tempDataDir } from '../helpers/testServer';

/**
 * Issue 14, resumable initial sync: the snapshot route serves the act's sync state in byte ranges that
 * concatenate to a complete update, resumes the same bytes by id after the act changed, and refuses hostile
 * input with a clean 4xx.
 */

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let dataDir: string;
let owner: string;
let observer: string;
let docId: string;

beforeAll(async () => {
  dataDir = tempDataDir('sajaro-snapshot-');
  server = await startTestServer(dataDir);
  owner = server.workspace.ownerToken;
  observer = (await api(server, owner, 'POST', '/api/members', { name: 'An observer', role: 'observer' })).body.token as string;
  docId = createGeneratedAct(server.workspace, 40).docId;
});

afterAll(async () => {
  await server.stop();
  removeDir(dataDir);
});

async function get(path: string, headers: Record<string, string> = {}, token: string | null = owner): Promise<{ status: number; headers: Headers; bytes: Uint8Array }> {
  const response = await fetch(`${server.url}${path}`, { headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers } });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const snapshotPath = (sv?: string) => `/api/documents/${docId}/snapshot${sv === undefined ? '' : `?sv=${sv}`}`;
const errorCode = (bytes: Uint8Array) => (JSON.parse(new TextDecoder().decode(bytes)) as { error: { code: string } }).error.code;

/** Downloads a snapshot in ranges of `chunk` bytes, each after the first pinned to the first's ETag. */
async function inRanges(path: string, chunk: number, token = owner): Promise<{ etag: string; parts: Uint8Array[] }> {
  const parts: Uint8Array[] = [];
  let etag = '';
  let total = Infinity;
  for (let start = 0; start < total; start += chunk) {
    const answer = await get(path, { Range: `bytes=${start}-${start + chunk - 1}`, ...(etag ? { 'If-Range': etag } : {}) }, token);
    expect(answer.status).toBe(206);
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(answer.headers.get('content-range') ?? '');
    expect(range, answer.headers.get('content-range') ?? 'no Content-Range').not.toBeNull();
    expect(Number(range![1])).toBe(start);
    total = Number(range![3]);
    if (!etag) etag = answer.headers.get('etag') ?? '';
    expect(answer.headers.get('etag')).toBe(etag);
    parts.push(answer.bytes);
  }
  return { etag, parts };
}

describe('the snapshot route', () => {
  test('ranges of a 40-page act are byte-identical pieces of the whole, and together they give the act its text', async () => {
    const whole = await get(snapshotPath());
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('content-type')).toContain('application/octet-stream');
    // More than a few chunks, or the test would not exercise resuming at all.
    expect(whole.bytes.length).toBeGreaterThan(4 * SNAPSHOT_DEFAULTS.chunkBytes);

    const { etag, parts } = await inRanges(snapshotPath(), SNAPSHOT_DEFAULTS.chunkBytes);
    expect(etag).toBe(whole.headers.get('etag'));
    const joined = Buffer.concat(parts);
    expect(Buffer.compare(joined, Buffer.from(whole.bytes))).toBe(0);

    const doc = new Y.Doc();
    Y.applyUpdate(doc, joined);
    const text = (await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body as string;
    expect(text).toContain('მუხლი');
    expect(plainTextOf(doc, docId)).toBe(text);
  });

  test('a client that has an older copy of the act gets only what it lacks', async () => {
    const client = new Y.Doc();
    const all = (await get(snapshotPath(stateVectorParam(client)))).bytes;
    Y.applyUpdate(client, all);
    const renamed = await api(server, owner, 'PATCH', `/api/documents/${docId}`, { title: 'ანტიკორუფციული წესები' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);

    const rest = await get(snapshotPath(stateVectorParam(client)));
    expect(rest.status).toBe(200);
    expect(rest.bytes.length).toBeLessThan(all.length / 20);
    Y.applyUpdate(client, rest.bytes);
    expect(plainTextOf(client, docId)).toBe((await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body);
    expect(plainTextOf(client, docId)).toContain('ანტიკორუფციული წესები');
  });

  test('a resumed download after the act changed gets the old bytes by If-Range, and a new one the new text', async () => {
    const before = await get(snapshotPath());
    const etag = before.headers.get('etag')!;
    const first = await get(snapshotPath(), { Range: `bytes=0-${SNAPSHOT_DEFAULTS.chunkBytes - 1}` });
    expect(first.headers.get('etag')).toBe(etag);

    const renamed = await api(server, owner, 'PATCH', `/api/documents/${docId}`, { title: 'ეთიკის კოდექსი, ახალი რედაქცია' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);

    const rest = await get(snapshotPath(), { Range: `bytes=${SNAPSHOT_DEFAULTS.chunkBytes}-`, 'If-Range': etag });
    expect(rest.status).toBe(206);
    expect(rest.headers.get('etag')).toBe(etag);
    expect(Buffer.compare(Buffer.concat([first.bytes, rest.bytes]), Buffer.from(before.bytes))).toBe(0);

    // A fresh download is another snapshot, with the new title in it.
    const after = await get(snapshotPath());
    expect(after.headers.get('etag')).not.toBe(etag);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, after.bytes);
    expect(plainTextOf(doc, docId)).toContain('ეთიკის კოდექსი, ახალი რედაქცია');

    // An If-Range the server does not hold means "not the same bytes": the whole new snapshot, not a piece.
    const stale = await get(snapshotPath(), { Range: 'bytes=100-199', 'If-Range': '"no-such-snapshot"' });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('etag')).toBe(after.headers.get('etag'));
    expect(stale.bytes.length).toBe(after.bytes.length);
  });

  test('hostile input gets a clean 4xx that names the problem, and the server keeps serving', async () => {
    const total = (await get(snapshotPath())).bytes.length;
    const cases: Array<[string, Record<string, string>, number, string]> = [
      [snapshotPath('!!not-base64!!'), {}, 400, 'bad_state_vector'],
      [snapshotPath('AA=='), {}, 400, 'bad_state_vector'],
      // A count of 5 clients and no entries after it.
      [snapshotPath(buffer.toBase64UrlEncoded(new Uint8Array([5]))), {}, 400, 'bad_state_vector'],
      // A valid vector with trailing garbage.
      [snapshotPath(buffer.toBase64UrlEncoded(new Uint8Array([0, 1, 2, 3]))), {}, 400, 'bad_state_vector'],
      [`${snapshotPath('AA')}&sv=AA`, {}, 400, 'bad_state_vector'],
      [snapshotPath('A'.repeat(SNAPSHOT_DEFAULTS.maxStateVectorChars + 4)), {}, 400, 'bad_state_vector'],
      [snapshotPath(), { Range: `bytes=${Array.from({ length: 1000 }, (_, i) => `${i}-${i}`).join(',')}` }, 400, 'bad_range'],
      [snapshotPath(), { Range: 'bytes=-5--3' }, 400, 'bad_range'],
      [snapshotPath(), { Range: 'bytes=-' }, 400, 'bad_range'],
      [snapshotPath(), { Range: 'bytes=20-10' }, 400, 'bad_range'],
      [snapshotPath(), { Range: 'lines=0-10' }, 400, 'bad_range'],
      [snapshotPath(), { Range: 'bytes=99999999999999999999-' }, 400, 'bad_range'],
      [snapshotPath(), { Range: `bytes=${total}-` }, 416, 'range_not_satisfiable'],
      [snapshotPath(), { Range: 'bytes=-0' }, 416, 'range_not_satisfiable'],
      ['/api/documents/no-such-act-here/snapshot', {}, 404, 'not_found'],
      ['/api/documents/..%2F..%2Fetc/snapshot', {}, 404, 'not_found'],
    ];
    for (const [path, headers, status, code] of cases) {
      const answer = await get(path, headers);
      expect({ path: path.slice(0, 80), headers: JSON.stringify(headers).slice(0, 60), status: answer.status, code: errorCode(answer.bytes) }).toEqual({
        path: path.slice(0, 80),
        headers: JSON.stringify(headers).slice(0, 60),
        status,
        code,
      });
      if (status === 416) expect(answer.headers.get('content-range')).toBe(`bytes */${total}`);
    }
    // A suffix range and a range past the end are served as RFC 9110 says: clipped to the snapshot.
    expect((await get(snapshotPath(), { Range: 'bytes=-10' })).bytes.length).toBe(10);
    expect((await get(snapshotPath(), { Range: `bytes=${total - 5}-${total + 1000}` })).bytes.length).toBe(5);
    expect((await api(server, owner, 'GET', '/api/health')).status).toBe(200);
  });

  test('no snapshot without a valid token, and a reader never resumes into the history an editor was sent', async () => {
    expect((await get(snapshotPath(), {}, null)).status).toBe(401);
    expect((await get(snapshotPath(), {}, 'not-a-member-token-at-all')).status).toBe(401);
    const stranger = await get(snapshotPath(), { Range: 'bytes=0-99' }, null);
    expect(stranger.status).toBe(401);
    expect(stranger.headers.get('etag')).toBeNull();

    // The owner's snapshot carries the deleted text of the rename above; the observer's must not, even when
    // the observer names the owner's snapshot in If-Range.
    const ownerTag = (await get(snapshotPath())).headers.get('etag')!;
    const observed = await get(snapshotPath(), { Range: 'bytes=0-99', 'If-Range': ownerTag }, observer);
    expect(observed.status).toBe(200);
    expect(observed.headers.get('etag')).not.toBe(ownerTag);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, observed.bytes);
    expect(plainTextOf(doc, docId)).toContain('ეთიკის კოდექსი, ახალი რედაქცია');
  });
});
