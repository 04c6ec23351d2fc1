import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { convertWithLibreOffice } from '../../server/export/libreOffice';
import { api, removeDir, ROOT, startTestServer, tempDataDir } from '../helpers/testServer';

const run = promisify(execFile);
let server: Awaited<ReturnType<typeof startTestServer>>;
let dataDir: string;
let token: string;
const outDir = tempDataDir('sajaro-export-');

beforeAll(async () => {
  dataDir = tempDataDir();
  server = await startTestServer(dataDir);
  token = server.workspace.ownerToken;
});
afterAll(async () => {
  await server.stop();
  removeDir(dataDir);
  removeDir(outDir);
});

/** Finds each needle after the previous one, so the test checks the order, not just presence. */
function expectInOrder(text: string, needles: readonly string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    expect(at, `'${needle}' after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

const ACTS = {
  ka: {
    chair: 'თამარ ჯაფარიძე',
    subparagraph: 'ბ) ამზადებს სამოქმედო გეგმის შესრულების წლიური ანგარიშის პროექტს',
    cell: 'საჩუქრების რეესტრის შექმნა',
    article: 'მუხლი',
    council: 'ვანის მუნიციპალიტეტის საკრებულო',
    type: 'დადგენილება',
  },
  en: {
    chair: 'Tamar Japaridze',
    subparagraph: 'b) prepare the draft annual report on the implementation of the action plan',
    cell: 'Register of gifts',
    article: 'Article',
    council: 'Sakrebulo of Vani Municipality',
    type: 'Ordinance',
  },
} as const;

describe('exporting a template-based act', () => {
  for (const language of ['ka', 'en'] as const) {
    test(`the ${language} .docx, read by LibreOffice, says what the act says, in order`, async () => {
      const expected = ACTS[language];
      const created = await api(server, token, 'POST', '/api/documents', {
        templateId: 'anti-corruption-action-plan',
        language,
        municipality: 'vani',
        adoptingBody: 'council',
        values: { chairName: expected.chair, actNumber: '23', date: '2026-11-20', planPeriod: '2027–2028' },
      });
      const docId: string = created.body.id;
      const model = (await api(server, token, 'GET', `/api/documents/${docId}/model`)).body;
      const response = await fetch(`${server.url}/api/documents/${docId}/export.docx?version=current`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('wordprocessingml');
      const disposition = response.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment; filename="[^"/\\]+\.docx"; filename\*=UTF-8''/);
      const file = join(outDir, `act-${language}.docx`);
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      const [txt] = await convertWithLibreOffice([file], 'txt', outDir);
      // Labels are followed by a tab to the hanging indent; compare with whitespace collapsed.
      const text = readFileSync(txt!, 'utf8').replace(/[\t ]+/g, ' ');

      const articleLabels = model.body
        .filter((b: { kind: string }) => b.kind === 'article')
        .map((a: { label: string }) => a.label);
      expect(articleLabels).toEqual([1, 2, 3, 4].map((n) => `${expected.article} ${n}`));
      expectInOrder(text, [expected.council, expected.type, '23', model.title, ...articleLabels]);
      expect(text).toContain(expected.subparagraph);
      expect(text.toLowerCase()).toContain(expected.cell.toLowerCase());
      expectInOrder(text, [articleLabels[3], expected.chair]);
    });
  }

  test('the Akoma Ntoso export parses and its article nums match the model', async () => {
    const created = await api(server, token, 'POST', '/api/documents', {
      templateId: 'code-of-ethics',
      language: 'ka',
      municipality: 'bagdati',
      values: {},
    });
    const docId: string = created.body.id;
    const model = (await api(server, token, 'GET', `/api/documents/${docId}/model`)).body;
    const xml = await (
      await fetch(`${server.url}/api/documents/${docId}/export.akn.xml`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    // The parser builds a tree without throwing: the document is usable, not only well-formed.
    expect(new XMLParser({ ignoreAttributes: false }).parse(xml).akomaNtoso).toBeDefined();
    const articleNums = [...xml.matchAll(/<article [^>]*>\s*<num>([^<]*)<\/num>/g)].map((m) => m[1]);
    const expected = model.body
      .filter((b: { kind: string }) => b.kind === 'article' || b.kind === 'chapter')
      .flatMap((b: { kind: string; label: string }) => (b.kind === 'article' ? [b.label] : []));
    expect(articleNums).toEqual(expected);
    expect(xml).toContain('<bill');
    expect(xml).toMatch(/\/akn\/ge-bagdati\/act\/dadgenileba\//);
  });

  test('an unknown version is a 404 naming it', async () => {
    const created = await api(server, token, 'POST', '/api/documents', { title: 'x', language: 'en' });
    const response = await api(
      server,
      token,
      'GET',
      `/api/documents/${created.body.id}/export.docx?version=v-nope`,
    );
    expect(response.status).toBe(404);
    expect(response.body.error.message).toMatch(/Unknown version 'v-nope'/);
  });
});

describe('npm run export', () => {
  const cli = (args: string[]) =>
    run('npx', ['tsx', join(ROOT, 'server/cli/main.ts'), 'export', ...args], { cwd: ROOT }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        stdout: e.stdout,
        stderr: e.stderr,
      }),
    );

  test('writes the act, and refuses unknown documents, versions and formats without leaving a file', async () => {
    const created = await api(server, token, 'POST', '/api/documents', {
      templateId: 'hotline',
      language: 'en',
      municipality: 'khoni',
      values: {},
    });
    const docId: string = created.body.id;
    const out = join(outDir, 'cli.akn.xml');
    const ok = await cli(['--data', dataDir, '--doc', docId, '--format', 'akn', '--out', out]);
    expect(ok.code).toBe(0);
    expect(XMLValidator.validate(readFileSync(out, 'utf8'))).toBe(true);

    const cases: Array<[string[], RegExp]> = [
      [
        ['--data', dataDir, '--doc', 'doc-unknown99', '--format', 'docx', '--out', join(outDir, 'a.docx')],
        /Unknown document 'doc-unknown99'/,
      ],
      [
        [
          '--data',
          dataDir,
          '--doc',
          docId,
          '--format',
          'docx',
          '--version',
          'v-missing',
          '--out',
          join(outDir, 'b.docx'),
        ],
        /Unknown version 'v-missing'/,
      ],
      [
        ['--data', dataDir, '--doc', docId, '--format', 'pdf', '--out', join(outDir, 'c.pdf')],
        /Unknown format 'pdf': expected one of docx, akn/,
      ],
      [
        [
          '--data',
          join(outDir, 'nowhere'),
          '--doc',
          docId,
          '--format',
          'docx',
          '--out',
          join(outDir, 'd.docx'),
        ],
        /No workspace in/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(args[args.length - 1]!)).toBe(false);
    }
    expect(readdirSync(outDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
