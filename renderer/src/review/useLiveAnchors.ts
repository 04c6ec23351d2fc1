import { useEffect, useRef, useState } from 'react';
import type { LexicalEditor } from 'lexical';
import type * as Y from 'yjs';
import type { Language } from '../../../shared/lang/language';
import { readActText, type ActText, type SegmentPoint, type TextPoint } from '../../../shared/review/actText';
import { articlesByBlock, blockKindLabel } from '../../../shared/review/articles';
import { resolveTextAnchor, type AnchorState, type TextAnchor } from '../../../shared/review/textAnchor';
import { rangeOf } from './anchorDom';

/** Where a thread's text is in this window's copy of the act, right now. */
export interface LiveAnchor {
  readonly state: AnchorState;
  readonly text: string;
  readonly articleKey: string | null;
  readonly articleLabel: string;
  /** Position in document order. */
  readonly order: number;
  /** The DOM range that shows the text, when anchored and rendered. */
  readonly range: Range | null;
}

/** How long edits must pause before anchors are resolved again in this window. */
export const LIVE_ANCHOR_DEBOUNCE_MS = 120;

/** The CSS Custom Highlight names of commented text and of the thread in focus (styled in styles.css). */
export const HIGHLIGHTS = { all: 'sj-comment', active: 'sj-comment-active' } as const;

function toTextPoint(act: ActText, point: SegmentPoint): TextPoint {
  return { path: act.segments[point.segment]?.path ?? [], offset: point.offset };
}

/**
 * Resolves the anchors of the threads against this window's own Y.Doc after every editor update, so the
 * panel follows edits as they happen (also offline), and highlights the anchored text with the CSS Custom
 * Highlight API, which never touches the document or its DOM.
 */
export function useLiveAnchors(
  editor: LexicalEditor,
  doc: Y.Doc | null,
  anchors: ReadonlyMap<string, TextAnchor>,
  language: Language,
  activeId: string | null,
): ReadonlyMap<string, LiveAnchor> {
  const [live, setLive] = useState<ReadonlyMap<string, LiveAnchor>>(new Map());
  const timer = useRef(0);

  useEffect(() => {
    if (!doc) return;
    const compute = (): void => {
      if (anchors.size === 0) {
        setLive(new Map());
        return;
      }
      const act = readActText(doc);
      const places = articlesByBlock(act.blocks, language);
      const starts: number[] = [];
      let n = 0;
      for (const segment of act.segments) {
        starts.push(n);
        n += segment.text.length + 1;
      }
      const out = new Map<string, LiveAnchor>();
      for (const [id, anchor] of anchors) {
        const r = resolveTextAnchor(doc, anchor, act);
        const place = r.top >= 0 ? places[r.top] : null;
        const range = r.start && r.end ? rangeOf(editor, toTextPoint(act, r.start), toTextPoint(act, r.end)) : null;
        out.set(id, {
          state: r.state,
          text: r.text,
          articleKey: r.state === 'anchored' ? (place?.key ?? null) : null,
          articleLabel: r.state === 'anchored' ? (place?.label ?? blockKindLabel(act.blocks[r.top], language)) : '',
          order: r.start ? (starts[r.start.segment] ?? 0) + r.start.offset : r.top >= 0 ? (starts[act.segments.findIndex((s) => s.top === r.top)] ?? 0) : Number.MAX_SAFE_INTEGER,
          range,
        });
      }
      setLive(out);
    };
    // Reading a long act takes milliseconds, so it waits for a pause in typing rather than running per key.
    const schedule = (): void => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(compute, LIVE_ANCHOR_DEBOUNCE_MS);
    };
    compute();
    const stop = editor.registerUpdateListener(schedule);
    return () => {
      stop();
      window.clearTimeout(timer.current);
    };
  }, [editor, doc, anchors, language]);

  useEffect(() => {
    const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
    if (!registry || typeof Highlight === 'undefined') return;
    const ranges = [...live.entries()].filter(([id, a]) => a.range && id !== activeId).map(([, a]) => a.range!);
    registry.set(HIGHLIGHTS.all, new Highlight(...ranges));
    const active = activeId ? live.get(activeId)?.range : null;
    if (active) registry.set(HIGHLIGHTS.active, new Highlight(active));
    else registry.delete(HIGHLIGHTS.active);
    return () => {
      registry.delete(HIGHLIGHTS.all);
      registry.delete(HIGHLIGHTS.active);
    };
  }, [live, activeId]);

  return live;
}
