import type { Language } from '../lang/language';

/**
 * The plain, JSON-serialisable form of an act that every reader on the server uses (export, text, diff,
 * search), derived from the Yjs state through headless Lexical. Numbers are computed, never stored in text.
 */
export interface DocumentModel {
  readonly language: Language;
  readonly header: ActHeader;
  readonly title: string;
  /** The legal basis paragraphs; the enacting formula ("… საკრებულო ადგენს:") is kept apart. */
  readonly preamble: readonly string[];
  readonly enactingFormula: string;
  readonly body: readonly BodyItem[];
  readonly annexes: readonly AnnexModel[];
  readonly signature: readonly string[];
}

/**
 * The kinds of act: the council's ordinance and individual decree, and the Mayor's order (ბრძანება, issue 13
 * §5). The Georgian type is canonical, the English label configurable.
 */
export const ACT_TYPES = ['dadgenileba', 'gankarguleba', 'brdzaneba'] as const;
/** A canonical act type. */
export type ActType = (typeof ACT_TYPES)[number];

/** The header block of an act: issuing body, act type and number, date and place. */
export interface ActHeader {
  readonly issuingBody: string;
  readonly actType: ActType;
  /** The act type as written in the document ("დადგენილება", "Ordinance"). */
  readonly actTypeLabel: string;
  readonly number: string;
  readonly date: string;
  readonly place: string;
}

/** What can stand in the body of an act or an annex. */
export type BodyItem = ChapterModel | ArticleModel | ClauseModel | TextModel | TableModel;

/** A chapter heading; articles after it belong to it until the next chapter. */
export interface ChapterModel {
  readonly kind: 'chapter';
  readonly key: string;
  readonly number: number;
  /** "თავი II" / "Chapter II". */
  readonly label: string;
  readonly heading: string;
}

/** An article with its computed number and its paragraphs. */
export interface ArticleModel {
  readonly kind: 'article';
  /** A stable id that survives renumbering and moves; review and references use it. */
  readonly key: string;
  readonly number: number;
  /** "მუხლი 3" / "Article 3". */
  readonly label: string;
  readonly heading: string;
  readonly content: readonly (ClauseModel | TextModel | TableModel)[];
  /** In a revision of an act in force: the number with its superscripts, [5, 1] for "მუხლი 5¹" (issue 13). */
  readonly stable?: readonly number[];
  /** A removed article's place in a consolidated text: its heading is then "ამოღებულია (…)". */
  readonly removed?: true;
}

/** A numbered paragraph (depth 0) or a lettered subparagraph (depth ≥ 1) with those nested below it. */
export interface ClauseModel {
  readonly kind: 'clause';
  readonly key: string;
  /** 0 = paragraph (პუნქტი), 1 = subparagraph (ქვეპუნქტი), 2 = „ბ.ა", … */
  readonly depth: number;
  /** The number path from the paragraph down: [2] = "2.", [2, 1] = "ა)" under paragraph 2. */
  readonly path: readonly number[];
  /** "2." / "ა)" / "ბ.ა)". */
  readonly label: string;
  readonly text: string;
  readonly children: readonly ClauseModel[];
  /** In a revision of an act in force: the path with superscripts, [[4, 1]] for paragraph "4¹." (issue 13). */
  readonly stablePath?: readonly (readonly number[])[];
  /** A removed clause's place in a consolidated text: its text is then "ამოღებულია (…)". */
  readonly removed?: true;
}

/** An unnumbered paragraph of text. */
export interface TextModel {
  readonly kind: 'text';
  readonly text: string;
}

/** A table, e.g. the measures of an action plan; the first row is the header row. */
export interface TableModel {
  readonly kind: 'table';
  readonly rows: readonly (readonly string[])[];
}

/** An annex: its own heading and content, with article numbering that restarts inside it. */
export interface AnnexModel {
  readonly key: string;
  readonly number: number;
  /** "დანართი №1" / "Annex 1". */
  readonly label: string;
  readonly heading: string;
  readonly body: readonly BodyItem[];
}

/** Every article of the act in document order: the main body first, then each annex. */
export function allArticles(model: DocumentModel): ArticleModel[] {
  const items = [...model.body, ...model.annexes.flatMap((a) => a.body)];
  return items.filter((item): item is ArticleModel => item.kind === 'article');
}
