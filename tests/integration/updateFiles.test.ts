import * as Y from 'yjs';
import type { z } from 'zod';
import { describe, expect, test } from 'vitest';
import type { ChangesResponse } from '../../shared/api/changes';
import type { Role } from '../../shared/api/members';
import type { NewSuggestionRequest } from '../../shared/api/suggestions';
import { sha256Text } from '../../shared/updateFile/hmacSha256';
import { decodeUpdateFile, encodeUpdateFile, updateFileKey, type QueuedCommentInput } from '../../shared/updateFile/updateFileCodec';
import { addMember, spliceBlock, type TestMember } from '../helpers/attributionHelpers';
import { connectClient, type LexicalClient } from '../helpers/lexicalClient';
import { cleanupAfterEach, serverForTest } from '../helpers/lifecycle';
import { anchorOn } from '../helpers/reviewHelpers';
import { api, waitFor } from '../helpers/testServer';
import { caller, walk, WITHOUT_CONSULTATION } from '../helpers/workflowHelpers';

const cleanup = cleanupAfterEach();
type SuggestionInput = z.input<typeof NewSuggestionRequest>;
type Server = Awaited<ReturnType<typeof serverForTest>>['server'];

/** A blank English act with a drafter (Alice) and a reviewer (Rezo). */
async function scene() {
  const { server, token } = await serverForTest(cleanup);
  const alice = await addMember(server, token, 'Alice', 'drafter');
  const rezo = await addMember(server, token, 'Rezo', 'reviewer');
  const created = await api(server, token, 'POST', '/api/documents', { title: 'Hotline', language: 'en' });
  expect(created.status).toBe(201);
  const docId = created.body.id as string;
  const version = await api(server, token, 'POST', `/api/documents/${docId}/versions`, { name: 'Before the trip' });
  expect(version.status).toBe(201);
  return { server, owner: token, alice, rezo, docId, versionId: version.body.id as string };
}

/**
 * A member's client that syncs once, then loses the connection and works offline, as a member in a village
 * would: the base of its file is the state the server acknowledged (what it had synced).
 */
async function offlineClient(server: Server, docId: string, member: TestMember): Promise<{ client: LexicalClient; base: Uint8Array }> {
  const client = await connectClient(server.url, docId, member.token);
  cleanup.push(() => client.destroy());
  const base = Y.encodeStateVector(client.doc);
  client.provider.disconnect();
  await waitFor(() => !client.provider.wsconnected, 'the client to go offline');
  return { client, base };
}

/** The `.sajaro` file the member's app writes: its changes since the base and its queued comments, signed with its token. */
function memberFile(member: TestMember, docId: string, client: LexicalClient, base: Uint8Array, comments: QueuedCommentInput[] = [], suggestions: SuggestionInput[] = []): Uint8Array {
  return encodeUpdateFile(
    {
      kind: 'member-changes',
      memberId: member.id,
      createdAt: new Date().toISOString(),
      appVersion: '0.1.0',
      acts: [{ docId, baseStateVector: base, updates: [Y.encodeStateAsUpdate(client.doc, base)], comments, suggestions }],
    },
    updateFileKey(sha256Text(member.token)),
  );
}

async function load(server: Server, token: string, bytes: Uint8Array) {
  const response = await fetch(`${server.url}/api/documents/import-changes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' },
    body: Buffer.from(bytes),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const serverText = async (server: Server, token: string, docId: string) => (await api(server, token, 'GET', `/api/documents/${docId}/text`)).body as string;

/** What a member would notice of the act: its text, its comment threads with their replies, its audit entries. */
async function observable(server: Server, owner: string, docId: string) {
  const threads = (await api(server, owner, 'GET', `/api/documents/${docId}/comments`)).body.threads as Array<{ id: string; replies: unknown[] }>;
  const audit = (await api(server, owner, 'GET', `/api/audit?docId=${docId}&limit=1000`)).body;
  return { text: await serverText(server, owner, docId), threads: threads.map((t) => [t.id, t.replies.length]), audit: JSON.stringify(audit) };
}

describe('work carried by hand: .sajaro update files', () => {
  test('a drafter’s offline text and queued comment come in under her name; loading the file twice changes nothing', async () => {
    const { server, owner, alice, docId, versionId } = await scene();
    const { client, base } = await offlineClient(server, docId, alice);
    spliceBlock(client, 'Entry into force', 'Entry into force'.length, 0, ' and the hotline');
    const comment: QueuedCommentInput = { kind: 'thread', body: { id: 'th-offline-alice-1', anchor: anchorOn(client.doc, 'the hotline') as never, text: 'Name the hotline number here' } };
    const file = memberFile(alice, docId, client, base, [comment]);

    const loaded = await load(server, owner, file);
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
    expect(loaded.body).toEqual({ applied: [{ docId, updates: 1, comments: 1, suggestions: 0 }], refused: [] });
    expect(await serverText(server, owner, docId)).toContain('Entry into force and the hotline');
    const threads = (await api(server, owner, 'GET', `/api/documents/${docId}/comments`)).body.threads;
    expect(threads.map((t: any) => [t.id, t.author.name, t.anchor.quote ?? t.quote])).toEqual([['th-offline-alice-1', 'Alice', 'the hotline']]);
    const changes = (await api(server, owner, 'GET', `/api/documents/${docId}/changes?since=${versionId}`)).body as ChangesResponse;
    const lines = changes.articles.flatMap((a) => a.changes.map((c) => `${c.kind} '${c.text}' by ${c.member.name}`));
    expect(lines).toEqual(["insert ' and the hotline' by Alice"]);

    const before = await observable(server, owner, docId);
    const again = await load(server, alice.token, file);
    expect(again.body).toEqual({ applied: [{ docId, updates: 0, comments: 0, suggestions: 0 }], refused: [] });
    expect(await observable(server, owner, docId)).toEqual(before);

    // The client comes back online later: the same changes are already there, nothing doubles.
    client.provider.connect();
    await waitFor(() => client.provider.synced, 'the client to sync again');
    expect((await serverText(server, owner, docId)).match(/and the hotline/g)).toHaveLength(1);
  });

  test('a reviewer’s file cannot change the text, but her queued comment and suggestion go in, once', async () => {
    const { server, owner, rezo, docId } = await scene();
    const { client, base } = await offlineClient(server, docId, rezo);
    const comment: QueuedCommentInput = { kind: 'thread', body: { id: 'th-offline-rezo-1', anchor: anchorOn(client.doc, 'Entry into force') as never, text: 'Cite the law' } };
    spliceBlock(client, 'Entry into force', 0, 0, 'Forged ');
    const before = await serverText(server, owner, docId);
    const suggestion: SuggestionInput = { id: 'sg-offline-rezo-1', target: { blockKey: 'title:0', quote: 'Hotline' }, text: 'Citizens’ hotline' };
    const file = memberFile(rezo, docId, client, base, [comment], [suggestion]);
    const loaded = await load(server, rezo.token, file);
    expect(loaded.status).toBe(200);
    expect(loaded.body.applied).toEqual([{ docId, updates: 0, comments: 1, suggestions: 1 }]);
    const listed = (await api(server, owner, 'GET', `/api/documents/${docId}/suggestions`)).body.suggestions;
    expect(listed.map((s: any) => [s.id, s.author.name, s.text])).toEqual([['sg-offline-rezo-1', 'Rezo', 'Citizens’ hotline']]);
    // Loaded again by a coordinator: the same suggestion and comment, not a second of each.
    expect((await load(server, owner, file)).body.applied).toEqual([{ docId, updates: 0, comments: 0, suggestions: 0 }]);
    expect((await api(server, owner, 'GET', `/api/documents/${docId}/suggestions`)).body.suggestions).toHaveLength(1);
    expect(loaded.body.refused).toEqual([{ docId, reason: expect.stringMatching(/text was not changed: Rezo may not edit it .*role 'reviewer'/) }]);
    expect(await serverText(server, owner, docId)).toBe(before);
    expect((await api(server, owner, 'GET', `/api/documents/${docId}/comments`)).body.threads.map((t: any) => t.id)).toEqual(['th-offline-rezo-1']);
  });

  test('tampered, truncated, foreign and garbage files are refused with 400 bad_update_file naming what, and change nothing', async () => {
    const { server, owner, alice, docId } = await scene();
    const { client, base } = await offlineClient(server, docId, alice);
    spliceBlock(client, 'Entry into force', 0, 0, 'Offline ');
    const file = memberFile(alice, docId, client, base);
    const before = await observable(server, owner, docId);

    const tampered = file.slice();
    // A byte inside the Yjs update: the structure still reads, only the signature fails.
    tampered[file.length - 40] = tampered[file.length - 40]! ^ 0x20;
    const stranger: TestMember = { id: 'm-elsewhere01', name: 'Stranger', token: 'a-token-of-another-workspace' };
    const foreign = memberFile(stranger, docId, client, base);
    const signedByAnother = encodeUpdateFile(decodeAs(file, alice.id), updateFileKey(sha256Text('not alice’s token')));
    const cases: Array<[string, Uint8Array, RegExp]> = [
      ['tampered', tampered, /signature does not match member 'Alice'|not Yjs updates/],
      ['truncated', file.subarray(0, file.length - 50), /truncated/],
      ['foreign', foreign, /another workspace/],
      ['signed with another token', signedByAnother, /signature does not match member 'Alice'/],
      ['not a file', new TextEncoder().encode('PK\u0003\u0004 a zip'), /not a Sajaro update file/],
    ];
    for (const [what, bytes, message] of cases) {
      const loaded = await load(server, owner, bytes);
      expect(loaded.status, what).toBe(400);
      expect(loaded.body.error.code, what).toBe('bad_update_file');
      expect(loaded.body.error.message, what).toMatch(message);
    }
    const json = await api(server, owner, 'POST', '/api/documents/import-changes', { not: 'a file' });
    expect(json.status).toBe(400);
    expect(json.body.error.code).toBe('bad_update_file');
    // JSON keeps the API's 1 MiB limit on this route; only the file's own parser takes 50 MB.
    const bigJson = await api(server, owner, 'POST', '/api/documents/import-changes', { filler: 'x'.repeat(2 * 1024 * 1024) });
    expect(bigJson.status).toBe(413);
    const bigFile = await load(server, owner, new Uint8Array(51 * 1024 * 1024));
    expect(bigFile.status).toBe(413);
    expect(bigFile.body.error.message).toMatch(/at most 52428800 bytes/);
    expect(await observable(server, owner, docId)).toEqual(before);

    // A member may load only their own file; a coordinator anyone's.
    const { rezo } = { rezo: await addMember(server, owner, 'Rezo2', 'reviewer') };
    const notHers = await load(server, rezo.token, file);
    expect(notHers.status).toBe(403);
    expect(await observable(server, owner, docId)).toEqual(before);
  });

  test('a file whose act has been adopted since is refused with the reason, and nothing of it is applied', async () => {
    const { server, owner, alice, docId } = await scene();
    const { client, base } = await offlineClient(server, docId, alice);
    spliceBlock(client, 'Entry into force', 0, 0, 'Late ');
    const comment: QueuedCommentInput = { kind: 'thread', body: { id: 'th-offline-late-1', anchor: anchorOn(client.doc, 'Late') as never, text: 'Too late?' } };
    const file = memberFile(alice, docId, client, base, [comment]);
    await walk(caller(server, owner), docId, WITHOUT_CONSULTATION.slice(0, 5));
    const before = await observable(server, owner, docId);
    const loaded = await load(server, owner, file);
    expect(loaded.status).toBe(200);
    expect(loaded.body.applied).toEqual([]);
    expect(loaded.body.refused).toEqual([{ docId, reason: expect.stringMatching(/locked, nothing was applied/) }]);
    expect(await observable(server, owner, docId)).toEqual(before);
  });

  test('export-changes: the act since a member’s state, loaded into a copy with no connection, equals the server’s', async () => {
    const { server, owner, alice, docId } = await scene();
    const { client, base } = await offlineClient(server, docId, alice);
    // Meanwhile a colleague edits online.
    const online = await connectClient(server.url, docId, owner);
    cleanup.push(() => online.destroy());
    spliceBlock(online, 'Entry into force', 0, 0, 'Online ');
    await waitFor(async () => (await serverText(server, owner, docId)).includes('Online Entry'), 'the colleague’s edit stored');

    const sv = Buffer.from(base).toString('base64');
    const response = await fetch(`${server.url}/api/documents/${docId}/export-changes?since=${encodeURIComponent(sv)}`, { headers: { Authorization: `Bearer ${owner}` } });
    expect(response.status).toBe(200);
    const decoded = decodeUpdateFile(new Uint8Array(await response.arrayBuffer()));
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.value.kind).toBe('act-copy');
    for (const update of decoded.value.acts[0]!.updates) Y.applyUpdate(client.doc, update);
    await waitFor(() => client.text().includes('Online Entry into force'), 'the offline copy to show the colleague’s edit');
    expect(client.text()).toBe(online.text());

    const bad = await api(server, owner, 'GET', `/api/documents/${docId}/export-changes?since=%%%`);
    expect(bad.status).toBe(400);
    const reviewer = await addMember(server, owner, 'Rita', 'reviewer' satisfies Role);
    expect((await api(server, reviewer.token, 'GET', `/api/documents/${docId}/export-changes`)).status).toBe(403);
  });
});

/** The content of a decoded file, to sign it again with another key. */
function decodeAs(bytes: Uint8Array, memberId: string) {
  const decoded = decodeUpdateFile(bytes);
  if (!decoded.ok) throw new Error(decoded.error);
  return { ...decoded.value, memberId, acts: decoded.value.acts.map((a) => ({ ...a, comments: [...a.comments], suggestions: [] })) };
}
