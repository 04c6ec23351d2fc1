import type * as Y from 'yjs';
import type { Suggestion, SuggestionStatus } from '../../shared/api/suggestions';
import type { Language } from '../../shared/lang/language';
import { readActText, type ActText } from '../../shared/review/actText';
import { articlesByBlock, blockKindLabel, type ArticlePlace } from '../../shared/review/articles';
import { blockKeys } from '../../shared/review/blockKeys';
import { resolveGap, resolvePoint, resolveSpan, type BlockPoint, type ResolvedSpan } from '../../shared/review/suggestionSpan';
import type { StoredSuggestion } from './suggestionStore';

/** A suggestion placed in one state of the act: its status there, where it is, and in which article. */
export interface SuggestionPlacement {
  readonly status: SuggestionStatus;
  /** Where the quote stands (open suggestions whose quote still stands). */
  readonly span: ResolvedSpan | null;
  readonly blockKey: string;
  readonly articleKey: string | null;
  readonly articleLabel: string;
  /** Position in document order, comparable with comment threads' `order`. */
  readonly order: number;
}

/** What placing needs to know of an act state, read once for many suggestions. */
export interface ActPlaces {
  readonly doc: Y.Doc;
  readonly act: ActText;
  readonly keys: readonly string[];
  readonly places: readonly (ArticlePlace | null)[];
  readonly byKey: ReadonlyMap<string, ArticlePlace>;
  readonly starts: readonly number[];
  readonly language: Language;
}

/** Reads the blocks, keys and articles of one state of an act. */
export function actPlaces(doc: Y.Doc, language: Language): ActPlaces {
  const act = readActText(doc);
  const places = articlesByBlock(act.blocks, language);
  const byKey = new Map<string, ArticlePlace>();
  for (const place of places) if (place) byKey.set(place.key, place);
  const starts: number[] = [];
  let n = 0;
  for (const segment of act.segments) {
    starts.push(n);
    n += segment.text.length + 1;
  }
  return { doc, act, keys: blockKeys(act.blocks), places, byKey, starts, language };
}

/**
 * Places a suggestion: an open one is `stale` when its quote no longer stands, whole, at its position; a
 * decided one is placed where its change stands (accepted) or where its quote is (rejected), else by its
 * block's key. `live` is false for frozen versions, where staleness is not judged.
 */
export function placeSuggestion(at: ActPlaces, s: StoredSuggestion, live: boolean): SuggestionPlacement {
  const span = s.status === 'open' ? resolveSpan(at.doc, at.act, s.position, s.quote) : null;
  let point: BlockPoint | null = span?.from ?? null;
  if (!point && s.applied?.kind === 'replaced') point = resolvePoint(at.doc, at.act, s.applied.from)?.point ?? null;
  if (!point && s.applied?.kind === 'removed') {
    const top = resolveGap(at.doc, s.applied.gap);
    if (top >= 0 && top < at.act.blocks.length) point = { top, offset: 0 };
  }
  if (!point && s.status !== 'accepted') point = resolveSpan(at.doc, at.act, s.position, s.quote)?.from ?? null;
  const keyed = at.keys.indexOf(s.blockKey);
  if (!point && keyed >= 0) point = { top: keyed, offset: 0 };
  const top = point?.top ?? -1;
  const place = top >= 0 ? (at.places[top] ?? null) : s.articleKey ? (at.byKey.get(s.articleKey) ?? null) : null;
  const segment = top >= 0 ? at.act.segmentAt([top]) : -1;
  return {
    status: s.status === 'open' ? (span || !live ? 'open' : 'stale') : s.status,
    span,
    blockKey: span ? (at.keys[span.from.top] ?? s.blockKey) : s.blockKey,
    articleKey: place?.key ?? (top >= 0 ? null : s.articleKey),
    articleLabel: place?.label ?? (top >= 0 ? blockKindLabel(at.act.blocks[top], at.language) : ''),
    order: segment >= 0 ? (at.starts[segment] ?? 0) + (point?.offset ?? 0) : Number.MAX_SAFE_INTEGER,
  };
}

/** The API view of a stored suggestion placed in the current text. */
export function suggestionView(s: StoredSuggestion, placement: SuggestionPlacement): Suggestion {
  const decided = s.decision
    ? { decidedBy: s.decision.by, decidedAt: s.decision.at, ...(s.decision.reason ? { reason: s.decision.reason } : {}) }
    : {};
  return {
    id: s.id,
    blockKey: placement.blockKey,
    articleKey: placement.articleKey,
    articleLabel: placement.articleLabel,
    quote: s.quote,
    text: s.text,
    newBlocks: s.newBlocks,
    note: s.note,
    author: s.author,
    createdAt: s.createdAt,
    status: placement.status,
    ...decided,
    publicConsultation: s.publicConsultation,
    at: placement.status === 'open' && placement.span ? { blockKey: placement.blockKey, offset: placement.span.from.offset } : null,
    position: placement.span?.moved ?? s.position,
  };
}
