import type { Bilingual } from '../lang/language';
import type { ArticleModel, BodyItem, ClauseModel, DocumentModel } from '../model/documentModel';
import { formatCitation, type CitationTarget } from '../model/numbering';

/** An article of the act with where it stands: the main body, or the annex it belongs to. */
export interface PlacedArticle {
  readonly article: ArticleModel;
  /** The annex number, or null in the main body. */
  readonly annex: number | null;
}

/** A paragraph or subparagraph with its article. */
export interface PlacedClause {
  readonly clause: ClauseModel;
  readonly placed: PlacedArticle;
}

/** Every article of the act, main body first, then each annex's. */
export function placedArticles(model: DocumentModel): PlacedArticle[] {
  const of = (items: readonly BodyItem[], annex: number | null): PlacedArticle[] =>
    items.filter((i): i is ArticleModel => i.kind === 'article').map((article) => ({ article, annex }));
  return [...of(model.body, null), ...model.annexes.flatMap((a) => of(a.body, a.number))];
}

/** Every paragraph and subparagraph of an article, depth first in document order. */
export function clausesOf(placed: PlacedArticle): PlacedClause[] {
  const out: PlacedClause[] = [];
  const visit = (clause: ClauseModel): void => {
    out.push({ clause, placed });
    clause.children.forEach(visit);
  };
  for (const item of placed.article.content) if (item.kind === 'clause') visit(item);
  return out;
}

/** Every text of an article: its heading, unnumbered texts, clauses and table cells. */
export function articleTexts(placed: PlacedArticle): string[] {
  const out = [placed.article.heading];
  for (const item of placed.article.content) {
    if (item.kind === 'text') out.push(item.text);
    if (item.kind === 'table') out.push(...item.rows.flat());
  }
  out.push(...clausesOf(placed).map((c) => c.clause.text));
  return out;
}

const annexPrefix = (annex: number | null): Bilingual =>
  annex === null ? { ka: '', en: '' } : { ka: `დანართი №${annex}, `, en: `Annex ${annex}, ` };

/** "მუხლი 3" / "Article 3", with the annex when the article is in one. */
export function articleName(placed: PlacedArticle): Bilingual {
  const prefix = annexPrefix(placed.annex);
  return { ka: `${prefix.ka}მუხლი ${placed.article.number}`, en: `${prefix.en}Article ${placed.article.number}` };
}

/** A clause named as a citation: "მე-3 მუხლის მე-2 პუნქტის „ა“ ქვეპუნქტი" / "Article 3(2)(a)". */
export function clauseName(placed: PlacedClause): Bilingual {
  const [paragraph, ...sub] = placed.clause.path;
  const target: CitationTarget = {
    article: placed.placed.article.number,
    ...(paragraph ? { paragraph } : {}),
    ...(sub.length ? { subparagraph: sub } : {}),
  };
  const prefix = annexPrefix(placed.placed.annex);
  return { ka: `${prefix.ka}${formatCitation(target, 'ka')}`, en: `${prefix.en}${formatCitation(target, 'en')}` };
}

/** The first words of a text, for naming a comment or a suggestion in a message. */
export function excerpt(text: string, max = 40): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
