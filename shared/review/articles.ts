import { toBase64 } from 'lib0/buffer';
import { digest } from 'lib0/hash/sha256';
import type { Language } from '../lang/language';
import { numberBlocks } from '../model/blockNumbering';
import type { ArticleModel, BodyItem, ClauseModel } from '../model/documentModel';
import type { ActBlock } from './actText';

/** The article a block belongs to, with its current number. */
export interface ArticlePlace {
  readonly key: string;
  readonly number: number;
  /** "მუხლი 3", or "დანართი №1, მუხლი 2" inside an annex. */
  readonly label: string;
}

/** Labels for text outside any article, by block kind. */
const OUTSIDE_ARTICLES: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  ka: { title: 'სათაური', preamble: 'პრეამბულა', formula: 'პრეამბულა', signature: 'ხელმოწერა', chapter: 'თავი', annex: 'დანართი', header: 'რეკვიზიტები' },
  en: { title: 'Title', preamble: 'Preamble', formula: 'Preamble', signature: 'Signature', chapter: 'Chapter', annex: 'Annex', header: 'Header' },
};

/** True for a block that ends the article before it: an article, chapter, annex or the signature. */
function startsGroup(block: ActBlock): boolean {
  return block.type === 'article' || block.type === 'chapter' || block.type === 'annex' || (block.type === 'act-part' && block.part === 'signature');
}

/**
 * For every top-level block, the article it belongs to (its heading and the blocks after it until the next
 * article, chapter, annex or signature), or null; numbers are the current ones.
 */
export function articlesByBlock(blocks: readonly ActBlock[], language: Language): (ArticlePlace | null)[] {
  const numbers = numberBlocks(blocks, language);
  let annex = '';
  let current: ArticlePlace | null = null;
  return blocks.map((block, i) => {
    if (block.type === 'annex') annex = numbers[i]?.label ?? '';
    if (block.type === 'article') {
      const number = numbers[i]?.number ?? 0;
      const own = (numbers[i]?.label ?? '').replace(/\.$/, '');
      current = { key: block.uid, number, label: annex ? `${annex}, ${own}` : own };
    } else if (startsGroup(block)) current = null;
    return current;
  });
}

/** What to call a block outside any article ("პრეამბულა", "Title"). */
export function blockKindLabel(block: ActBlock | undefined, language: Language): string {
  const labels = OUTSIDE_ARTICLES[language];
  if (!block) return '';
  if (block.type === 'act-part') {
    if (['issuingBody', 'actType', 'number', 'date', 'place'].includes(block.part)) return labels.header ?? '';
    return labels[block.part] ?? labels.preamble ?? '';
  }
  return labels[block.type] ?? '';
}

function clauseLines(clause: ClauseModel, out: string[]): void {
  out.push(`${clause.depth}\u0001${clause.text}`);
  for (const child of clause.children) clauseLines(child, out);
}

function itemLines(item: BodyItem | ArticleModel['content'][number], out: string[]): void {
  if (item.kind === 'clause') clauseLines(item, out);
  else if (item.kind === 'text') out.push(`t\u0001${item.text}`);
  else if (item.kind === 'table') out.push(`r\u0001${item.rows.map((row) => row.join('\u0002')).join('\u0003')}`);
}

/**
 * A fingerprint of an article's text: heading, and each paragraph's depth and text (numbers left out, so
 * renumbering alone does not count as a change). An approval stores it; when the current text's
 * fingerprint differs, the approval needs a new look.
 */
export function articleTextHash(article: ArticleModel): string {
  const lines = [`h\u0001${article.heading}`];
  for (const item of article.content) itemLines(item, lines);
  return toBase64(digest(new TextEncoder().encode(lines.join('\n'))));
}
