import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentModel } from '../../../shared/model/documentModel';
import {
  ADOPTED_CONTEXT,
  DRAFT_CONTEXT,
  ENGLISH_ACT,
  GEORGIAN_ACT,
  OZURGETI_ADOPTED_CONTEXT,
} from '../../../tests/fixtures/exportModels';
import { convertWithLibreOffice } from '../libreOffice';
import { exportDocx } from './exportDocx';

// LibreOffice's first start with a fresh profile is slow; all files are converted in one run.
const LIBREOFFICE_TIMEOUT_MS = 120_000;

/** An act at the edges of the model: no title, a fourth level, line breaks, ragged and empty tables. */
const EDGE_ACT: DocumentModel = {
  ...GEORGIAN_ACT,
  title: '',
  preamble: [],
  body: [
    { kind: 'text', text: 'პირველი სტრიქონი\nმეორე სტრიქონი' },
    {
      kind: 'article',
      key: 'a',
      number: 1,
      label: 'მუხლი 1',
      heading: '',
      content: [
        {
          kind: 'clause',
          key: 'p',
          depth: 0,
          path: [1],
          label: '1.',
          text: 'პუნქტი:',
          children: [
            {
              kind: 'clause',
              key: 'pa',
              depth: 1,
              path: [1, 1],
              label: 'ა)',
              text: 'ქვეპუნქტი:',
              children: [
                {
                  kind: 'clause',
                  key: 'paa',
                  depth: 2,
                  path: [1, 1, 1],
                  label: 'ა.ა)',
                  text: 'მესამე დონე:',
                  children: [
                    {
                      kind: 'clause',
                      key: 'paaa',
                      depth: 3,
                      path: [1, 1, 1, 1],
                      label: 'ა.ა.ა)',
                      text: 'მეოთხე დონე.',
                      children: [],
                    },
                  ],
                },
              ],
            },
          ],
        },
        { kind: 'table', rows: [] },
        { kind: 'table', rows: [['სვეტი 1', 'სვეტი 2'], ['მხოლოდ ერთი უჯრა']] },
      ],
    },
  ],
  annexes: [{ key: 'x', number: 1, label: '', heading: 'უსათაურო დანართი', body: [] }],
};

let dir = '';
const docx: Record<string, Uint8Array> = {};
const text: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sajaro-docx-'));
  const exports = {
    ka: await exportDocx(GEORGIAN_ACT, DRAFT_CONTEXT),
    en: await exportDocx(ENGLISH_ACT, OZURGETI_ADOPTED_CONTEXT),
    kaAdopted: await exportDocx(GEORGIAN_ACT, ADOPTED_CONTEXT),
    edge: await exportDocx(EDGE_ACT, DRAFT_CONTEXT),
  };
  const files: string[] = [];
  for (const [name, bytes] of Object.entries(exports)) {
    docx[name] = bytes;
    files.push(join(dir, `${name}.docx`));
    await writeFile(join(dir, `${name}.docx`), bytes);
  }
  const written = await convertWithLibreOffice(files, 'txt', dir, { timeoutMs: LIBREOFFICE_TIMEOUT_MS });
  for (const [i, name] of Object.keys(exports).entries()) {
    text[name] = (await readFile(written[i] ?? '', 'utf8')).replace(/^\uFEFF/, '');
  }
}, LIBREOFFICE_TIMEOUT_MS + 30_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Positions of `needles` in `haystack`, each searched after the previous one. */
function positions(haystack: string, needles: readonly string[]): number[] {
  let from = 0;
  return needles.map((needle) => {
    const at = haystack.indexOf(needle, from);
    from = at === -1 ? from : at + needle.length;
    return at;
  });
}

function expectInOrder(haystack: string, needles: readonly string[]): void {
  const at = positions(haystack, needles);
  expect(
    at.filter((p) => p === -1),
    `missing one of ${needles.join(' | ')}`,
  ).toEqual([]);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
}

describe('a Georgian act read back by LibreOffice', () => {
  test('has its header, title, preamble and formula at the top', () => {
    expectInOrder(text.ka ?? '', [
      'ბაღდათის მუნიციპალიტეტის საკრებულო',
      'დადგენილება',
      '№ ______',
      'ქ. ბაღდათი',
      'ბაღდათის მუნიციპალიტეტის ცხელი ხაზის შესახებ',
      '„ადგილობრივი თვითმმართველობის შესახებ“',
      'ბაღდათის მუნიციპალიტეტის საკრებულო ადგენს:',
    ]);
  });

  test('has chapters and every article label in order, with headings', () => {
    expectInOrder(text.ka ?? '', [
      'თავი I',
      'ზოგადი დებულებანი',
      'მუხლი 1. რეგულირების სფერო',
      'მუხლი 2. შეტყობინების განხილვა',
      'თავი II',
      'მუხლი 3. სამოქმედო გეგმა',
      'მუხლი 4. ძალაში შესვლა',
    ]);
  });

  test('writes paragraph numbers and subparagraph letters literally, before their text', () => {
    const ka = text.ka ?? '';
    expect(ka).toMatch(/^2\.\s+ცხელი ხაზით მიიღება:$/m);
    expect(ka).toMatch(/^ა\)\s+შეტყობინება კორუფციული სამართალდარღვევის შესახებ;$/m);
    expect(ka).toMatch(/^ბ\.ა\)\s+წერილობითი განცხადება;$/m);
    expect(ka).toMatch(/^ბ\.ბ\)\s+ზეპირი განცხადება\.$/m);
  });

  test('puts the signature after the body and the annex with its table after the signature', () => {
    expectInOrder(text.ka ?? '', [
      'ეს დადგენილება ამოქმედდეს გამოქვეყნებისთანავე.',
      'საკრებულოს თავმჯდომარე',
      'გიორგი ბერიძე',
      'დანართი №1',
      'ცხელი ხაზის სამოქმედო გეგმა',
      'პასუხისმგებელი',
      'ოპერატორების გადამზადება',
      'აუდიტის სამსახური',
    ]);
  });
});

describe('an English act read back by LibreOffice', () => {
  test('has its header, articles in order, lettered and nested points, table and signature', () => {
    const en = text.en ?? '';
    expectInOrder(en, [
      'Sakrebulo of Ozurgeti Municipality',
      'Ordinance',
      '№ 17',
      '15 September 2026',
      'On the Gifts Register of Ozurgeti Municipality',
      'The Sakrebulo of Ozurgeti Municipality resolves:',
      'Chapter I',
      'Article 1. Scope',
      'Article 2. Keeping the register',
      'Article 3. Entry into force',
      'Chairperson of the Sakrebulo',
      'Annex 1',
      'Company "Alpha" & Partners',
    ]);
    expect(en).toMatch(/^a\)\s+gifts worth < GEL 500 & hospitality;$/m);
    expect(en).toMatch(/^b\.a\)\s+gifts in cash;$/m);
  });
});

describe('an adopted act', () => {
  test('carries the act number and the adoption date in place of the blanks', () => {
    const adopted = text.kaAdopted ?? '';
    expect(adopted).toMatch(/^№ 12$/m);
    expect(adopted).toMatch(/^2026 წლის 15 სექტემბერი\s+ქ\. ბაღდათი$/m);
    expect(adopted).not.toContain('______');
  });
});

describe('an act at the edges of the model', () => {
  test('still opens, with a fourth level, line breaks and a ragged table', () => {
    const edge = text.edge ?? '';
    expect(edge).toMatch(/^პირველი სტრიქონი$/m);
    expect(edge).toMatch(/^მეორე სტრიქონი$/m);
    expect(edge).toMatch(/^მუხლი 1\.$/m);
    expect(edge).toMatch(/^ა\.ა\.ა\)\s+მეოთხე დონე\.$/m);
    expectInOrder(edge, ['სვეტი 1', 'სვეტი 2', 'მხოლოდ ერთი უჯრა', 'უსათაურო დანართი']);
  });
});

describe('the Word structure of an act', () => {
  test('paragraphs name styles, labels are literal text, and no Word list numbering is used', () => {
    const xml = zipEntry(docx.ka ?? new Uint8Array(), 'word/document.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<w:numPr>');
    expect(paragraphsWithStyle(xml, 'Heading2')).toEqual([
      'მუხლი 1. რეგულირების სფერო',
      'მუხლი 2. შეტყობინების განხილვა',
      'მუხლი 3. სამოქმედო გეგმა',
      'მუხლი 4. ძალაში შესვლა',
    ]);
    expect(paragraphsWithStyle(xml, 'Heading1')).toEqual([
      'თავი I\nზოგადი დებულებანი',
      'თავი II\nდასკვნითი დებულებანი',
    ]);
    expect(paragraphsWithStyle(xml, 'Subparagraph')).toEqual([
      'ა)\tშეტყობინება კორუფციული სამართალდარღვევის შესახებ;',
      'ბ)\tმოქალაქის განცხადება, მათ შორის:',
    ]);
    expect(paragraphsWithStyle(xml, 'Subparagraph2')).toEqual([
      'ბ.ა)\tწერილობითი განცხადება;',
      'ბ.ბ)\tზეპირი განცხადება.',
    ]);
    expect(paragraphsWithStyle(xml, 'Title')).toEqual(['ბაღდათის მუნიციპალიტეტის ცხელი ხაზის შესახებ']);
  });

  test('the table repeats its header row, and the annex starts on a new page', () => {
    const xml = zipEntry(docx.ka ?? new Uint8Array(), 'word/document.xml');
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml).toMatch(/<w:pageBreakBefore\/>.*?დანართი №1/);
  });

  test('the styles use Sylfaen and the document says its title and language', () => {
    const styles = zipEntry(docx.ka ?? new Uint8Array(), 'word/styles.xml');
    for (const id of [
      'ActHeader',
      'Preamble',
      'Paragraph',
      'Subparagraph',
      'Subparagraph2',
      'TableText',
      'Signature',
      'AnnexHeading',
    ]) {
      expect(styles).toContain(`w:styleId="${id}"`);
    }
    expect(styles).toMatch(/<w:rFonts[^>]*w:ascii="Sylfaen"/);
    const core = zipEntry(docx.ka ?? new Uint8Array(), 'docProps/core.xml');
    expect(core).toContain('<dc:title>ბაღდათის მუნიციპალიტეტის ცხელი ხაზის შესახებ</dc:title>');
    expect(core).toContain('<dc:language>ka-GE</dc:language>');
    expect(core).toContain('2026-09-01T09:30:00.000Z');
  });
});

/** The text of each paragraph in `style`, with its tabs as "\t" and line breaks as "\n". */
function paragraphsWithStyle(documentXml: string, style: string): string[] {
  const paragraphs = documentXml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g) ?? [];
  return paragraphs
    .filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`))
    .map((p) =>
      [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)]
        .map((m) => (m[0] === '<w:tab/>' ? '\t' : m[0] === '<w:br/>' ? '\n' : m[1]))
        .join(''),
    );
}

/**
 * One file of a zip archive (.docx is one), read with node:zlib so the test needs no zip library: the
 * central directory at the end lists each entry's name and where its local header starts.
 */
function zipEntry(zip: Uint8Array, name: string): string {
  const buf = Buffer.from(zip);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const entryName = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const local = buf.readUInt32LE(at + 42);
    if (entryName === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  throw new Error(`Expected ${name} in the .docx`);
}
