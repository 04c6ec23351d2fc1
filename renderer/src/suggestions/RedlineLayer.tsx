import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { LexicalEditor } from 'lexical';
import { blockElement, domPointAt, $selectedSpan } from './blockPoints';
import { buildGhost, hitOf, insertedPoint, ownPoint, type Ghost, type GhostPoint, type NewBlockLabel } from './ghost';
import { layoutRedline, type RedlineMark } from './redline';
import { TYPING_ID } from './useRedlineMarks';
import type { TypedChange } from './suggestingController';

/** The CSS Custom Highlight of the selection inside redlined blocks (styled in suggestions.css). */
export const SELECTION_HIGHLIGHT = 'sj-rl-selection';

/** The attribute that marks a block of the act as covered by its redline. */
const COVERED = 'data-sj-redline';

interface Drawn {
  readonly top: number;
  readonly real: HTMLElement;
  readonly ghost: Ghost;
}

/** What the redline layer shows. */
export interface RedlineLayerProps {
  readonly editor: LexicalEditor;
  readonly marks: ReadonlyMap<number, readonly RedlineMark[]>;
  readonly typing: TypedChange | null;
  readonly label: NewBlockLabel;
  readonly activeId: string | null;
  /** The member clicked a change in the text. */
  readonly onPick: (id: string) => void;
  /** The member clicked into the text being typed: move the caret there. */
  readonly onCaretInTyping: (index: number) => void;
}

/**
 * The redline (issue 12), laid over the act: each block with changes is covered by its ghost (ghost.ts), and
 * the block below is kept as tall as the ghost, so the text after it moves down as insertions would push
 * it. The caret and the selection in covered blocks are drawn on the ghost; a click on a ghost puts the
 * editor's caret where the member sees it. Nothing here touches the editor's DOM but the cover attribute
 * and the height, which Lexical leaves alone.
 */
export function RedlineLayer({ editor, marks, typing, label, activeId, onPick, onCaretInTyping }: RedlineLayerProps) {
  const layer = useRef<HTMLDivElement>(null);
  const caret = useRef<HTMLDivElement>(null);
  const drawn = useRef<Drawn[]>([]);
  const [tick, setTick] = useState(0);

  // Others' edits, numbering and resizes move blocks: lay out again on the next frame.
  useEffect(() => {
    let frame = 0;
    const again = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setTick((n) => n + 1));
    };
    const root = editor.getRootElement();
    const resize = new ResizeObserver(again);
    if (root) resize.observe(root);
    const stop = editor.registerUpdateListener(again);
    document.addEventListener('selectionchange', again);
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      stop();
      document.removeEventListener('selectionchange', again);
    };
  }, [editor]);

  useLayoutEffect(() => {
    const host = layer.current;
    if (!host) return;
    // Take the last layout down; blocks keep their own height while measured.
    for (const d of drawn.current) {
      d.ghost.element.remove();
      d.real.removeAttribute(COVERED);
      d.real.style.minHeight = '';
    }
    const next: Drawn[] = [];
    for (const [top, list] of marks) {
      const real = blockElement(editor, top);
      if (!real || !list.length) continue;
      const ghost = buildGhost(real, layoutRedline(textLength(real), list), label);
      ghost.element.append(authorsOf(list, onPick));
      ghost.element.classList.toggle('sj-rl-active', list.some((m) => m.id === activeId));
      ghost.element.style.width = `${real.getBoundingClientRect().width}px`;
      host.append(ghost.element);
      next.push({ top, real, ghost });
    }
    for (const d of next) {
      d.real.setAttribute(COVERED, '');
      d.real.style.minHeight = `${d.ghost.element.offsetHeight}px`;
    }
    const origin = host.getBoundingClientRect();
    for (const d of next) {
      const rect = d.real.getBoundingClientRect();
      d.ghost.element.style.top = `${rect.top - origin.top}px`;
      d.ghost.element.style.left = `${rect.left - origin.left}px`;
    }
    drawn.current = next;
    drawCaretAndSelection(editor, next, typing, caret.current, origin);
  }, [editor, marks, typing, label, activeId, tick]);

  useEffect(
    () => () => {
      for (const d of drawn.current) {
        d.real.removeAttribute(COVERED);
        d.real.style.minHeight = '';
      }
      CSS.highlights?.delete(SELECTION_HIGHLIGHT);
    },
    [],
  );

  // A click on a covered block lands in the editor's text under the ghost; put the caret where the member
  // clicked in the ghost instead, and say which change was clicked.
  useEffect(() => {
    const root = editor.getRootElement();
    if (!root) return;
    const onUp = (event: MouseEvent): void => {
      const hit = ghostAt(drawn.current, event.clientX, event.clientY, layer.current);
      if (!hit) return;
      const mark = (event.target as Element | null)?.closest?.('[data-mark]') as HTMLElement | null;
      const picked = hit.mark ?? mark?.dataset.mark;
      if (picked && picked !== TYPING_ID) onPick(picked);
      if (!window.getSelection()?.isCollapsed) return;
      if (hit.hit.kind === 'inserted' && hit.hit.markId === TYPING_ID) {
        onCaretInTyping(hit.hit.index);
        return;
      }
      const offset = hit.hit.kind === 'own' ? hit.hit.offset : (hit.markTo ?? 0);
      const point = domPointAt(hit.drawn.real, offset);
      window.getSelection()?.collapse(point.node, point.offset);
    };
    root.addEventListener('mouseup', onUp);
    return () => root.removeEventListener('mouseup', onUp);
  }, [editor, onPick, onCaretInTyping]);

  return (
    <div ref={layer} className="sj-redline-layer" aria-hidden="true">
      <div ref={caret} className="sj-rl-caret" hidden />
    </div>
  );
}

/** The authors of a block's changes, as coloured initials in the margin beside it (their names on hover). */
function authorsOf(list: readonly RedlineMark[], onPick: (id: string) => void): HTMLElement {
  const box = document.createElement('span');
  box.className = 'sj-rl-authors';
  const seen = new Set<string>();
  for (const mark of list) {
    if (seen.has(mark.authorId)) continue;
    seen.add(mark.authorId);
    const chip = document.createElement('span');
    chip.className = 'sj-rl-author';
    chip.style.background = mark.color;
    chip.title = mark.authorName;
    chip.textContent = [...mark.authorName.trim()][0] ?? '?';
    if (mark.id !== TYPING_ID) chip.addEventListener('click', () => onPick(mark.id));
    box.append(chip);
  }
  return box;
}

/** The number of characters of a block's own text (its text leaves). */
function textLength(real: HTMLElement): number {
  let n = 0;
  const walker = document.createTreeWalker(real, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) if (t.parentElement?.closest('[data-lexical-text="true"]')) n += (t as Text).length;
  return n;
}

/** The ghost under a point of the window, and what the point is in it. */
function ghostAt(list: readonly Drawn[], x: number, y: number, host: HTMLElement | null) {
  const d = list.find((g) => {
    const r = g.ghost.element.getBoundingClientRect();
    return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  });
  if (!d || !host) return null;
  // The layer lets clicks through to the editor; let it be hit for the one look-up.
  host.style.pointerEvents = 'auto';
  d.ghost.element.style.pointerEvents = 'auto';
  const at = document.caretPositionFromPoint?.(x, y);
  host.style.pointerEvents = '';
  d.ghost.element.style.pointerEvents = '';
  if (!at) return null;
  const hit = hitOf(d.ghost, at.offsetNode, at.offset);
  if (!hit) return null;
  const markEl = (at.offsetNode.parentElement?.closest('[data-mark]') ?? null) as HTMLElement | null;
  const mark = markEl?.dataset.mark ?? null;
  // Inside another member's insertion, the caret goes after it: right after the quote it replaces.
  const after = markEl && hit.kind === 'inserted' ? nextOwn(d.ghost, markEl) : null;
  return { drawn: d, hit, mark, markTo: after };
}

/** The offset of the block's text just after an inserted run (where its quote ends). */
function nextOwn(ghost: Ghost, element: HTMLElement): number | null {
  for (const run of ghost.own) if (element.compareDocumentPosition(run.node) & Node.DOCUMENT_POSITION_FOLLOWING) return run.from;
  return null;
}

/** Draws the caret (a collapsed selection) and the selection of covered blocks on their ghosts. */
function drawCaretAndSelection(editor: LexicalEditor, list: readonly Drawn[], typing: TypedChange | null, caret: HTMLDivElement | null, origin: DOMRect): void {
  const span = editor.getEditorState().read(() => $selectedSpan());
  const focused = document.activeElement === editor.getRootElement();
  let caretAt: GhostPoint | null = null;
  const ranges: Range[] = [];
  for (const d of list) {
    if (!span || span.end.top < d.top || span.start.top > d.top) continue;
    if (span.start.top === span.end.top && span.start.offset === span.end.offset) {
      if (typing && typing.top === d.top && typing.caret !== null) caretAt = insertedPoint(d.ghost, TYPING_ID, typing.caret);
      else caretAt = ownPoint(d.ghost, span.start.offset);
      continue;
    }
    const from = ownPoint(d.ghost, span.start.top === d.top ? span.start.offset : 0);
    const to = ownPoint(d.ghost, span.end.top === d.top ? span.end.offset : Number.MAX_SAFE_INTEGER) ?? lastPoint(d.ghost);
    if (!from || !to) continue;
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    ranges.push(range);
  }
  if (typeof Highlight !== 'undefined') {
    if (ranges.length) CSS.highlights.set(SELECTION_HIGHLIGHT, new Highlight(...ranges));
    else CSS.highlights.delete(SELECTION_HIGHLIGHT);
  }
  if (!caret) return;
  const rect = caretAt && focused ? caretRect(caretAt) : null;
  caret.hidden = !rect;
  if (rect) {
    caret.style.top = `${rect.top - origin.top}px`;
    caret.style.left = `${rect.left - origin.left}px`;
    caret.style.height = `${rect.height}px`;
  }
}

function lastPoint(ghost: Ghost): GhostPoint | null {
  const run = ghost.own[ghost.own.length - 1];
  return run ? { node: run.node, offset: run.node.length } : null;
}

/** The screen box of a caret at a DOM position, measured on the characters beside it when it has none. */
function caretRect(point: GhostPoint): DOMRect | null {
  const range = document.createRange();
  range.setStart(point.node, point.offset);
  range.collapse(true);
  const direct = range.getClientRects()[0];
  if (direct && direct.height > 0) return direct;
  const text = point.node instanceof Text ? point.node : null;
  if (text && text.length) {
    const before = point.offset > 0;
    range.setStart(text, before ? point.offset - 1 : point.offset);
    range.setEnd(text, before ? point.offset : point.offset + 1);
    const r = range.getClientRects()[0];
    if (r) return new DOMRect(before ? r.right : r.left, r.top, 0, r.height);
  }
  const previous = point.node.previousSibling ?? point.node.parentElement;
  const box = previous instanceof Element ? previous.getClientRects() : null;
  const last = box?.[box.length - 1];
  return last ? new DOMRect(last.right, last.top, 0, last.height) : null;
}
