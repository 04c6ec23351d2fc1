import type { Language } from '../lang/language';
import { ACT_TYPES, type ActType, type AnnexModel, type ArticleModel, type BodyItem, type ClauseModel, type DocumentModel, type TableModel } from './documentModel';
import { citationTargetsByUid, numberBlocks, referenceText, type BlockRef } from './blockNumbering';
import type { CitationTarget } from './numbering';
import type { SerializedBlock, SerializedState } from './serializedState';
import { numberBlocksAgainstBase, type NumberingBase } from './stableNumbering';
import { withRemovedUnits } from './consolidate';

/**
 * How a revision of an act in force is numbered (issue 13, §4): against the numbers of the act in force,
 * with each removed unit kept in its place as `removedText` ("ამოღებულია").
 */
export interface RevisionNumbering {
  readonly base: NumberingBase;
  readonly removedText: string;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };
type ClauseDraft = Mutable<ClauseModel> & { children: ClauseDraft[] };
type ArticleDraft = Mutable<ArticleModel> & { content: ArticleModel['content'][number][] };
type AnnexDraft = Mutable<AnnexModel> & { body: BodyItem[] };

/** The stable-id and depth view of the top-level blocks, which numbering reads. */
export function blockRefs(state: SerializedState): BlockRef[] {
  return state.root.children.map((block) => ({
    type: block.type,
    uid: block.uid ?? '',
    depth: typeof block.depth === 'number' ? block.depth : 0,
  }));
}

/**
 * Derives the plain model of an act from the serialized Lexical state of its document: numbers are
 * computed from the order of blocks, cross-references resolved to the current citation of their target.
 */
export function deriveDocumentModel(state: SerializedState, language: Language, revision?: RevisionNumbering): DocumentModel {
  const model = deriveNumbered(state, language, revision?.base);
  return revision ? withRemovedUnits(model, revision.base, revision.removedText) : model;
}

function deriveNumbered(state: SerializedState, language: Language, base: NumberingBase | undefined): DocumentModel {
  const blocks = state.root.children;
  const refs = blockRefs(state);
  const numbers = base ? numberBlocksAgainstBase(refs, language, base) : numberBlocks(refs, language);
  const citations = citationTargetsByUid(refs, numbers);
  const textOf = (block: SerializedBlock): string => inlineText(block, citations, language);

  const header = { issuingBody: [] as string[], actType: [] as string[], number: [] as string[], date: [] as string[], place: [] as string[] };
  let actType: ActType = 'dadgenileba';
  const title: string[] = [];
  const preamble: string[] = [];
  const formula: string[] = [];
  const signature: string[] = [];
  const body: BodyItem[] = [];
  const annexes: AnnexDraft[] = [];

  let container: BodyItem[] = body;
  let article: ArticleDraft | null = null;
  let openClauses: ClauseDraft[] = [];
  const place = (item: ArticleDraft['content'][number]): void => {
    if (article) article.content.push(item);
    else container.push(item);
  };

  blocks.forEach((block, i) => {
    const num = numbers[i];
    switch (block.type) {
      case 'act-part': {
        const text = textOf(block);
        const part = block.part ?? 'preamble';
        if (part === 'actType' && ACT_TYPES.includes(block.actType as ActType)) actType = block.actType as ActType;
        if (part in header) header[part as keyof typeof header].push(text);
        else if (part === 'title') title.push(text);
        else if (part === 'formula') formula.push(text);
        else if (part === 'signature') signature.push(text);
        else preamble.push(text);
        return;
      }
      case 'chapter':
        article = null;
        openClauses = [];
        container.push({ kind: 'chapter', key: block.uid ?? '', number: num?.number ?? 0, label: chapterLabelOf(num?.label), heading: textOf(block) });
        return;
      case 'annex': {
        const annex: AnnexDraft = { key: block.uid ?? '', number: num?.number ?? 0, label: num?.label ?? '', heading: textOf(block), body: [] };
        annexes.push(annex);
        container = annex.body;
        article = null;
        openClauses = [];
        return;
      }
      case 'article': {
        const draft: ArticleDraft = { kind: 'article', key: block.uid ?? '', number: num?.number ?? 0, label: (num?.label ?? '').replace(/\.$/, ''), heading: textOf(block), content: [], ...(num?.stable?.[0] ? { stable: num.stable[0] } : {}) };
        container.push(draft);
        article = draft;
        openClauses = [];
        return;
      }
      case 'clause': {
        const depth = typeof block.depth === 'number' ? block.depth : 0;
        const clause: ClauseDraft = { kind: 'clause', key: block.uid ?? '', depth, path: [...(num?.path ?? [])], label: num?.label ?? '', text: textOf(block), children: [], ...(num?.stable ? { stablePath: num.stable } : {}) };
        while (openClauses.length && (openClauses[openClauses.length - 1]?.depth ?? 0) >= depth) openClauses.pop();
        const parent = openClauses[openClauses.length - 1];
        if (parent) parent.children.push(clause);
        else place(clause);
        openClauses.push(clause);
        return;
      }
      case 'table':
        place(tableOf(block, textOf));
        return;
      default: {
        const text = textOf(block);
        if (text.trim() !== '') place({ kind: 'text', text });
      }
    }
  });

  const joined = (lines: string[]): string => lines.filter((l) => l.trim() !== '').join('\n');
  return {
    language,
    header: {
      issuingBody: joined(header.issuingBody),
      actType,
      actTypeLabel: joined(header.actType),
      number: joined(header.number),
      date: joined(header.date),
      place: joined(header.place),
    },
    title: joined(title),
    preamble: preamble.filter((l) => l.trim() !== ''),
    enactingFormula: joined(formula),
    body,
    annexes,
    signature: signature.filter((l) => l.trim() !== ''),
  };
}

function chapterLabelOf(label: string | undefined): string {
  return label ?? '';
}

function tableOf(block: SerializedBlock, textOf: (b: SerializedBlock) => string): TableModel {
  const rows = (block.children ?? []).map((row) =>
    (row.children ?? []).map((cell) => (cell.children ?? []).map(textOf).filter((t) => t !== '').join('\n')),
  );
  return { kind: 'table', rows };
}

/** The text of a block's inline content, with each cross-reference replaced by its current citation. */
function inlineText(block: SerializedBlock, citations: ReadonlyMap<string, CitationTarget>, language: Language): string {
  let out = '';
  for (const child of block.children ?? []) {
    if (child.type === 'linebreak') out += '\n';
    else if (child.type === 'tab') out += '\t';
    else if (child.type === 'cross-reference') out += referenceText(citations, child.target ?? '', language, child.grammaticalCase);
    else if (typeof child.text === 'string') out += child.text;
    else if (child.children) out += inlineText(child, citations, language);
  }
  return out;
}
