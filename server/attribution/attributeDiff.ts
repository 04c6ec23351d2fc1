import type { ArticleDiff, DiffAuthor, DiffPart, ModelDiff } from '../../shared/model/diffModels';
import type { DatedArticleChanges, DatedChange } from './changesBetween';

/**
 * Puts the authors of the kept history on a comparison's word changes (issue 12). The comparison is of two
 * models, word by word; the history is of Yjs items, character by character, per article. Within one
 * article the two list the same changes in the same order, so each insertion (deletion) of the comparison
 * takes the history's insertions (deletions) that it contains, or that contain it, in order. A change the
 * history does not hold (a number that changed by renumbering) keeps no author.
 */
export function attributeDiff<T extends ModelDiff>(diff: T, history: readonly DatedArticleChanges[]): T {
  const byKey = new Map<string, DatedChange[]>();
  for (const group of history) byKey.set(group.articleKey, [...(byKey.get(group.articleKey) ?? []), ...group.changes]);
  const articles = diff.articles.map((article): ArticleDiff => {
    const changes = [...(article.toKey ? (byKey.get(article.toKey) ?? []) : []), ...(article.fromKey && article.fromKey !== article.toKey ? (byKey.get(article.fromKey) ?? []) : [])];
    return changes.length ? { ...article, parts: createPartAttributor(changes)(article.parts) } : article;
  });
  const outside = byKey.get('') ?? [];
  const frame = outside.length ? { ...diff.frame, parts: createPartAttributor(outside)(diff.frame.parts) } : diff.frame;
  return { ...diff, frame, articles };
}

const LOOKAHEAD = 8;

/**
 * A matcher of parts to the history's changes, in order: each call takes the next parts (of one article, or
 * the next pieces of the frame) and leaves the changes it used behind it, so later calls go on from there.
 */
export function createPartAttributor(changes: readonly DatedChange[]): (parts: readonly DiffPart[]) => DiffPart[] {
  const queues = {
    insert: changes.filter((c) => c.kind === 'insert' && c.text.trim() !== ''),
    delete: changes.filter((c) => c.kind === 'delete' && c.text.trim() !== ''),
  };
  const next = { insert: 0, delete: 0 };
  return (parts) =>
    parts.map((part) => {
      if (part.kind === 'equal' || part.text.trim() === '') return part;
      const queue = queues[part.kind];
      const text = part.text.trim();
      const authors: DiffAuthor[] = [];
      let at: string | null = null;
      // A few changes ahead at most: a short part must not match text far away and skip what lies between.
      const start = next[part.kind];
      for (let i = start; i < Math.min(queue.length, start + LOOKAHEAD); i += 1) {
        const change = queue[i]!;
        const own = change.text.trim();
        const inside = text.includes(own);
        if (!inside && !own.includes(text)) continue;
        if (!authors.some((a) => a.id === change.member.id)) authors.push(change.member);
        at ??= change.at;
        // A change inside this part is used up; one that spans more parts stays for the next.
        next[part.kind] = inside ? i + 1 : i;
        if (!inside) break;
      }
      return authors.length ? { ...part, authors, ...(at ? { at } : {}) } : part;
    });
}
