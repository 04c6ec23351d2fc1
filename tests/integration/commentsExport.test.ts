import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { $getRoot, type LexicalNode } from 'lexical';
import { describe, expect, test } from 'vitest';
import { parseCsv } from '../helpers/csv';
import { cleanupAfterEach } from '../helpers/lifecycle';
import { convertWithLibreOffice } from '../../server/export/libreOffice';
import { $isArticleNode } from '../../shared/nodes';
import { connectClient } from '../helpers/lexicalClient';
import { $buildArticles, $textNodeWith, addMember, anchorOn } from '../helpers/reviewHelpers';
import { api, removeDir, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';

const cleanup = cleanupAfterEach();

const THREADS = [
  {
    needle: 'ადგენს წესებს',
    text: 'დაამატეთ „ეთიკის".',
    outcome: 'accepted',
    reason: 'დაემატა მე-2 პუნქტში.',
  },
  {
    needle: 'საჩუქრის მიღება',
    text: 'რა ითვლება საჩუქრად, "სიმბოლური" საჩუქრის ჩათვლით?',
    outcome: 'partly_accepted',
    reason: 'განმარტება დაემატა, ზღვარი არა.',
  },
  {
    needle: 'აცხადებს კონფლიქტს',
    text: 'ვის აცხადებს, წერილობით თუ ზეპირად?',
    outcome: 'rejected',
    reason: 'ეს კოდექსით უკვე არის მოწესრიგებული.',
  },
  { needle: 'მოსამსახურე', text: 'ტერმინი განსამარტია.', outcome: null, reason: '' },
] as const;

describe('the comments-and-responses record', () => {
  test('exports .docx (read by LibreOffice) and CSV with every thread, its outcome and reason, for now and for a version', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer(dataDir);
    cleanup.push(() => removeDir(dataDir));
    cleanup.push(() => server.stop());
    const owner = server.workspace.ownerToken;
    const lawyer = await addMember(server, owner, 'ნინო იურისტი', 'reviewer');
    const docId: string = (
      await api(server, owner, 'POST', '/api/documents', { title: 'ეთიკის კოდექსი', language: 'ka' })
    ).body.id;
    const alice = await connectClient(server.url, docId, owner);
    cleanup.push(() => alice.destroy());
    alice.edit(() =>
      $buildArticles([
        { heading: 'მიზანი', paragraphs: ['ეს კოდექსი ადგენს წესებს.'] },
        { heading: 'საჩუქრები', paragraphs: ['საჩუქრის მიღება აკრძალულია.'] },
        { heading: 'ინტერესთა კონფლიქტი', paragraphs: ['მოსამსახურე აცხადებს კონფლიქტს.'] },
      ]),
    );
    await waitFor(
      async () =>
        (await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body.includes('აცხადებს კონფლიქტს'),
      'the server has the articles',
    );

    const ids: string[] = [];
    for (const t of THREADS) {
      const posted = await api(server, lawyer, 'POST', `/api/documents/${docId}/comments`, {
        anchor: anchorOn(alice.doc, t.needle),
        text: t.text,
      });
      expect(posted.status).toBe(201);
      ids.push(posted.body.id);
      if (t.outcome) {
        const resolved = await api(
          server,
          owner,
          'POST',
          `/api/documents/${docId}/comments/${posted.body.id}/resolve`,
          { outcome: t.outcome, reason: t.reason },
        );
        expect(resolved.body.resolution).toMatchObject({ outcome: t.outcome, reason: t.reason });
      }
    }
    const reply = await api(server, owner, 'POST', `/api/documents/${docId}/comments`, {
      threadId: ids[3],
      text: 'განმარტება მე-3 მუხლში იქნება.',
    });
    expect(reply.status).toBe(201);

    // Freeze a version, then move "საჩუქრები" (article 2) to the end: it is article 3 now, article 2 in the version.
    const version = await api(server, owner, 'POST', `/api/documents/${docId}/versions`, {
      name: 'იურიდიული ექსპერტიზისთვის',
    });
    expect(version.status).toBe(201);
    alice.edit(() => {
      const blocks = $getRoot().getChildren();
      const starts = blocks.map((b, i) => ($isArticleNode(b) ? i : -1)).filter((i) => i >= 0);
      let anchor: LexicalNode = $textNodeWith('აცხადებს კონფლიქტს').node.getTopLevelElementOrThrow();
      for (const node of blocks.slice(starts[1], starts[2])) {
        anchor.insertAfter(node);
        anchor = node;
      }
    });
    await waitFor(async () => {
      const threads = (await api(server, owner, 'GET', `/api/documents/${docId}/comments`)).body.threads;
      return threads.find((t: any) => t.id === ids[1])?.anchor.articleNumber === 3;
    }, 'the comment on gifts follows its article to number 3');

    const csvNow = await fetch(`${server.url}/api/documents/${docId}/comments/export.csv?version=current`, {
      headers: { Authorization: `Bearer ${owner}` },
    });
    expect(csvNow.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csvNow.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual([
      '№',
      'მუხლი',
      'ციტირებული ტექსტი',
      'შემოთავაზებული ტექსტი',
      'შენიშვნა',
      'ავტორი',
      'თარიღი',
      'შედეგი',
      'დასაბუთება',
      'პასუხები',
      'საჯარო განხილვა',
    ]);
    expect(rows).toHaveLength(1 + THREADS.length);
    const byComment = new Map(rows.slice(1).map((r) => [r[4], r]));
    for (const t of THREADS) expect(byComment.get(t.text), t.text).toBeTruthy();
    expect(byComment.get(THREADS[1].text)).toEqual(
      expect.arrayContaining([
        'მუხლი 3',
        'საჩუქრის მიღება',
        'ნინო იურისტი',
        'ნაწილობრივ გათვალისწინებულია',
        THREADS[1].reason,
      ]),
    );
    expect(byComment.get(THREADS[0].text)?.[7]).toBe('გათვალისწინებულია');
    expect(byComment.get(THREADS[2].text)?.[7]).toBe('არ არის გათვალისწინებული');
    expect(byComment.get(THREADS[3].text)?.[7]).toBe('განსახილველია');
    expect(byComment.get(THREADS[3].text)?.[9]).toContain('განმარტება მე-3 მუხლში იქნება.');
    expect(byComment.get(THREADS[0].text)?.[6]).toMatch(/^\d{4} წლის \d{1,2} /);

    const csvThen = await api(
      server,
      owner,
      'GET',
      `/api/documents/${docId}/comments/export.csv?version=${version.body.id}`,
    );
    const then = new Map(
      parseCsv(String(csvThen.body).replace(/^\uFEFF/, ''))
        .slice(1)
        .map((r) => [r[4], r]),
    );
    expect(then.get(THREADS[1].text)?.[1]).toBe('მუხლი 2');

    const unknown = await api(
      server,
      owner,
      'GET',
      `/api/documents/${docId}/comments/export.csv?version=nope`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain("Unknown version 'nope'");

    const docx = await fetch(`${server.url}/api/documents/${docId}/comments/export.docx?version=current`, {
      headers: { Authorization: `Bearer ${owner}` },
    });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain('.docx');
    const outDir = tempDataDir('sajaro-record-');
    cleanup.push(() => removeDir(outDir));
    const file = join(outDir, 'record.docx');
    writeFileSync(file, new Uint8Array(await docx.arrayBuffer()));
    const [txt] = await convertWithLibreOffice([file], 'txt', outDir);
    const text = readFileSync(txt!, 'utf8');
    expect(text).toContain('შენიშვნები და პასუხები');
    for (const t of THREADS) {
      expect(text, t.text).toContain(t.text);
      if (t.reason) expect(text).toContain(t.reason);
    }
    for (const outcome of [
      'გათვალისწინებულია',
      'ნაწილობრივ გათვალისწინებულია',
      'არ არის გათვალისწინებული',
      'განსახილველია',
    ])
      expect(text).toContain(outcome);
    // LibreOffice writes table cells one per line in its text export; the gifts row names article 3.
    expect(text.indexOf('მუხლი 3')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('მუხლი 3')).toBeLessThan(text.indexOf(THREADS[1].text));
  });
});
