import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { convertWithLibreOffice } from '../../server/export/libreOffice';
import { addMember, spliceBlock } from '../helpers/attributionHelpers';
import { connectClient } from '../helpers/lexicalClient';
import { cleanupAfterEach, serverForTest } from '../helpers/lifecycle';
import { api, waitFor } from '../helpers/testServer';

const cleanup = cleanupAfterEach();

// LibreOffice's first start with a fresh profile is slow.
const LIBREOFFICE_TIMEOUT_MS = 120_000;

/** One tracked change as LibreOffice read it from the .docx: its kind, author, date and text. */
interface ReadChange {
  readonly kind: 'insertion' | 'deletion';
  readonly author: string;
  readonly date: string;
  readonly text: string;
}

const plain = (xml: string) =>
  xml
    .replace(/<text:s\/>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/**
 * The tracked changes of a flat ODF text, as LibreOffice writes them: each `text:changed-region` names its
 * kind and `dc:creator`, and its text stands in the body between its change-start and change-end marks.
 */
function trackedChanges(fodt: string): ReadChange[] {
  const regions = [...fodt.matchAll(/<text:changed-region\b[^>]*\btext:id="([^"]+)"[^>]*>([\s\S]*?)<\/text:changed-region>/g)];
  return regions.map(([, id, body]) => {
    const kind = /<text:insertion/.test(body!) ? 'insertion' : 'deletion';
    const author = /<dc:creator>([^<]*)<\/dc:creator>/.exec(body!)?.[1] ?? '';
    const date = /<dc:date>([^<]*)<\/dc:date>/.exec(body!)?.[1] ?? '';
    // LibreOffice keeps both kinds in the body between the change's marks; older versions kept deleted text
    // inside the region itself.
    const marked = new RegExp(`<text:change-start text:change-id="${id}"/>([\\s\\S]*?)<text:change-end text:change-id="${id}"/>`).exec(fodt)?.[1];
    const text = plain(marked ?? body!.replace(/<office:change-info>[\s\S]*?<\/office:change-info>/, ''));
    return { kind, author, date, text };
  });
}

describe('a comparison as Word tracked changes', () => {
  test('each change is a w:ins or w:del with its author’s name and time, as LibreOffice reads the file', async () => {
    const { server, token } = await serverForTest(cleanup);
    const nino = await addMember(server, token, 'ნინო ბერიძე', 'drafter');
    const giorgi = await addMember(server, token, 'Giorgi Maisuradze', 'drafter');
    const olga = await addMember(server, token, 'Olga', 'observer');
    const docId = (await api(server, token, 'POST', '/api/documents', { title: 'ცხელი ხაზის შესახებ', language: 'ka' })).body.id as string;
    const version = await api(server, token, 'POST', `/api/documents/${docId}/versions`, { name: 'პროექტი' });
    const before = Date.now();

    const a = await connectClient(server.url, docId, nino.token);
    cleanup.push(() => a.destroy());
    const b = await connectClient(server.url, docId, giorgi.token);
    cleanup.push(() => b.destroy());
    spliceBlock(a, 'ზოგადი დებულებები', 0, 'ზოგადი '.length, '');
    spliceBlock(a, 'დებულებები', 'დებულებები'.length, 0, ' და მიზნები');
    const force = 'ეს დადგენილება ამოქმედდეს გამოქვეყნებისთანავე.';
    spliceBlock(b, force, force.indexOf('გამოქვეყნებისთანავე'), 'გამოქვეყნებისთანავე'.length, '2027 წლის 1 მარტიდან');
    await waitFor(async () => {
      const text = (await api(server, token, 'GET', `/api/documents/${docId}/text`)).body as string;
      return text.includes('დებულებები და მიზნები') && text.includes('1 მარტიდან');
    }, 'both edits stored');

    const exported = await fetch(`${server.url}/api/documents/${docId}/diff/export.docx?from=${version.body.id}&to=current`, { headers: { Authorization: `Bearer ${olga.token}` } });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.docx"; filename\*=UTF-8''/);

    const dir = await mkdtemp(join(tmpdir(), 'sajaro-tracked-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'compare.docx');
    await writeFile(file, Buffer.from(await exported.arrayBuffer()));
    const [fodt] = await convertWithLibreOffice([file], 'fodt', dir, { timeoutMs: LIBREOFFICE_TIMEOUT_MS });
    const changes = trackedChanges(await readFile(fodt!, 'utf8'));

    expect(changes.map(({ kind, author, text }) => ({ kind, author, text }))).toEqual([
      { kind: 'deletion', author: 'ნინო ბერიძე', text: 'ზოგადი ' },
      { kind: 'insertion', author: 'ნინო ბერიძე', text: ' და მიზნები' },
      { kind: 'deletion', author: 'Giorgi Maisuradze', text: 'გამოქვეყნებისთანავე' },
      { kind: 'insertion', author: 'Giorgi Maisuradze', text: '2027 წლის 1 მარტიდან' },
    ]);
    // Each change carries the time of the edit that made it, not of the export.
    for (const change of changes) {
      expect(Date.parse(`${change.date}Z`) || Date.parse(change.date), change.date).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    }
  }, LIBREOFFICE_TIMEOUT_MS + 30_000);
});
