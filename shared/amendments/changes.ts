import type { Language } from '../lang/language';
import { withRemovedUnits } from '../model/consolidate';
import { diffModels } from '../model/diffModels';
import type { ArticleModel, ClauseModel, DocumentModel } from '../model/documentModel';
import { formatStableCitation, stableLetter, stableNumberLabel, stableOrdinal, type CitationCase, type StableNumber } from '../model/numbering';
import { renderItem } from '../model/plainText';
import { articleStable, baseFromModel, clauseStablePath, stableCitation } from '../model/stableNumbering';
import { AMENDMENT_FORMULAE } from './amendmentFormulae';

/** One change of an amending act: what kind, which unit (its stable id) and its sentence in the formulae. */
export interface AmendmentChange {
  readonly kind: 'replaced' | 'heading' | 'added' | 'addedArticle' | 'deleted';
  readonly unitKey: string;
  /** The formula, without the point's closing ';' or '.'. */
  readonly text: string;
}

/** The revision with every unit of the act in force it no longer has kept in place as removed. */
export function consolidatedForm(inForce: DocumentModel, revision: DocumentModel): DocumentModel {
  return withRemovedUnits(revision, baseFromModel(inForce), AMENDMENT_FORMULAE[revision.language].removed(null));
}

type Content = ArticleModel['content'][number];

const quote = (item: ArticleModel | ClauseModel): string => {
  const lines: string[] = [];
  renderItem(item, lines);
  return lines.join('\n');
};

/**
 * The changes between the act in force and its consolidated revision, in the order of the units they change:
 * articles in the revision's order (the article-aligned diff, paired by stable key), and inside an article its
 * title first, then its units depth first. A unit whose text changed is restated whole, with the units below it.
 */
export function amendmentChanges(from: DocumentModel, to: DocumentModel, language: Language): AmendmentChange[] {
  const f = AMENDMENT_FORMULAE[language];
  const olds = new Map(from.body.filter((i): i is ArticleModel => i.kind === 'article').map((a) => [a.key, a]));
  const news = new Map(to.body.filter((i): i is ArticleModel => i.kind === 'article').map((a) => [a.key, a]));
  const cite = (article: StableNumber, path: readonly StableNumber[] = [], grammaticalCase: CitationCase = 'nominative') =>
    formatStableCitation(stableCitation(article, path), language, grammaticalCase);
  const out: AmendmentChange[] = [];

  for (const entry of diffModels(from, to).articles) {
    if (entry.fromAnnex !== null || entry.toAnnex !== null) continue;
    const old = entry.fromKey !== null && entry.matchedBy !== 'content' ? olds.get(entry.fromKey) : undefined;
    const now = entry.toKey !== null ? news.get(entry.toKey) : undefined;
    if (!now || now.removed) {
      if (old && !old.removed) out.push({ kind: 'deleted', unitKey: old.key, text: f.deleted(cite(articleStable(old))) });
      continue;
    }
    const number = articleStable(now);
    if (!old) {
      const unit = language === 'ka' ? `${stableOrdinal(number)} მუხლი` : `Article ${stableNumberLabel(number)}`;
      out.push({ kind: 'addedArticle', unitKey: now.key, text: f.addedArticle(unit, quote(now)) });
      continue;
    }
    if (old.removed || unnumberedText(old) !== unnumberedText(now)) {
      out.push({ kind: 'replaced', unitKey: now.key, text: f.replaced(cite(number), quote(now)) });
      continue;
    }
    if (old.heading !== now.heading) {
      const headingLine = now.heading ? `${now.label}. ${now.heading}` : `${now.label}.`;
      out.push({ kind: 'heading', unitKey: now.key, text: f.heading(cite(number, [], 'genitive'), headingLine) });
    }
    const oldClauses = new Map<string, ClauseModel>();
    const index = (items: readonly Content[]) => {
      for (const item of items) {
        if (item.kind !== 'clause') continue;
        oldClauses.set(item.key, item);
        index(item.children);
      }
    };
    index(old.content);
    const walk = (items: readonly Content[], parentPath: readonly StableNumber[]) => {
      for (const item of items) {
        if (item.kind !== 'clause') continue;
        const before = oldClauses.get(item.key);
        const path = clauseStablePath(item);
        if (item.removed) {
          if (before && !before.removed) out.push({ kind: 'deleted', unitKey: item.key, text: f.deleted(cite(number, path)) });
        } else if (!before) {
          // English citations take no case, so the dative serves both languages.
          out.push({ kind: 'added', unitKey: item.key, text: f.added(cite(number, parentPath, 'dative'), unitName(path, language), quote(item)) });
        } else if (before.removed || before.text !== item.text) {
          out.push({ kind: 'replaced', unitKey: item.key, text: f.replaced(cite(number, path), quote(item)) });
        } else {
          walk(item.children, path);
        }
      }
    };
    walk(now.content, []);
  }
  return out;
}

/** The new unit as the formula names it: "მე-4 პუნქტი", "4¹ პუნქტი", "„დ“ ქვეპუნქტი" / "paragraph 4", "subparagraph (d)". */
function unitName(path: readonly StableNumber[], language: Language): string {
  const last = path[path.length - 1] ?? [1];
  if (path.length <= 1) return language === 'ka' ? `${stableOrdinal(last)} პუნქტი` : `paragraph ${stableNumberLabel(last)}`;
  const letters = path
    .slice(1)
    .map((n) => stableLetter(n, language))
    .join('.');
  return language === 'ka' ? `„${letters}“ ქვეპუნქტი` : `subparagraph (${letters})`;
}

/** The text of an article outside its numbered units (a lone text, a table): a change there restates the article. */
function unnumberedText(article: ArticleModel): string {
  const lines: string[] = [];
  for (const item of article.content) if (item.kind !== 'clause') renderItem(item, lines);
  return lines.join('\n');
}
