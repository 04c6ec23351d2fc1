import { useEffect, useMemo, useRef, useState } from 'react';
import type { LexicalEditor } from 'lexical';
import type * as Y from 'yjs';
import type { Person } from '../../../shared/api/review';
import type { Suggestion } from '../../../shared/api/suggestions';
import type { Language } from '../../../shared/lang/language';
import { readActText } from '../../../shared/review/actText';
import { articlesByBlock, blockKindLabel } from '../../../shared/review/articles';
import { resolveSpan, type SpanRef } from '../../../shared/review/suggestionSpan';
import { memberColor } from '../ui/userIdentity';
import type { RedlineMark } from './redline';
import type { QueuedSuggestion } from './suggestionQueue';
import type { TypedChange } from './suggestingController';

/** The id of the change being typed, in the redline. */
export const TYPING_ID = 'typing';

/** How long edits must pause before suggestions are placed again in this window's text. */
export const REDLINE_DEBOUNCE_MS = 120;

/** Where suggestions' quotes stand in this window's copy of the act, and what each block is called. */
export interface PlacedSpans {
  /** By suggestion id; absent when its quote does not stand. */
  readonly spans: ReadonlyMap<string, { readonly top: number; readonly from: number; readonly to: number }>;
  /** For each top-level block: its article's label ("მუხლი 3"), or the kind of block outside articles. */
  readonly labels: readonly string[];
  /** For each top-level block: its article's stable key, or null outside articles. */
  readonly articles: readonly (string | null)[];
}

const NOTHING: PlacedSpans = { spans: new Map(), labels: [], articles: [] };

interface Placeable {
  readonly id: string;
  readonly position: SpanRef;
  readonly quote: string;
}

/**
 * Places the open suggestions and the queued ones in this window's own Y.Doc after every edit (so the redline
 * follows others' typing, offline too), as comment anchors are placed (useLiveAnchors.ts).
 */
export function usePlacedSpans(
  editor: LexicalEditor,
  doc: Y.Doc | null,
  suggestions: readonly Suggestion[],
  queued: readonly QueuedSuggestion[],
  language: Language,
): PlacedSpans {
  const [placed, setPlaced] = useState<PlacedSpans>(NOTHING);
  const timer = useRef(0);
  const wanted = useMemo<Placeable[]>(
    () => [...suggestions.filter((s) => s.status === 'open' || s.status === 'stale'), ...queued.filter((q) => !q.error)],
    [suggestions, queued],
  );

  useEffect(() => {
    if (!doc) return;
    const compute = (): void => {
      const act = readActText(doc);
      const places = articlesByBlock(act.blocks, language);
      const spans = new Map<string, { top: number; from: number; to: number }>();
      for (const s of wanted) {
        const span = resolveSpan(doc, act, s.position, s.quote);
        if (span) spans.set(s.id, { top: span.from.top, from: span.from.offset, to: span.to.offset });
      }
      setPlaced({ spans, labels: act.blocks.map((b, i) => places[i]?.label ?? blockKindLabel(b, language)), articles: places.map((p) => p?.key ?? null) });
    };
    const schedule = (): void => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(compute, REDLINE_DEBOUNCE_MS);
    };
    compute();
    const stop = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size || dirtyLeaves.size) schedule();
    });
    return () => {
      stop();
      window.clearTimeout(timer.current);
    };
  }, [editor, doc, wanted, language]);
  return placed;
}

/**
 * The redline marks of each block: open suggestions (the server's), queued ones (not sent yet) and the change
 * being typed, in that order, each in its author's colour. A queued suggestion the server has stored already
 * is shown once, as the server's.
 */
export function redlineMarks(
  suggestions: readonly Suggestion[],
  queued: readonly QueuedSuggestion[],
  typing: TypedChange | null,
  placed: PlacedSpans,
  me: Person,
): Map<number, RedlineMark[]> {
  const byTop = new Map<number, RedlineMark[]>();
  const add = (mark: RedlineMark): void => void byTop.set(mark.top, [...(byTop.get(mark.top) ?? []), mark]);
  const mine = { authorId: me.id, authorName: me.name, color: memberColor(me.id) };
  const known = new Set<string>();
  for (const s of suggestions) {
    const at = placed.spans.get(s.id);
    known.add(s.id);
    if (!at || s.status !== 'open') continue;
    add({ id: s.id, ...at, text: s.text, newBlocks: s.newBlocks, authorId: s.author.id, authorName: s.author.name, color: memberColor(s.author.id), source: 'server' });
  }
  for (const q of queued) {
    const at = placed.spans.get(q.id);
    if (!at || q.error || known.has(q.id)) continue;
    add({ id: q.id, ...at, text: q.text, newBlocks: q.newBlocks, ...mine, source: 'queued' });
  }
  if (typing) add({ id: TYPING_ID, top: typing.top, from: typing.start, to: typing.end, text: typing.text, newBlocks: typing.newBlocks, ...mine, source: 'typing' });
  return byTop;
}
