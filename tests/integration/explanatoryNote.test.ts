import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import { $createTextNode, $getRoot, type ElementNode } from 'lexical';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { noteRoomId } from '../../shared/note/noteRoom';
import { $isNoteSectionNode } from '../../shared/nodes/NoteSectionNode';
import { convertWithLibreOffice } from '../../server/export/libreOffice';
import { createNoteEditor } from '../../server/note/noteEditor';
import { cleanupAfterEach, serverForTest } from '../helpers/lifecycle';
import { connectClient, type LexicalClient } from '../helpers/lexicalClient';
import { serverAnswered } from '../helpers/syncProbe';
import { api, removeDir, tempDataDir, waitFor } from '../helpers/testServer';

/** Issue 13, §3: the explanatory note, edited live in its own room, frozen with versions and exported. */
const cleanup = cleanupAfterEach();
type Server = Awaited<ReturnType<typeof serverForTest>>['server'];

async function newAct(server: Server, token: string, language: 'ka' | 'en' = 'ka'): Promise<string> {
  const created = await api(server, token, 'POST', '/api/documents', { title: language === 'ka' ? 'ცხელი ხაზის შესახებ' : 'On the hotline', language });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

async function noteClient(server: Server, docId: string, token: string): Promise<LexicalClient & { denied: string[] }> {
  const client = await connectClient(server.url, noteRoomId(docId), token, { createEditor: createNoteEditor });
  cleanup.push(() => client.destroy());
  const denied: string[] = [];
  client.provider.messageHandlers[2] = (_encoder, decoder) => {
    if (decoding.readVarUint(decoder) === 0) denied.push(decoding.readVarString(decoder));
  };
  return Object.assign(client, { denied });
}

/** Appends text to the first paragraph of the note's section `key`. */
function typeIn(client: LexicalClient, key: string, text: string): void {
  client.edit(() => {
    const section = $getRoot()
      .getChildren()
      .find((node) => $isNoteSectionNode(node) && node.getSectionKey() === key);
    expect(section, `section ${key}`).toBeDefined();
    ((section as ElementNode).getFirstChild() as ElementNode).append($createTextNode(text));
  });
}

const sectionText = (note: { sections: Array<{ key: string; text: string }> }, key: string) => note.sections.find((s) => s.key === key)?.text;

async function refusedStatus(server: Server, path: string): Promise<number> {
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}${path}`);
  return new Promise((resolve) => {
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('error', () => {});
  });
}

describe('the explanatory note', () => {
  test('two stock clients co-edit the note; GET note shows it; the act is untouched', async () => {
    const { server, token } = await serverForTest(cleanup);
    const docId = await newAct(server, token);
    const fresh = await api(server, token, 'GET', `/api/documents/${docId}/note`);
    expect(fresh.status).toBe(200);
    expect(fresh.body.heading).toBe('განმარტებითი ბარათი');
    expect(fresh.body.sections.map((s: { title: string }) => s.title)).toEqual([
      'პროექტის მიღების მიზეზი',
      'პროექტის მიზანი',
      'პროექტის ძირითადი არსი',
      'პროექტის გავლენა მუნიციპალიტეტის ბიუჯეტზე (შემოსავლები და ხარჯები)',
      'ჩატარებული კონსულტაციები და მათი შედეგები',
      'პროექტის ავტორი და წარმდგენი',
    ]);

    const [nino, giorgi] = [await noteClient(server, docId, token), await noteClient(server, docId, token)];
    typeIn(nino, 'reason', 'მოქალაქეებს ცხელი ხაზი სჭირდებათ');
    typeIn(giorgi, 'budget', 'ბიუჯეტზე გავლენა არ აქვს');
    await waitFor(() => [nino, giorgi].every((c) => c.text().includes('სჭირდებათ') && c.text().includes('არ აქვს')), 'both edits reach both clients');

    await waitFor(async () => sectionText((await api(server, token, 'GET', `/api/documents/${docId}/note`)).body, 'budget') === 'ბიუჯეტზე გავლენა არ აქვს', 'GET note shows the edit');
    const note = (await api(server, token, 'GET', `/api/documents/${docId}/note`)).body;
    expect(sectionText(note, 'reason')).toBe('მოქალაქეებს ცხელი ხაზი სჭირდებათ');
    expect(sectionText(note, 'aim')).toBe('');
    // The note is its own document: the act's text does not carry it.
    expect((await api(server, token, 'GET', `/api/documents/${docId}/text`)).body).not.toContain('სჭირდებათ');

    // Stored, not only live: a reconnecting client after everyone left reads it back from the store.
    nino.destroy();
    giorgi.destroy();
    const later = await noteClient(server, docId, token);
    expect(later.text()).toContain('სჭირდებათ');
    expect(later.text()).toContain('არ აქვს');
  });

  test('a frozen version keeps the note as it was', async () => {
    const { server, token } = await serverForTest(cleanup);
    const docId = await newAct(server, token, 'en');
    const client = await noteClient(server, docId, token);
    typeIn(client, 'aim', 'A hotline for every citizen');
    await waitFor(async () => sectionText((await api(server, token, 'GET', `/api/documents/${docId}/note`)).body, 'aim') === 'A hotline for every citizen', 'the edit is stored');
    const saved = await api(server, token, 'POST', `/api/documents/${docId}/versions`, { name: 'Before the budget' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    typeIn(client, 'aim', ', open day and night');
    await waitFor(async () => sectionText((await api(server, token, 'GET', `/api/documents/${docId}/note`)).body, 'aim') === 'A hotline for every citizen, open day and night', 'the later edit is stored');

    const frozen = await api(server, token, 'GET', `/api/documents/${docId}/note?version=${saved.body.id}`);
    expect(frozen.status).toBe(200);
    expect(sectionText(frozen.body, 'aim')).toBe('A hotline for every citizen');
    // The version made when the act was created holds the note as seeded.
    const first = (await api(server, token, 'GET', `/api/documents/${docId}/versions`)).body.versions[0];
    expect(sectionText((await api(server, token, 'GET', `/api/documents/${docId}/note?version=${first.id}`)).body, 'aim')).toBe('');
    // The audit entry of the version ties it to the note's exact bytes too.
    const audit = server.workspace.db.prepare<[string], { payload: string }>("SELECT payload FROM audit_log WHERE action = 'version.frozen' AND payload LIKE ?").get(`%${saved.body.id}%`);
    expect(JSON.parse(audit!.payload).noteStateSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test("an observer's writes to the note are refused and change nothing; bad rooms are refused", async () => {
    const { server, token } = await serverForTest(cleanup);
    const docId = await newAct(server, token, 'en');
    const observer = await api(server, token, 'POST', '/api/members', { name: 'Eka', role: 'observer' });
    expect(observer.status).toBe(201);
    const watcher = await noteClient(server, docId, token);
    const eka = await noteClient(server, docId, observer.body.token);
    typeIn(eka, 'reason', 'observer-was-here');
    await waitFor(() => eka.denied.length > 0, 'the observer is told the edit was refused');
    expect(eka.denied[0]).toMatch(/read-only: the role 'observer' may not edit the text/);
    typeIn(watcher, 'reason', 'coordinator-was-here');
    await serverAnswered(watcher.provider);
    const note = (await api(server, token, 'GET', `/api/documents/${docId}/note`)).body;
    expect(sectionText(note, 'reason')).toBe('coordinator-was-here');
    expect(JSON.stringify(note)).not.toContain('observer-was-here');
    expect(watcher.text()).not.toContain('observer-was-here');

    for (const path of [`/sync/${docId}--note--note`, `/sync/${docId}--NOTE`, '/sync/doc-nothinghere1--note', `/sync/${docId}--note/x`, `/sync/${encodeURIComponent(`${docId}--note`)}%`]) {
      expect(await refusedStatus(server, `${path}?token=${token}`), path).toBeGreaterThanOrEqual(400);
    }
    expect(await refusedStatus(server, `/sync/${docId}--note`)).toBe(401);
    expect(await refusedStatus(server, `/sync/${docId}--note?token=${token}`)).toBe(101);
  });

  test("the note's attribution is enforced: nobody writes under another member's client id, nor the server's seed", async () => {
    const { server, token } = await serverForTest(cleanup);
    const docId = await newAct(server, token, 'en');
    const drafter = (await api(server, token, 'POST', '/api/members', { name: 'Levan', role: 'drafter' })).body.token as string;
    const owner = await noteClient(server, docId, token);
    typeIn(owner, 'reason', 'owner-wrote');
    await waitFor(async () => sectionText((await api(server, token, 'GET', `/api/documents/${docId}/note`)).body, 'reason') === 'owner-wrote', 'stored');
    const levan = await noteClient(server, docId, drafter);
    const own = levan.doc.clientID;
    levan.doc.clientID = owner.doc.clientID;
    cleanup.push(() => (levan.doc.clientID = own));
    typeIn(levan, 'aim', 'forged-as-owner');
    await waitFor(() => levan.denied.length > 0, 'the forger is told why');
    expect(levan.denied[0]).toMatch(/^refused: this update writes under the Yjs client id \d+, which belongs to/);
    await serverAnswered(owner.provider);
    expect(JSON.stringify((await api(server, token, 'GET', `/api/documents/${docId}/note`)).body)).not.toContain('forged-as-owner');
    // The seed's client id is the server's.
    const system = server.workspace.db.prepare("SELECT client_id FROM yjs_clients WHERE doc_id = ? AND member_id = 'system'").all(docId) as { client_id: number }[];
    const noteClients = new Set(Y.decodeUpdate(server.workspace.notes.load(docId)!).structs.map((struct) => struct.id.client));
    const seedClient = system.map((row) => row.client_id).find((id) => noteClients.has(id))!;
    expect(seedClient).toBeDefined();
    const other = await noteClient(server, docId, drafter);
    const otherOwn = other.doc.clientID;
    other.doc.clientID = seedClient;
    cleanup.push(() => (other.doc.clientID = otherOwn));
    typeIn(other, 'aim', 'forged-as-server');
    await waitFor(() => other.denied.length > 0, 'the second forger is told why');
    expect(other.denied[0]).toMatch(/which belongs to the server/);
    const audit = server.workspace.db.prepare("SELECT payload FROM audit_log WHERE action = 'sync.forged_client_id' AND doc_id = ?").all(docId) as { payload: string }[];
    expect(audit.map((row) => JSON.parse(row.payload).part)).toEqual(['note', 'note']);
  });

  test('the section list is a setting for coordinators; new acts follow it, bad lists and queries are refused', async () => {
    const { server, token } = await serverForTest(cleanup);
    const before = await newAct(server, token, 'en');
    const drafter = (await api(server, token, 'POST', '/api/members', { name: 'Levan', role: 'drafter' })).body.token as string;
    const sections = { sections: [{ key: 'basis', title: { ka: 'სამართლებრივი საფუძველი', en: 'Legal basis' } }, { key: 'reason', title: { ka: 'მიზეზი', en: 'Reason' } }] };
    expect((await api(server, drafter, 'PUT', '/api/note-sections', sections)).status).toBe(403);
    for (const bad of [{ sections: [] }, { sections: [sections.sections[0], sections.sections[0]] }, { sections: 'x' }, null, { sections: [{ key: 'a'.repeat(41), title: { ka: 'ა', en: 'a' } }] }]) {
      const refused = await api(server, token, 'PUT', '/api/note-sections', bad);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.body.error.code).toBe('invalid_note_sections');
    }
    expect((await api(server, token, 'GET', '/api/note-sections')).body.sections).toHaveLength(6);
    const saved = await api(server, token, 'PUT', '/api/note-sections', sections);
    expect(saved.status).toBe(200);
    expect((await api(server, drafter, 'GET', '/api/note-sections')).body).toEqual(sections);

    const after = await newAct(server, token, 'en');
    expect((await api(server, token, 'GET', `/api/documents/${after}/note`)).body.sections.map((s: { title: string }) => s.title)).toEqual(['Legal basis', 'Reason']);
    // An act keeps the note it was created with.
    expect((await api(server, token, 'GET', `/api/documents/${before}/note`)).body.sections).toHaveLength(6);

    expect((await api(server, token, 'GET', `/api/documents/${after}/note?version=ver-nope`)).status).toBe(404);
    expect((await api(server, token, 'GET', `/api/documents/${after}/note?format=pdf`)).status).toBe(400);
    expect((await api(server, token, 'GET', `/api/documents/${after}/note?version=${'x'.repeat(200)}`)).status).toBe(400);
    expect((await api(server, token, 'GET', '/api/documents/doc-nothinghere1/note')).status).toBe(404);
    expect((await api(server, token, 'GET', '/api/documents/..%2F..%2Fetc/note/export.docx')).status).toBe(404);
    expect((await api(server, null, 'GET', `/api/documents/${after}/note`)).status).toBe(401);
  });

  test('the exported .docx, read by LibreOffice, has the section titles and their text', async () => {
    const { server, token } = await serverForTest(cleanup);
    const docId = await newAct(server, token);
    const client = await noteClient(server, docId, token);
    typeIn(client, 'content', 'დადგენილება ქმნის ცხელ ხაზს');
    typeIn(client, 'authors', 'ვანის მუნიციპალიტეტის მერია');
    await waitFor(async () => sectionText((await api(server, token, 'GET', `/api/documents/${docId}/note`)).body, 'authors') !== '', 'the edits are stored');

    const response = await fetch(`${server.url}/api/documents/${docId}/note/export.docx`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    expect(response.headers.get('content-disposition')).toContain('.docx');
    const outDir = tempDataDir('sajaro-note-export-');
    cleanup.push(() => removeDir(outDir));
    const file = join(outDir, 'note.docx');
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const [txt] = await convertWithLibreOffice([file], 'txt', outDir);
    const text = readFileSync(txt!, 'utf8');
    const expected = ['განმარტებითი ბარათი', 'ცხელი ხაზის შესახებ', 'პროექტის მიღების მიზეზი', 'პროექტის ძირითადი არსი', 'დადგენილება ქმნის ცხელ ხაზს', 'პროექტის ავტორი და წარმდგენი', 'ვანის მუნიციპალიტეტის მერია'];
    let from = 0;
    for (const needle of expected) {
      const at = text.indexOf(needle, from);
      expect(at, `'${needle}' in order`).toBeGreaterThanOrEqual(0);
      from = at + needle.length;
    }
  }, 120_000);
});
