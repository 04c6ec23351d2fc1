import type { Language } from '../lang/language';
import type { BlockNumber, BlockRef } from './blockNumbering';
import { allArticles, type ArticleModel, type ClauseModel, type DocumentModel } from './documentModel';
import {
  annexLabel,
  articleLabel,
  chapterLabel,
  compareStable,
  stableLetter,
  stableNumberLabel,
  type StableCitation,
  type StableNumber,
} from './numbering';

/**
 * One numbered unit of the act in force that a revision amends: its stable id, the unit it stands in and
 * its number at its own level. A removed unit stays in the base, so its number is never given again.
 */
export interface BaseUnit {
  readonly key: string;
  readonly kind: 'article' | 'clause';
  /** The annex an article stands in (null for the main body), or the article or clause a clause stands in. */
  readonly parent: string | null;
  /** 0 for an article or a paragraph, 1 for a subparagraph, … */
  readonly depth: number;
  readonly number: StableNumber;
  /** The text a removed unit keeps in the consolidated edition ("ამოღებულია (…)"), when it was removed. */
  readonly removed?: string;
}

/** The numbers of the act in force, in its order: what a revision's numbering keeps (issue 13, §4). */
export interface NumberingBase {
  readonly units: readonly BaseUnit[];
}

/** The stable number of an article of a model: its superscripted number when it has one. */
export function articleStable(article: ArticleModel): StableNumber {
  return article.stable ?? [article.number];
}

/** The stable path of a clause of a model, from its paragraph down. */
export function clauseStablePath(clause: ClauseModel): readonly StableNumber[] {
  return clause.stablePath ?? clause.path.map((n) => [n]);
}

/** The numbering base of an act: every article and clause with its number, removed units included. */
export function baseFromModel(model: DocumentModel): NumberingBase {
  const units: BaseUnit[] = [];
  const annexOf = new Map<string, string>();
  for (const annex of model.annexes) for (const item of annex.body) if (item.kind === 'article') annexOf.set(item.key, annex.key);
  const clause = (c: ClauseModel, parent: string): void => {
    const path = clauseStablePath(c);
    units.push({ key: c.key, kind: 'clause', parent, depth: c.depth, number: path[path.length - 1] ?? [0], ...(c.removed ? { removed: c.text } : {}) });
    for (const child of c.children) clause(child, c.key);
  };
  for (const article of allArticles(model)) {
    units.push({ key: article.key, kind: 'article', parent: annexOf.get(article.key) ?? null, depth: 0, number: articleStable(article), ...(article.removed ? { removed: article.heading } : {}) });
    for (const item of article.content) if (item.kind === 'clause') clause(item, article.key);
  }
  return { units };
}

/**
 * The number a unit inserted after `previous` takes when `next` is the unit of the act in force that follows:
 * after the last unit the next whole number (a paragraph added at the end of an article is the next
 * paragraph), otherwise a superscript (5 → 5¹ → 5²), deeper only between a unit and its own superscript.
 */
export function insertedNumber(previous: StableNumber | null, next: StableNumber | null): StableNumber {
  const p = previous ?? [0];
  if (!next) return [(p[0] ?? 0) + 1];
  const bumped = p.length > 1 ? [...p.slice(0, -1), (p[p.length - 1] ?? 0) + 1] : null;
  if (bumped && compareStable(bumped, next) < 0) return bumped;
  let candidate: number[] = [...p, 1];
  // Between 5 and an existing 5¹ the new unit is 5⁰⁻¹; bounded, since a reordered revision can put next before previous.
  for (let i = 0; i < 8 && compareStable(candidate, next) >= 0; i += 1) candidate = [...candidate.slice(0, -1), 0, 1];
  return candidate;
}

interface Sibling {
  readonly number: StableNumber;
  /** The unit of the act in force that follows this one at its level, or null when it is the last. */
  readonly next: StableNumber | null;
}

/**
 * Numbers the blocks of a revision so that every unit of the act in force keeps its number and new units
 * take superscripts (GLOSSARY.md): a new article after article 5 is "მუხლი 5¹". Chapters and annexes are
 * numbered in sequence, as in a new act. Unnumbered blocks get null.
 */
export function numberBlocksAgainstBase(blocks: readonly BlockRef[], language: Language, base: NumberingBase): (BlockNumber | null)[] {
  const byKey = new Map<string, BaseUnit>();
  const children = new Map<string, BaseUnit[]>();
  for (const unit of base.units) {
    if (!byKey.has(unit.key)) byKey.set(unit.key, unit);
    const parentKey = `${unit.kind}:${unit.parent ?? ''}`;
    children.set(parentKey, [...(children.get(parentKey) ?? []), unit]);
  }
  const nextInBase = (parentKey: string, key: string): StableNumber | null => {
    const siblings = children.get(parentKey) ?? [];
    const i = siblings.findIndex((s) => s.key === key);
    return siblings[i + 1]?.number ?? null;
  };
  const last = new Map<string, Sibling>(); // parent → the last unit numbered under it
  const place = (kind: 'article' | 'clause', parent: string, uid: string): StableNumber => {
    const parentKey = `${kind}:${parent}`;
    const known = byKey.get(uid);
    let sibling: Sibling;
    if (known && known.kind === kind) sibling = { number: known.number, next: nextInBase(parentKey, uid) };
    else {
      const previous = last.get(parentKey);
      const next = previous ? previous.next : ((children.get(parentKey) ?? [])[0]?.number ?? null);
      sibling = { number: insertedNumber(previous?.number ?? null, next), next };
    }
    last.set(parentKey, sibling);
    return sibling.number;
  };

  let chapter = 0;
  let annex = 0;
  let container = '';
  let article: { uid: string; number: StableNumber } | null = null;
  let stack: { uid: string; number: StableNumber }[] = [];
  return blocks.map((block): BlockNumber | null => {
    switch (block.type) {
      case 'chapter':
        chapter += 1;
        return { label: chapterLabel(chapter, language), number: chapter, path: [] };
      case 'annex':
        annex += 1;
        container = block.uid;
        article = null;
        stack = [];
        return { label: annexLabel(annex, language), number: annex, path: [] };
      case 'article': {
        const number = place('article', container, block.uid);
        article = { uid: block.uid, number };
        stack = [];
        const label = `${articleLabel(stableNumberLabel(number), language)}.`;
        return { label, number: number[0] ?? 0, path: [], stable: [number], citation: { article: number[0] ?? 0, stable: { article: number } } };
      }
      case 'clause': {
        const depth = Math.max(0, block.depth);
        stack = stack.slice(0, depth);
        const parent = depth === 0 ? (article?.uid ?? `${container}/`) : (stack[depth - 1]?.uid ?? `${article?.uid ?? container}/${depth}`);
        const number = place('clause', parent, block.uid);
        while (stack.length < depth) stack.push({ uid: '', number: [0] });
        stack.push({ uid: block.uid, number });
        const path = stack.map((s) => s.number);
        return {
          label: stableClauseLabel(path, language),
          number: number[0] ?? 0,
          path: path.map((n) => n[0] ?? 0),
          stable: path,
          ...(article ? { citation: { article: article.number[0] ?? 0, stable: stableCitation(article.number, path) } } : {}),
        };
      }
      default:
        return null;
    }
  });
}

/** The label in front of a clause in stable numbers: "4¹." for a paragraph, "ბ¹)" or "ბ.ა¹)" below one. */
export function stableClauseLabel(path: readonly StableNumber[], language: Language): string {
  if (path.length <= 1) return `${stableNumberLabel(path[0] ?? [1])}.`;
  return `${path
    .slice(1)
    .map((n) => stableLetter(n, language))
    .join('.')})`;
}

/** What a citation of a clause at a stable path says; a paragraph numbered 0 (none above) is left out. */
export function stableCitation(article: StableNumber, path: readonly StableNumber[]): StableCitation {
  const [paragraph, ...sub] = path;
  return {
    article,
    ...(paragraph && (paragraph[0] !== 0 || paragraph.length > 1) ? { paragraph } : {}),
    ...(sub.length ? { subparagraph: sub } : {}),
  };
}
