import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RECORD_COLUMN_WIDTHS, RECORD_TEXT_WIDTH, recordDocx } from '../../server/comments/recordDocx';
import type { RecordRow } from '../../server/comments/commentRecord';
import { exportDocx } from '../../server/export/docx/exportDocx';
import { convertWithLibreOffice } from '../../server/export/libreOffice';
import { DRAFT_CONTEXT, ENGLISH_ACT, GEORGIAN_ACT, OZURGETI_ADOPTED_CONTEXT } from '../fixtures/exportModels';

// Issue 15, export polish: what LibreOffice makes of the act's clauses and of the comments-and-responses table.
const LIBREOFFICE_TIMEOUT_MS = 120_000;
const TWIPS_PER_INCH = 1440;
const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;

const KA_ROW: RecordRow = {
  index: 1,
  article: 'მუხლი 3',
  quote: 'ცხელი ხაზის ოპერატორი',
  proposal: '',
  comment: 'გთხოვთ, დააზუსტოთ ვადა',
  author: 'ნინო ბერიძე',
  date: '2 დეკემბერი 2026',
  outcome: 'ნაწილობრივ მიღებულია',
  reason: 'დაზუსტდა',
  replies: '',
  publicConsultation: true,
  textRemoved: false,
};
const EN_ROW: RecordRow = {
  ...KA_ROW,
  article: 'Article 3',
  quote: 'hotline operator',
  comment: 'Please state the deadline',
  author: 'Nino Beridze',
  date: '2 December 2026',
  outcome: 'partly accepted',
  reason: 'Clarified',
};

let dir = '';
const fodt: Record<string, string> = {};
const pdfText: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sajaro-layout-'));
  const files = {
    actKa: await exportDocx(GEORGIAN_ACT, DRAFT_CONTEXT),
    actEn: await exportDocx(ENGLISH_ACT, OZURGETI_ADOPTED_CONTEXT),
    recordKa: await recordDocx([KA_ROW], { actTitle: 'ცხელი ხაზის შესახებ', versionName: '', language: 'ka' }),
    recordEn: await recordDocx([EN_ROW], { actTitle: 'On the hotline', versionName: '', language: 'en' }),
  };
  const paths = Object.keys(files).map((name) => join(dir, `${name}.docx`));
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, `${name}.docx`), bytes);
  const flat = await convertWithLibreOffice(paths, 'fodt', dir, { timeoutMs: LIBREOFFICE_TIMEOUT_MS });
  for (const [i, name] of Object.keys(files).entries()) fodt[name] = await readFile(flat[i] ?? '', 'utf8');
  const records = paths.filter((p) => p.includes('record'));
  const pdfs = await convertWithLibreOffice(records, 'pdf', dir, { timeoutMs: LIBREOFFICE_TIMEOUT_MS });
  if (HAS_PDFTOTEXT) {
    for (const pdf of pdfs) {
      const { stdout } = await promisify(execFile)('pdftotext', [pdf, '-']);
      pdfText[pdf.includes('recordKa') ? 'ka' : 'en'] = stdout;
    }
  }
}, 2 * LIBREOFFICE_TIMEOUT_MS + 30_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The alignment LibreOffice gives a paragraph style, following its parents (automatic styles name them). */
function alignmentOf(doc: string, styleName: string): string | undefined {
  const style = new RegExp(`<style:style style:name="${styleName}"([^>]*)>([\\s\\S]*?)</style:style>`).exec(doc);
  if (!style) return undefined;
  const own = /fo:text-align="([^"]+)"/.exec(style[2] ?? '')?.[1];
  const parent = /style:parent-style-name="([^"]+)"/.exec(style[1] ?? '')?.[1];
  return own ?? (parent ? alignmentOf(doc, parent) : undefined);
}

/** The style of the first text paragraph that starts with `label` followed by its tab. */
function styleOfClause(doc: string, label: string): string {
  const escaped = label.replace(/[.)]/g, (c) => `\\${c}`);
  const match = new RegExp(`<text:p text:style-name="([^"]+)">${escaped}<text:tab/>`).exec(doc);
  expect(match, `a paragraph labelled ${label}`).not.toBeNull();
  return match![1]!;
}

/** The widths, in inches, of the first table's columns in order; columns of one width share a style. */
function columnWidths(doc: string): number[] {
  const width = new Map(
    [...doc.matchAll(/<style:style style:name="(Table1\.[A-Z]+)" style:family="table-column">\s*<style:table-column-properties style:column-width="([\d.]+)in"/g)].map(
      (m) => [m[1], Number(m[2])] as const,
    ),
  );
  return [...doc.matchAll(/<table:table-column table:style-name="(Table1\.[A-Z]+)"(?: table:number-columns-repeated="(\d+)")?/g)].flatMap((m) =>
    Array<number>(Number(m[2] ?? 1)).fill(width.get(m[1] ?? '') ?? 0),
  );
}

describe('clauses of an exported act, as LibreOffice reads them', () => {
  test.each([
    ['Georgian', 'actKa', ['1.', 'ა)', 'ბ.ა)']],
    ['English', 'actEn', ['1.', 'a)']],
  ] as const)('%s paragraphs and subparagraphs are set flush left, the preamble stays justified', (_, name, labels) => {
    const doc = fodt[name] ?? '';
    for (const label of labels) expect(alignmentOf(doc, styleOfClause(doc, label)), label).toBe('start');
    expect(alignmentOf(doc, 'Preamble')).toBe('justify');
  });
});

describe('the comments-and-responses table, as LibreOffice reads it', () => {
  test('keeps the eleven column widths given, which fill the text width', () => {
    expect(RECORD_COLUMN_WIDTHS.reduce((a, b) => a + b, 0)).toBe(RECORD_TEXT_WIDTH);
    for (const doc of [fodt.recordKa ?? '', fodt.recordEn ?? '']) {
      const widths = columnWidths(doc).map((inches) => Math.round(inches * TWIPS_PER_INCH));
      expect(widths).toHaveLength(11);
      widths.forEach((width, i) => expect(Math.abs(width - (RECORD_COLUMN_WIDTHS[i] ?? 0)), `column ${i + 1}`).toBeLessThanOrEqual(2));
    }
  });

  test.skipIf(!HAS_PDFTOTEXT)('prints each header word whole, none broken letter by letter (needs pdftotext)', () => {
    const words = {
      ka: ['საჯარო', 'განხილვა', 'შემოთავაზებული', 'ციტირებული', 'დასაბუთება', 'პასუხები', 'დეკემბერი', 'ნაწილობრივ'],
      en: ['No.', 'Public', 'consultation', 'Proposed', 'December', 'accepted'],
    } as const;
    for (const language of ['ka', 'en'] as const) {
      const tokens = new Set((pdfText[language] ?? '').split(/\s+/));
      for (const word of words[language]) expect(tokens.has(word), `${language}: "${word}" in\n${pdfText[language]}`).toBe(true);
    }
  });
});
