import type { Person } from '../../../shared/api/review';
import type { NewBlockSpec, Suggestion, SuggestionStatus } from '../../../shared/api/suggestions';
import { memberColor } from '../ui/userIdentity';
import type { QueuedSuggestion } from './suggestionQueue';
import type { TypedChange } from './suggestingController';
import { TYPING_ID, type PlacedSpans } from './useRedlineMarks';
import type { StoredRefusal } from '../errors/errorText';

/** A suggestion as the side panel lists it: the server's, one waiting to be sent, or the one being typed. */
export interface SuggestionView {
  readonly id: string;
  readonly author: Person;
  readonly color: string;
  readonly articleKey: string | null;
  readonly articleLabel: string;
  readonly quote: string;
  readonly text: string;
  readonly newBlocks: readonly (NewBlockSpec | null)[];
  readonly note: string | null;
  readonly createdAt: string;
  readonly status: SuggestionStatus | 'pending' | 'typing';
  readonly decidedBy?: Person;
  readonly decidedAt?: string;
  readonly reason?: string;
  /** The server refused the queued suggestion with this message. */
  readonly error?: StoredRefusal | string;
  /** The block it is in now in this window, for scrolling to it; -1 when not placed. */
  readonly top: number;
  readonly server: Suggestion | null;
}

/** Open and stale ones, in document order, then those waiting here; the decided ones apart. */
export interface SuggestionLists {
  readonly open: readonly SuggestionView[];
  readonly decided: readonly SuggestionView[];
  /** The decision this member made last and may undo, or null. */
  readonly lastMine: SuggestionView | null;
  /** For open suggestions of one author in one article: how many, keyed by `${authorId} ${articleKey}`. */
  readonly groups: ReadonlyMap<string, number>;
}

/** The key of one author's suggestions in one article. */
export const groupKey = (authorId: string, articleKey: string): string => `${authorId} ${articleKey}`;

/** Merges the server's suggestions, the offline queue and the change being typed into what the panel lists. */
export function suggestionLists(suggestions: readonly Suggestion[], queued: readonly QueuedSuggestion[], typing: TypedChange | null, placed: PlacedSpans, me: Person, now: string): SuggestionLists {
  const known = new Set(suggestions.map((s) => s.id));
  const topOf = (id: string): number => placed.spans.get(id)?.top ?? -1;
  const local = (id: string, top: number) => ({
    author: me,
    color: memberColor(me.id),
    articleKey: top >= 0 ? (placed.articles[top] ?? null) : null,
    articleLabel: top >= 0 ? (placed.labels[top] ?? '') : '',
    note: null,
    top,
    server: null,
    id,
  });
  const views: SuggestionView[] = suggestions.map((s) => ({
    id: s.id,
    author: s.author,
    color: memberColor(s.author.id),
    articleKey: s.articleKey,
    articleLabel: s.articleLabel,
    quote: s.quote,
    text: s.text,
    newBlocks: s.newBlocks,
    note: s.note,
    createdAt: s.createdAt,
    status: s.status,
    ...(s.decidedBy ? { decidedBy: s.decidedBy } : {}),
    ...(s.decidedAt ? { decidedAt: s.decidedAt } : {}),
    ...(s.reason ? { reason: s.reason } : {}),
    top: topOf(s.id),
    server: s,
  }));
  for (const q of queued) {
    if (known.has(q.id)) continue;
    views.push({ ...local(q.id, topOf(q.id)), quote: q.quote, text: q.text, newBlocks: q.newBlocks, createdAt: q.createdAt, status: 'pending', ...(q.error ? { error: q.error } : {}) });
  }
  if (typing) views.push({ ...local(TYPING_ID, typing.top), quote: typing.quote, text: typing.text, newBlocks: typing.newBlocks, createdAt: now, status: 'typing' });

  const open = views.filter((v) => v.status !== 'accepted' && v.status !== 'rejected');
  const decided = views.filter((v) => v.status === 'accepted' || v.status === 'rejected').sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''));
  const lastMine = decided.find((v) => v.decidedBy?.id === me.id) ?? null;
  const groups = new Map<string, number>();
  for (const v of open) if (v.server && v.status === 'open' && v.articleKey) groups.set(groupKey(v.author.id, v.articleKey), (groups.get(groupKey(v.author.id, v.articleKey)) ?? 0) + 1);
  return { open, decided, lastMine, groups };
}
