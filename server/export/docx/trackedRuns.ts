import { DeletedTextRun, InsertedTextRun, Paragraph, Tab, TextRun, type IParagraphOptions, type ParagraphChild } from 'docx';
import type { DiffPart } from '../../../shared/model/diffModels';
import { GENERATOR } from './coreProperties';

/** Who and when a tracked change is credited to, and the counter of revision ids (unique per document). */
export interface Revisions {
  /** The next w:id; Word needs every w:ins and w:del of a document to have its own. */
  next(): number;
  /** When a change whose history gives no moment was made: the time of the export. */
  readonly fallbackDate: string;
}

/** A counter of revision ids for one document. */
export function createRevisions(fallbackDate: string): Revisions {
  let id = 0;
  return { next: () => (id += 1), fallbackDate };
}

/** How a paragraph of a comparison is laid out: its style, and direct indentation for deep clauses. */
export type LineLayout = Pick<IParagraphOptions, 'style' | 'indent' | 'pageBreakBefore'>;

/** What a tracked paragraph's layout is chosen from: its line in the older text and in the newer one. */
export interface LineLayouts {
  readonly older: (line: number) => LineLayout;
  readonly newer: (line: number) => LineLayout;
}

/** The author and date of a part: its authors' names, or Sajaro's for a change the history cannot name. */
export function revisionOf(part: Pick<DiffPart, 'authors' | 'at'>, revisions: Revisions): { id: number; author: string; date: string } {
  const author = part.authors?.length ? part.authors.map((a) => a.name).join(', ') : GENERATOR;
  // Word reads xsd:dateTime; milliseconds are dropped for readers that want whole seconds.
  const date = (part.at ?? revisions.fallbackDate).replace(/\.\d+Z$/, 'Z');
  return { id: revisions.next(), author, date };
}

/** One line's text as run children: tabs become tab elements. */
function children(text: string): (string | Tab)[] {
  return text.split('\t').flatMap((piece, i) => (i === 0 ? [piece] : [new Tab(), piece])).filter((c) => c !== '');
}

/** A run of one part's text within one line. */
export function partRun(kind: DiffPart['kind'], text: string, part: Pick<DiffPart, 'authors' | 'at'>, revisions: Revisions): ParagraphChild {
  if (kind === 'equal') return new TextRun({ children: children(text) });
  const revision = revisionOf(part, revisions);
  return kind === 'insert' ? new InsertedTextRun({ ...revision, children: children(text) }) : new DeletedTextRun({ ...revision, children: children(text) });
}

/**
 * The paragraphs of a compared text, one per line of either side, each insertion a `w:ins` and each
 * deletion a `w:del`. A line break inside an insertion is an inserted paragraph mark and one inside a
 * deletion a deleted one, so accepting every change gives the newer text and rejecting every change the
 * older, paragraph for paragraph. `end` is what happened to the last paragraph's mark: an inserted article
 * brings it, a deleted one takes it away. `prefix` runs open the first paragraph (an article's label).
 */
export function trackedParagraphs(
  parts: readonly DiffPart[],
  layouts: LineLayouts,
  revisions: Revisions,
  options: { readonly end?: DiffPart['kind']; readonly prefix?: readonly ParagraphChild[] } = {},
): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let runs: ParagraphChild[] = [...(options.prefix ?? [])];
  let older = 0;
  let newer = 0;
  // Where the open paragraph starts on each side: its layout is its line's.
  let start = { older: 0, newer: 0 };
  const close = (mark: DiffPart['kind'], part: Pick<DiffPart, 'authors' | 'at'>) => {
    const layout = mark === 'delete' ? layouts.older(start.older) : layouts.newer(start.newer);
    const revision = mark === 'equal' ? {} : mark === 'insert' ? { insertion: revisionOf(part, revisions) } : { deletion: revisionOf(part, revisions) };
    paragraphs.push(new Paragraph({ ...layout, children: runs, ...(mark === 'equal' ? {} : { run: revision }) }));
    runs = [];
    start = { older, newer };
  };
  let last: DiffPart = { kind: 'equal', text: '' };
  for (const part of parts) {
    last = part;
    part.text.split('\n').forEach((line, i) => {
      if (i > 0) {
        if (part.kind !== 'insert') older += 1;
        if (part.kind !== 'delete') newer += 1;
        close(part.kind, part);
      }
      if (line) runs.push(partRun(part.kind, line, part, revisions));
    });
  }
  close(options.end ?? 'equal', last);
  return paragraphs;
}
