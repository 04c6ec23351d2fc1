import type { ArticleChanges, ChangeAuthor, ChangesResponse } from '../../../shared/api/changes';

/** One member's part in a set of changes, for the legend and the offer on opening an act. */
export interface ChangeContributor {
  readonly member: ChangeAuthor;
  readonly changes: number;
}

/** What a set of changes amounts to: how many, in how many articles, by whom. */
export interface ChangeSummary {
  readonly changes: number;
  /** Groups with changes: articles, and the parts outside them (title, preamble) counted as one each. */
  readonly articles: number;
  /** In order of first appearance in the act. */
  readonly contributors: readonly ChangeContributor[];
}

/** Summarises changes, leaving out those of `exceptMemberId` (the reader's own, for "since your last visit"). */
export function summarizeChanges(response: ChangesResponse, exceptMemberId?: string): ChangeSummary {
  const byMember = new Map<string, { member: ChangeAuthor; changes: number }>();
  let changes = 0;
  let articles = 0;
  for (const group of response.articles) {
    const counted = group.changes.filter((c) => c.member.id !== exceptMemberId);
    if (counted.length === 0) continue;
    articles += 1;
    changes += counted.length;
    for (const change of counted) {
      const entry = byMember.get(change.member.id) ?? { member: change.member, changes: 0 };
      entry.changes += 1;
      byMember.set(change.member.id, entry);
    }
  }
  return { changes, articles, contributors: [...byMember.values()] };
}

/** The number of changes per article key (the article's stable uid), for the badges; text outside articles is left out. */
export function countsByArticle(response: ChangesResponse | null): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const group of response?.articles ?? []) {
    // An article may come as several groups (its blocks are walked in order); the badge counts them all.
    if (group.articleKey && group.changes.length) counts.set(group.articleKey, (counts.get(group.articleKey) ?? 0) + group.changes.length);
  }
  return counts;
}

/** True for the authors that are no member: text of the template, or text older than the record of authors. */
export function isNonMember(author: ChangeAuthor): boolean {
  return author.id === 'system' || author.id === 'unknown';
}

/**
 * The changed article to go to from `current` (an index into `order`, the act's articles in document order,
 * or -1 when the reader is before the first), stepping forward (1) or back (-1) and wrapping round, as
 * Word's "next change" does. Returns an index into `order`, or -1 when no article has changes.
 */
export function stepToChanged(order: readonly string[], changed: ReadonlyMap<string, number>, current: number, step: 1 | -1): number {
  const n = order.length;
  if (n === 0) return -1;
  for (let i = 1; i <= n; i += 1) {
    // From -1 stepping forward the first candidate is 0; stepping back it is the last.
    const index = (((current + step * i) % n) + n) % n;
    const key = order[index];
    if (key !== undefined && (changed.get(key) ?? 0) > 0) return index;
  }
  return -1;
}

/** The text to show for a change: its own, or a visible mark for a change of spaces or line breaks only. */
export function visibleText(change: ArticleChanges['changes'][number], limit: number): { text: string; blank: boolean; cut: boolean } {
  if (change.text.trim() === '') return { text: '', blank: true, cut: false };
  return change.text.length > limit ? { text: `${change.text.slice(0, limit)}…`, blank: false, cut: true } : { text: change.text, blank: false, cut: false };
}
