import { inflateRawSync } from 'node:zlib';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import type { ArticleModel, DocumentModel } from '../../../shared/model/documentModel';
import { diffModels } from '../../../shared/model/diffModels';
import { exportTrackedDocx } from './exportTrackedDocx';

const clause = (key: string, n: number, text: string) => ({ kind: 'clause' as const, key, depth: 0, path: [n], label: `${n}.`, text, children: [] });
const article = (key: string, number: number, heading: string, content: ArticleModel['content']): ArticleModel => ({ kind: 'article', key, number, label: `Article ${number}`, heading, content });

function act(title: string, articles: ArticleModel[]): DocumentModel {
  return {
    language: 'en',
    header: { issuingBody: 'Sakrebulo of Bagdati Municipality', actType: 'dadgenileba', actTypeLabel: 'Ordinance', number: '№ 7', date: '1 March 2027', place: 'Bagdati' },
    title,
    preamble: ['In accordance with Article 25 of the Organic Law of Georgia on Normative Acts,'],
    enactingFormula: 'The Sakrebulo resolves:',
    body: articles,
    annexes: [],
    signature: ['Chairperson of the Sakrebulo'],
  };
}

const SCOPE = article('a', 1, 'Scope', [clause('a1', 1, 'This act sets the rules.')]);
const FORCE = (n: number) => article('d', n, 'Entry into force', [{ kind: 'text', text: 'On publication.' }]);
const OLDER = act('On ethics', [
  SCOPE,
  article('b', 2, 'Gifts', [clause('b1', 1, 'No gifts over 100 lari.'), clause('b2', 2, 'Gifts are declared.')]),
  article('c', 3, 'Repeal', [{ kind: 'text', text: 'The old rules are repealed.' }]),
  FORCE(4),
]);
const NEWER = act('On the ethics of the council', [
  SCOPE,
  article('n', 2, 'Hotline', [clause('n1', 1, 'The hotline answers daily.')]),
  article('b', 3, 'Gifts', [clause('b1', 1, 'No gifts over 50 lari.'), clause('b2', 2, 'Gifts are declared.'), clause('b3', 3, 'Declarations are public.')]),
  FORCE(4),
]);

/** The lines of an act as the tracked export writes its paragraphs: one per header field, heading and clause. */
function linesOf(model: DocumentModel): string[] {
  const { header } = model;
  const lines = [header.issuingBody, header.actTypeLabel, header.number, `${header.date}\t${header.place}`, model.title, ...model.preamble, model.enactingFormula];
  for (const item of model.body) {
    if (item.kind !== 'article') continue;
    lines.push(`${item.label}. ${item.heading}`);
    for (const part of item.content) lines.push(part.kind === 'clause' ? `${part.label} ${part.text}` : part.kind === 'text' ? part.text : '');
  }
  return [...lines, ...model.signature];
}

interface TrackedParagraph {
  readonly mark: 'equal' | 'insert' | 'delete';
  readonly runs: readonly { readonly kind: 'equal' | 'insert' | 'delete'; readonly text: string }[];
}

/** The body paragraphs of document.xml with their tracked runs and what happened to their paragraph marks. */
function trackedParagraphsOf(xml: string): TrackedParagraph[] {
  const body = xml.slice(xml.indexOf('<w:body>'), xml.indexOf('<w:sectPr'));
  return [...body.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)].map(([, inner = '']) => {
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? '';
    const mark = /<w:rPr>[\s\S]*<w:ins\b/.test(pPr) ? 'insert' : /<w:rPr>[\s\S]*<w:del\b/.test(pPr) ? 'delete' : 'equal';
    const content = inner.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, '');
    const runs = [...content.matchAll(/<w:ins\b[^>]*>([\s\S]*?)<\/w:ins>|<w:del\b[^>]*>([\s\S]*?)<\/w:del>|(<w:r\b[\s\S]*?<\/w:r>)/g)].map(([, ins, del, plain]) => ({
      kind: ins !== undefined ? ('insert' as const) : del !== undefined ? ('delete' as const) : ('equal' as const),
      text: [...(ins ?? del ?? plain ?? '').matchAll(/<w:tab\/>|<w:(?:t|delText)\b[^>]*>([^<]*)<\/w:(?:t|delText)>/g)].map(([tag, text]) => (tag === '<w:tab/>' ? '\t' : (text ?? ''))).join(''),
    }));
    return { mark, runs };
  });
}

/** The lines Word shows after "accept all" (or "reject all"): a removed paragraph mark joins the next paragraph. */
function resolveAll(paragraphs: readonly TrackedParagraph[], choice: 'accept' | 'reject'): string[] {
  const gone = choice === 'accept' ? 'delete' : 'insert';
  const lines: string[] = [];
  let line = '';
  for (const paragraph of paragraphs) {
    line += paragraph.runs.filter((r) => r.kind !== gone).map((r) => r.text).join('');
    if (paragraph.mark === gone) continue;
    lines.push(line);
    line = '';
  }
  return lines;
}

function documentXml(docx: Uint8Array): string {
  const buf = Buffer.from(docx);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buf.readUInt32LE(end + 16);
  for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
    const nameLength = buf.readUInt16LE(at + 28);
    if (buf.toString('utf8', at + 46, at + 46 + nameLength) === 'word/document.xml') {
      const local = buf.readUInt32LE(at + 42);
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + buf.readUInt32LE(at + 20));
      return (buf.readUInt16LE(at + 10) === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  throw new Error('Expected word/document.xml in the .docx');
}

describe('the comparison as tracked changes', () => {
  test('accepting every change gives the newer act and rejecting every change the older, paragraph for paragraph', async () => {
    const diff = diffModels(OLDER, NEWER);
    const docx = await exportTrackedDocx({ from: OLDER, to: NEWER, diff, description: 'v1 → current', exportedAt: '2027-03-01T10:00:00.000Z' });
    const xml = documentXml(docx);
    expect(XMLValidator.validate(xml)).toBe(true);
    const paragraphs = trackedParagraphsOf(xml);
    expect(resolveAll(paragraphs, 'accept')).toEqual(linesOf(NEWER));
    expect(resolveAll(paragraphs, 'reject')).toEqual(linesOf(OLDER));
    // Every revision has its own id, an author (Sajaro when the history names nobody) and a whole-second date.
    const revisions = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)"/g)];
    expect(revisions.length).toBeGreaterThan(8);
    expect(new Set(revisions.map((r) => r[1])).size).toBe(revisions.length);
    expect(new Set(revisions.map((r) => `${r[2]} ${r[3]}`))).toEqual(new Set(['Sajaro 2027-03-01T10:00:00Z']));
  });

  test('the renumbered article shows its old number deleted and its new one inserted; authors and times come from the parts', async () => {
    const diff = diffModels(OLDER, NEWER);
    const gifts = diff.articles.find((a) => a.toKey === 'b')!;
    const author = { id: 'm-nino', name: 'Nino Beridze' };
    const attributed = { ...diff, articles: diff.articles.map((a) => (a === gifts ? { ...a, parts: a.parts.map((p) => (p.kind === 'equal' ? p : { ...p, authors: [author], at: '2027-02-20T09:30:15.250Z' })) } : a)) };
    const xml = documentXml(await exportTrackedDocx({ from: OLDER, to: NEWER, diff: attributed, description: '', exportedAt: '2027-03-01T10:00:00.000Z' }));
    const heading = trackedParagraphsOf(xml).find((p) => p.runs.some((r) => r.text.includes('Gifts')))!;
    expect(heading.runs.slice(0, 2)).toEqual([
      { kind: 'delete', text: 'Article 2' },
      { kind: 'insert', text: 'Article 3' },
    ]);
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Nino Beridze" w:date="2027-02-20T09:30:15Z"><w:r>(?:<w:rPr\/>)?<w:delText[^>]*>100<\/w:delText>/);
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Nino Beridze" w:date="2027-02-20T09:30:15Z"><w:r>(?:<w:rPr\/>)?<w:t[^>]*>50<\/w:t>/);
  });
});
