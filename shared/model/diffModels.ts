import { Diff } from 'diff';
import { renderItem } from './plainText';
import type { ArticleModel, BodyItem, DocumentModel } from './documentModel';

/**
 * What happened to an article between two versions. 'changed': its text changed (whether or not it was
 * renumbered too, see `renumbered`); 'moved': only its number changed.
 */
export type ArticleChangeStatus = 'unchanged' | 'changed' | 'inserted' | 'deleted' | 'moved';

/** Who made a change, when the document's history tells (issue 12). */
export interface DiffAuthor {
  readonly id: string;
  readonly name: string;
}

/** A run of text that both versions share, or that only the newer ('insert') or older ('delete') has. */
export interface DiffPart {
  readonly kind: 'equal' | 'insert' | 'delete';
  readonly text: string;
  /** Who inserted or deleted it, read from the kept history by the server; absent when it cannot tell. */
  readonly authors?: readonly DiffAuthor[];
  /** When, as far as the history tells (the first edit of the change), ISO 8601. */
  readonly at?: string;
}

/** One article of either version, aligned with its counterpart, and the word changes of its text. */
export interface ArticleDiff {
  readonly status: ArticleChangeStatus;
  readonly fromKey: string | null;
  readonly toKey: string | null;
  /** "მუხლი 3" in the older version; null for an inserted article. */
  readonly fromLabel: string | null;
  /** "მუხლი 4" in the newer version; null for a deleted article. */
  readonly toLabel: string | null;
  /** The annex the article stands in ("დანართი №1"), or null for the main body. */
  readonly fromAnnex: string | null;
  readonly toAnnex: string | null;
  /** The heading in the newer version (the older one for a deleted article). */
  readonly heading: string;
  readonly textChanged: boolean;
  /**
   * True when the article's number (or annex) changed. An article renumbered with its text unchanged is
   * 'moved'; one renumbered and changed is 'changed' with this flag, so neither change is lost (issue 12).
   */
  readonly renumbered: boolean;
  /** How the two were paired: by their stable key, or by similar content when the key was lost. */
  readonly matchedBy: 'key' | 'content' | null;
  /** The heading and every paragraph with its label, one line each, as word changes. */
  readonly parts: readonly DiffPart[];
}

/** Everything outside the articles: header, title, preamble, enacting formula, chapters, annex headings, signature. */
export interface FrameDiff {
  readonly changed: boolean;
  readonly parts: readonly DiffPart[];
}

/** The difference between two versions of an act, article by article, as the version view shows it. */
export interface ModelDiff {
  readonly frame: FrameDiff;
  /** In the newer version's order; a deleted article follows the one it followed before. */
  readonly articles: readonly ArticleDiff[];
  /**
   * Articles per status, except `moved`, which counts every renumbered article, the changed ones too: an
   * article renumbered and changed counts once as changed and once as renumbered.
   */
  readonly counts: Readonly<Record<ArticleChangeStatus, number>>;
}

/** Articles whose keys do not match are paired when their word sets overlap at least this much (Jaccard). */
export const CONTENT_MATCH_THRESHOLD = 0.5;

interface Located {
  readonly article: ArticleModel;
  readonly index: number;
  readonly annex: { readonly number: number; readonly label: string } | null;
  readonly text: string;
}

/**
 * Compares two versions of an act. Articles are paired by their stable key first, then the rest by
 * similar content, so an article that was renumbered or moved is compared with itself rather than with
 * whatever now has its number.
 */
export function diffModels(from: DocumentModel, to: DocumentModel): ModelDiff {
  const olds = locate(from);
  const news = locate(to);
  const match = new Map<number, { index: number; by: 'key' | 'content' }>(); // new index → old index
  const taken = new Set<number>();
  const oldByKey = new Map<string, number>();
  for (const o of olds) if (!oldByKey.has(o.article.key)) oldByKey.set(o.article.key, o.index);
  for (const n of news) {
    const o = oldByKey.get(n.article.key);
    if (o !== undefined && !taken.has(o)) {
      match.set(n.index, { index: o, by: 'key' });
      taken.add(o);
    }
  }
  for (const [n, o] of contentPairs(
    olds.filter((o) => !taken.has(o.index)),
    news.filter((n) => !match.has(n.index)),
  )) {
    match.set(n, { index: o, by: 'content' });
    taken.add(o);
  }

  const paired = news.map((n) => {
    const m = match.get(n.index);
    return articleDiff(m ? olds[m.index] : undefined, n, m?.by ?? null);
  });
  // A deleted article is shown after the new place of the nearest earlier article that survived.
  const newIndexOfOld = new Map([...match].map(([n, m]) => [m.index, n]));
  const deletedAfter = new Map<number, ArticleDiff[]>();
  let anchor = -1;
  for (const o of olds) {
    const n = newIndexOfOld.get(o.index);
    if (n !== undefined) anchor = n;
    else deletedAfter.set(anchor, [...(deletedAfter.get(anchor) ?? []), articleDiff(o, undefined, null)]);
  }
  const articles = [
    ...(deletedAfter.get(-1) ?? []),
    ...paired.flatMap((d, i) => [d, ...(deletedAfter.get(i) ?? [])]),
  ];

  const counts = { unchanged: 0, changed: 0, inserted: 0, deleted: 0, moved: 0 };
  for (const a of articles) {
    if (a.status !== 'moved') counts[a.status]++;
    if (a.renumbered) counts.moved++;
  }
  const frameParts = diffText(frameText(from), frameText(to));
  return {
    frame: { changed: frameParts.some((p) => p.kind !== 'equal'), parts: frameParts },
    articles,
    counts,
  };
}

/**
 * Word changes between two texts, whitespace and line breaks kept. This is `diffWordsWithSpace` of jsdiff
 * with one change: it counts every Unicode letter as a word character. jsdiff's own word pattern knows only
 * Latin letters, so it splits a Georgian word into single letters and a changed word shows as scattered
 * letters ("არ" → "ყო") instead of the word. Changes on one line separated only by spaces are shown as one
 * deletion and one insertion ("კოდექსის დამტკიცების" → "კოდექსში ცვლილების შეტანის").
 */
export function diffText(from: string, to: string): DiffPart[] {
  const raw: DiffPart[] = WORDS.diff(from, to).map((change) => ({
    kind: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
    text: change.value,
  }));
  const parts: DiffPart[] = [];
  let i = 0;
  while (i < raw.length) {
    const start = i;
    const inRun = () => raw[i]?.kind !== 'equal' || (i > start && isSpaceBetweenChanges(raw, i));
    while (i < raw.length && inRun()) i++;
    if (i === start) parts.push(raw[i++] as DiffPart);
    else parts.push(...joinRun(raw.slice(start, i)));
  }
  return tidy(parts);
}

/** An unchanged run of spaces (no line break) with changes on both sides. */
function isSpaceBetweenChanges(raw: readonly DiffPart[], i: number): boolean {
  return /^[^\S\n\r]+$/.test(raw[i]?.text ?? '') && raw[i + 1] !== undefined && raw[i + 1]?.kind !== 'equal';
}

/**
 * Joins a run of changes into one deletion and one insertion when it has both; spaces between them belong
 * to both texts, and spaces both end (or start) with are given back to the unchanged text around them.
 */
function joinRun(run: readonly DiffPart[]): DiffPart[] {
  const hasBoth = run.some((p) => p.kind === 'delete') && run.some((p) => p.kind === 'insert');
  if (!hasBoth) return run.filter((p) => p.kind !== 'equal' || p.text);
  const removed = run
    .filter((p) => p.kind !== 'insert')
    .map((p) => p.text)
    .join('');
  const added = run
    .filter((p) => p.kind !== 'delete')
    .map((p) => p.text)
    .join('');
  const lead = commonSpace(removed.match(/^\s*/)?.[0] ?? '', added.match(/^\s*/)?.[0] ?? '', 'start');
  const [restRemoved, restAdded] = [removed.slice(lead.length), added.slice(lead.length)];
  const trail = commonSpace(restRemoved.match(/\s*$/)?.[0] ?? '', restAdded.match(/\s*$/)?.[0] ?? '', 'end');
  const cut = (text: string) => text.slice(0, text.length - trail.length);
  return [
    { kind: 'equal', text: lead },
    { kind: 'delete', text: cut(restRemoved) },
    { kind: 'insert', text: cut(restAdded) },
    { kind: 'equal', text: trail },
  ];
}

function commonSpace(a: string, b: string, side: 'start' | 'end'): string {
  let n = 0;
  const at = (s: string, k: number) => (side === 'start' ? s[k] : s[s.length - 1 - k]);
  while (n < a.length && n < b.length && at(a, n) === at(b, n)) n++;
  return side === 'start' ? a.slice(0, n) : a.slice(a.length - n);
}

/** Drops empty parts and merges neighbours of the same kind. */
function tidy(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    if (!part.text) continue;
    const last = out.at(-1);
    if (last?.kind === part.kind) out[out.length - 1] = { kind: part.kind, text: last.text + part.text };
    else out.push(part);
  }
  return out;
}

/** The article as the diff reads it: the heading, then each paragraph with its label, one line each. */
export function articleText(article: ArticleModel): string {
  const lines = [article.heading];
  for (const item of article.content) renderItem(item, lines);
  return lines.join('\n');
}

const WORD_CHARS = '\\p{L}\\p{M}\\p{N}_';
// jsdiff's diffWordsWithSpace tokens (each line break, a word, a run of spaces, one other character)
// with Unicode word characters.
const TOKEN = new RegExp(`(\\r?\\n)|[${WORD_CHARS}]+|[^\\S\\n\\r]+|[^${WORD_CHARS}]`, 'gu');

class UnicodeWordsWithSpaceDiff extends Diff<string, string> {
  override tokenize(value: string): string[] {
    return value.match(TOKEN) ?? [];
  }
}
const WORDS = new UnicodeWordsWithSpaceDiff();

function articleDiff(
  o: Located | undefined,
  n: Located | undefined,
  by: 'key' | 'content' | null,
): ArticleDiff {
  const parts = diffText(o?.text ?? '', n?.text ?? '');
  const textChanged = !o || !n || o.text !== n.text;
  const renumbered = Boolean(o && n && (o.article.number !== n.article.number || o.annex?.number !== n.annex?.number));
  // A substantive change outranks a new number: the status says 'changed', `renumbered` keeps the other.
  const status: ArticleChangeStatus = !o ? 'inserted' : !n ? 'deleted' : textChanged ? 'changed' : renumbered ? 'moved' : 'unchanged';
  return {
    status,
    fromKey: o?.article.key ?? null,
    toKey: n?.article.key ?? null,
    fromLabel: o?.article.label ?? null,
    toLabel: n?.article.label ?? null,
    fromAnnex: o?.annex?.label ?? null,
    toAnnex: n?.annex?.label ?? null,
    heading: (n ?? o)?.article.heading ?? '',
    textChanged,
    renumbered,
    matchedBy: by,
    parts,
  };
}

/** Pairs unmatched articles by content, most similar first, nearer positions first among equals. */
function contentPairs(olds: readonly Located[], news: readonly Located[]): [number, number][] {
  const oldWords = new Map(olds.map((o) => [o.index, wordSet(o.text)]));
  const candidates: { n: number; o: number; score: number; distance: number }[] = [];
  for (const n of news) {
    const words = wordSet(n.text);
    for (const o of olds) {
      const score = jaccard(words, oldWords.get(o.index) ?? new Set());
      if (score >= CONTENT_MATCH_THRESHOLD)
        candidates.push({ n: n.index, o: o.index, score, distance: Math.abs(n.index - o.index) });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.distance - b.distance);
  const pairs: [number, number][] = [];
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  for (const c of candidates) {
    if (usedOld.has(c.o) || usedNew.has(c.n)) continue;
    usedOld.add(c.o);
    usedNew.add(c.n);
    pairs.push([c.n, c.o]);
  }
  return pairs;
}

/** A paragraph label at the start of a line: "1.", "ა)", "ბ.ა)". */
const LABEL = /^[\p{L}\p{N}]{1,4}(?:\.[\p{L}\p{N}]{1,4})*[.)]\s/u;

/** The words of an article's text, lower-cased; labels such as "1." or "ა)" are left out. */
function wordSet(text: string): Set<string> {
  const words = text
    .split('\n')
    .map((line) => line.replace(LABEL, ''))
    .join(' ')
    .toLowerCase()
    .match(/[\p{L}\p{M}\p{N}]+/gu);
  return new Set(words ?? []);
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

function locate(model: DocumentModel): Located[] {
  const located: Located[] = [];
  const add = (items: readonly BodyItem[], annex: Located['annex']) => {
    for (const item of items) {
      if (item.kind === 'article')
        located.push({ article: item, index: located.length, annex, text: articleText(item) });
    }
  };
  add(model.body, null);
  for (const annex of model.annexes) add(annex.body, { number: annex.number, label: annex.label });
  return located;
}

/** Every line of the act outside its articles, in document order. */
function frameText(model: DocumentModel): string {
  const { header } = model;
  const lines = [
    header.issuingBody,
    header.actTypeLabel,
    header.number,
    header.date,
    header.place,
    model.title,
  ];
  lines.push(...model.preamble, model.enactingFormula);
  const outline = (items: readonly BodyItem[]) => {
    for (const item of items) if (item.kind !== 'article') renderItem(item, lines);
  };
  outline(model.body);
  for (const annex of model.annexes) {
    lines.push(annex.heading ? `${annex.label}. ${annex.heading}` : annex.label);
    outline(annex.body);
  }
  lines.push(...model.signature);
  return lines.filter((line) => line !== '').join('\n');
}

