import type { Language } from '../lang/language';
import {
  annexLabel,
  articleLabel,
  chapterLabel,
  clauseLabel,
  CITATION_CASES,
  formatCitation,
  type CitationCase,
  type CitationTarget,
  type StableNumber,
} from './numbering';

/** What numbering needs to know of one top-level block of the editor. */
export interface BlockRef {
  /** The Lexical node type: 'chapter', 'article', 'clause', 'annex', or anything else (unnumbered). */
  readonly type: string;
  readonly uid: string;
  readonly depth: number;
}

/** The computed number of one block. */
export interface BlockNumber {
  /** The label shown in front of the block: "მუხლი 3.", "2.", "ა)", "თავი I", "დანართი №1". */
  readonly label: string;
  /** The number of the block at its own level (article 3 → 3, subparagraph ბ → 2). */
  readonly number: number;
  /** The path of a clause from its paragraph down ([2, 1] → "ა)" under paragraph 2). */
  readonly path: readonly number[];
  /** For articles and clauses: what a cross-reference to it cites. */
  readonly citation?: CitationTarget;
  /** In a revision (stableNumbering.ts): the article's number, or the clause's path, with superscripts. */
  readonly stable?: readonly StableNumber[];
}

/** Broken-reference text, shown instead of a wrong number when a reference's target is gone. */
export const BROKEN_REFERENCE: Readonly<Record<Language, string>> = {
  ka: '[მითითებული დებულება წაშლილია]',
  en: '[referenced provision deleted]',
};

/**
 * Numbers the flat list of blocks the way a Georgian act is numbered: chapters and annexes in sequence,
 * articles in sequence within the main body and restarting in each annex, paragraphs restarting in each
 * article, subparagraphs restarting under each paragraph. Unnumbered blocks get null.
 */
export function numberBlocks(blocks: readonly BlockRef[], language: Language): (BlockNumber | null)[] {
  let chapter = 0;
  let annex = 0;
  let article = 0;
  let path: number[] = [];
  return blocks.map((block) => {
    switch (block.type) {
      case 'chapter':
        chapter += 1;
        path = [];
        return { label: chapterLabel(chapter, language), number: chapter, path: [] };
      case 'annex':
        annex += 1;
        article = 0;
        path = [];
        return { label: annexLabel(annex, language), number: annex, path: [] };
      case 'article':
        article += 1;
        path = [];
        return { label: `${articleLabel(article, language)}.`, number: article, path: [], citation: { article } };
      case 'clause': {
        path = nextClausePath(path, block.depth);
        const number = path[path.length - 1] ?? 1;
        return { label: clauseLabel(path, language), number, path: [...path], citation: clauseCitation(article, path) };
      }
      default:
        return null;
    }
  });
}

/**
 * The path of the next clause at a depth: increments that level and drops deeper ones. A subparagraph
 * written directly under an article's text, with no numbered paragraph above it, gets a 0 paragraph number.
 */
function nextClausePath(previous: readonly number[], depth: number): number[] {
  const path = previous.slice(0, depth + 1);
  while (path.length < depth + 1) path.push(0);
  path[depth] = (path[depth] ?? 0) + 1;
  return path;
}

function clauseCitation(article: number, path: readonly number[]): CitationTarget | undefined {
  if (article === 0) return undefined;
  const [paragraph, ...sub] = path;
  return {
    article,
    ...(paragraph ? { paragraph } : {}),
    ...(sub.length ? { subparagraph: sub } : {}),
  };
}

/** Maps every article's and clause's stable id to what a cross-reference to it cites. */
export function citationTargetsByUid(blocks: readonly BlockRef[], numbers: readonly (BlockNumber | null)[]): Map<string, CitationTarget> {
  const out = new Map<string, CitationTarget>();
  blocks.forEach((block, i) => {
    const citation = numbers[i]?.citation;
    // The first block wins when a paste duplicated an id, so a reference never jumps to the copy.
    if (citation && block.uid && !out.has(block.uid)) out.set(block.uid, citation);
  });
  return out;
}

/** The text a cross-reference shows: its target's current citation in the case it asks for, or broken. */
export function referenceText(targets: ReadonlyMap<string, CitationTarget>, target: string, language: Language, grammaticalCase?: string): string {
  const citation = targets.get(target);
  if (!citation) return BROKEN_REFERENCE[language];
  const known = CITATION_CASES.includes(grammaticalCase as CitationCase) ? (grammaticalCase as CitationCase) : 'nominative';
  return formatCitation(citation, language, known);
}
