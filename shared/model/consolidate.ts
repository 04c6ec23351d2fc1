import type { Language } from '../lang/language';
import type { ArticleModel, BodyItem, ClauseModel, DocumentModel } from './documentModel';
import { articleLabel, compareStable, stableNumberLabel, type StableNumber } from './numbering';
import { articleStable, clauseStablePath, stableClauseLabel, type BaseUnit, type NumberingBase } from './stableNumbering';

type Content = ArticleModel['content'][number];

/**
 * The consolidated form of a revision: every unit of the act in force that the revision no longer has keeps
 * its number and its place, with the text "ამოღებულია" (GLOSSARY.md: a removed unit keeps its number). A
 * unit removed by an earlier amending act keeps the text it was given then. Pure; the model is not changed.
 */
export function withRemovedUnits(model: DocumentModel, base: NumberingBase, removedText: string): DocumentModel {
  const present = new Set<string>();
  const walkClauses = (items: readonly Content[]) => {
    for (const item of items) if (item.kind === 'clause') markClause(item);
  };
  const markClause = (clause: ClauseModel) => {
    present.add(clause.key);
    walkClauses(clause.children);
  };
  const bodies = [model.body, ...model.annexes.map((a) => a.body)];
  for (const body of bodies) {
    for (const item of body) {
      if (item.kind !== 'article') continue;
      present.add(item.key);
      walkClauses(item.content);
    }
  }
  const missing = base.units.filter((u) => !present.has(u.key));
  if (missing.length === 0) return model;

  const textOf = (unit: BaseUnit) => unit.removed ?? removedText;
  const articles = missing.filter((u) => u.kind === 'article');
  const clauses = missing.filter((u) => u.kind === 'clause' && u.parent !== null && present.has(u.parent));
  const withArticles = (body: readonly BodyItem[], container: string | null): BodyItem[] => {
    let out = body.map((item) => (item.kind === 'article' ? withClauses(item, clauses, textOf, model.language) : item));
    for (const unit of articles.filter((u) => u.parent === container)) {
      const placeholder: ArticleModel = {
        kind: 'article',
        key: unit.key,
        number: unit.number[0] ?? 0,
        label: articleLabel(stableNumberLabel(unit.number), model.language),
        heading: textOf(unit),
        content: [],
        stable: unit.number,
        removed: true,
      };
      out = insertByNumber(out, placeholder, (item) => (item.kind === 'article' ? articleStable(item) : null));
    }
    return out;
  };
  return {
    ...model,
    body: withArticles(model.body, null),
    annexes: model.annexes.map((annex) => ({ ...annex, body: withArticles(annex.body, annex.key) })),
  };
}

function withClauses(article: ArticleModel, missing: readonly BaseUnit[], textOf: (u: BaseUnit) => string, language: Language): ArticleModel {
  if (!missing.some((u) => u.parent === article.key) && !article.content.some((c) => c.kind === 'clause' && hasMissingBelow(c, missing))) return article;
  const fill = (items: readonly Content[], parentKey: string, parentPath: readonly StableNumber[], depth: number): Content[] => {
    let out: Content[] = items.map((item) => (item.kind === 'clause' ? { ...item, children: fill(item.children, item.key, clauseStablePath(item), item.depth + 1) as ClauseModel[] } : item));
    for (const unit of missing.filter((u) => u.parent === parentKey)) {
      const stablePath = [...parentPath.slice(0, depth), unit.number];
      const placeholder: ClauseModel = {
        kind: 'clause',
        key: unit.key,
        depth: unit.depth,
        path: stablePath.map((n) => n[0] ?? 0),
        label: stableClauseLabel(stablePath, language),
        text: textOf(unit),
        children: [],
        stablePath,
        removed: true,
      };
      out = insertByNumber(out, placeholder, (item) => (item.kind === 'clause' ? (clauseStablePath(item).at(-1) ?? null) : null));
    }
    return out;
  };
  return { ...article, content: fill(article.content, article.key, [], 0) };
}

function hasMissingBelow(clause: ClauseModel, missing: readonly BaseUnit[]): boolean {
  return missing.some((u) => u.parent === clause.key) || clause.children.some((c) => hasMissingBelow(c, missing));
}

/** Inserts `item` after the last numbered item with a smaller number, or before the first numbered one. */
function insertByNumber<T>(items: readonly T[], item: T, numberOf: (t: T) => StableNumber | null): T[] {
  const own = numberOf(item) ?? [0];
  let at = -1;
  let first = -1;
  items.forEach((other, i) => {
    const n = numberOf(other);
    if (!n) return;
    if (first < 0) first = i;
    if (compareStable(n, own) < 0) at = i;
  });
  const index = at >= 0 ? at + 1 : first >= 0 ? first : items.length;
  return [...items.slice(0, index), item, ...items.slice(index)];
}
