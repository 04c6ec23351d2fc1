import { $getRoot } from 'lexical';
import type * as Y from 'yjs';
import type { NewBlockSpec } from '../../../shared/api/suggestions';
import { randomId } from '../../../shared/ids';
import { readActText } from '../../../shared/review/actText';
import { pointRef, rangeRef, resolveSpan, type SpanRef } from '../../../shared/review/suggestionSpan';
import { $articleGroup } from '../editor/structure';
import { $blockTextAt, $placeCaret, $selectedSpan } from './blockPoints';
import { deleteBackward, deleteForward, insertText, isNoChange, startChange, touches, widenTo, type DeleteUnit, type PendingChange } from './pendingChange';
import type { QueuedSuggestion } from './suggestionQueue';

/** Timings of suggesting mode, named once. */
export const SUGGESTING = {
  /** A change is sent when typing pauses this long (or the caret leaves its block). */
  pauseMs: 1500,
} as const;

/** The change being typed, with where it stands in the Y.Doc so that others' edits do not misplace it. */
export interface TypedChange extends PendingChange {
  readonly position: SpanRef | null;
}

/**
 * The editing of suggesting mode (issue 12). Every edit the member makes is turned into a change of one
 * block's text kept here, never into an edit of the act; `onSend` receives each finished change as a queued
 * suggestion. The `$` methods run inside `editor.update` (command handlers do), where the selection is the
 * editor's own; they move only the caret, which the redline draws.
 */
export class SuggestingController {
  private change: TypedChange | null = null;
  /** The states of the change being typed before each step, for Ctrl+Z (null: before it began). */
  private history: (TypedChange | null)[] = [];
  private timer = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly doc: () => Y.Doc | null,
    private readonly onSend: (entry: QueuedSuggestion) => void,
  ) {}

  /** The change being typed, or null. */
  current(): TypedChange | null {
    return this.change;
  }

  /** Calls `listener` whenever the change being typed changes. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Types text at the selection (a '\n' proposes a new block there, of `kind` or Enter's kind). */
  $insert(text: string, kind: NewBlockSpec | null = null): void {
    if (!text) return;
    const span = $selectedSpan();
    if (!span) return;
    if (span.start.top !== span.end.top) {
      this.$deleteAcross(span.start, span.end, text);
      return;
    }
    const { top } = span.start;
    const blockText = $blockTextAt(top);
    if (blockText === null) return;
    const at = this.continuing(top, span.start.offset, span.end.offset, blockText);
    this.set(insertText(at, text, kind));
  }

  /** Backspace (`backward`) or Delete of one unit, or of the selection when there is one. */
  $delete(backward: boolean, unit: DeleteUnit): void {
    const span = $selectedSpan();
    if (!span) return;
    if (span.start.top !== span.end.top) {
      this.$deleteAcross(span.start, span.end, '');
      return;
    }
    const { top } = span.start;
    const blockText = $blockTextAt(top);
    if (blockText === null) return;
    const collapsed = span.start.offset === span.end.offset;
    const at = this.continuing(top, span.start.offset, span.end.offset, blockText);
    if (!collapsed) this.set(at);
    else this.set(backward ? deleteBackward(at, blockText, unit) : deleteForward(at, blockText, unit));
  }

  /** Proposes a new block after the current one (after the current article, for an article). */
  $proposeBlock(kind: NewBlockSpec): void {
    const span = $selectedSpan();
    if (!span) return;
    const c = this.change;
    if (c && c.caret !== null && touches(c, span.end.top, span.end.offset)) {
      this.set(insertText(c, '\n', kind));
      return;
    }
    let top = span.end.top;
    if (kind.type === 'article') {
      const block = $getRoot().getChildAtIndex(top);
      const group = block ? $articleGroup(block) : null;
      if (group) top = group[group.length - 1]!.getIndexWithinParent();
    }
    const blockText = $blockTextAt(top);
    if (blockText === null) return;
    this.finish();
    this.set(insertText(startChange(top, blockText, blockText.length, blockText.length), '\n', kind));
  }

  /** Ctrl+Z in suggesting mode: takes back the last step of the change being typed. */
  $undo(): void {
    if (!this.history.length) return;
    const previous = this.history.pop() ?? null;
    this.change = previous && !isNoChange(previous) ? previous : null;
    if (this.change) $placeCaret({ top: this.change.top, offset: this.change.end });
    this.restartTimer();
    this.notify();
  }

  /** Puts the caret at an index of the text being typed (the member clicked into it in the redline). */
  $moveCaret(index: number): void {
    const c = this.change;
    if (!c) return;
    this.change = { ...c, caret: Math.max(0, Math.min(c.text.length, index)) };
    $placeCaret({ top: c.top, offset: c.end });
    this.notify();
  }

  /** Follows the caret: leaving the change's block sends the change; moving off it stops typing into it. */
  $followSelection(): void {
    const c = this.change;
    if (!c) return;
    const span = $selectedSpan();
    if (!span || span.start.top !== c.top || span.end.top !== c.top) {
      this.finish();
      return;
    }
    const onChange = span.start.offset === span.end.offset && span.start.offset === c.end;
    if (!onChange && c.caret !== null) {
      this.change = { ...c, caret: null };
      this.notify();
    }
  }

  /** Finds the change again after others' edits arrived; a change whose text went is sent, to be refused visibly. */
  relocate(): void {
    const c = this.change;
    const doc = this.doc();
    if (!c?.position || !doc) return;
    const span = resolveSpan(doc, readActText(doc), c.position, c.quote);
    if (!span) {
      this.finish();
      return;
    }
    if (span.from.top === c.top && span.from.offset === c.start && span.to.offset === c.end) return;
    this.change = { ...c, top: span.from.top, start: span.from.offset, end: span.to.offset };
    this.notify();
  }

  /** Sends the change being typed (the member paused, left the block, or switched modes); runs anywhere. */
  finish(): void {
    window.clearTimeout(this.timer);
    const c = this.change;
    this.change = null;
    this.history = [];
    if (c && !isNoChange(c)) {
      const position = c.position ?? this.positionOf(c);
      if (position) {
        this.onSend({ id: `sg-${randomId(16)}`, position, quote: c.quote, text: c.text, newBlocks: c.newBlocks, createdAt: new Date().toISOString() });
      } else console.warn(`[suggestions] the change in block ${c.top} could not be placed in the text; it was dropped`);
    }
    this.notify();
  }

  /** Stops the pause timer; the change being typed is sent. */
  dispose(): void {
    this.finish();
    this.listeners.clear();
  }

  /** A multi-block selection: one deletion per block, the typed text going with the first. */
  private $deleteAcross(start: { top: number; offset: number }, end: { top: number; offset: number }, text: string): void {
    this.finish();
    let first: PendingChange | null = null;
    for (let top = start.top; top <= end.top; top += 1) {
      const blockText = $blockTextAt(top);
      if (blockText === null) continue;
      const from = top === start.top ? start.offset : 0;
      const to = top === end.top ? end.offset : blockText.length;
      if (from >= to && !(top === start.top && text)) continue;
      const change = startChange(top, blockText, from, to);
      if (!first) {
        first = change;
        continue;
      }
      this.set(change);
      this.finish();
    }
    if (first) this.set(text ? insertText(first, text) : first);
  }

  /** The change to continue at a selection of block `top`, or a new one there (sending the one before). */
  private continuing(top: number, from: number, to: number, blockText: string): PendingChange {
    const c = this.change;
    if (c && touches(c, top, from, to)) {
      if (from !== to) return widenTo(c, blockText, from, to);
      if (c.caret !== null) return c;
      return { ...c, caret: from === c.start && c.start < c.end ? 0 : c.text.length };
    }
    if (c) this.finish();
    return startChange(top, blockText, from, to);
  }

  private set(next: PendingChange): void {
    const before = this.change;
    this.history.push(before);
    const moved = !before || before.top !== next.top || before.start !== next.start || before.end !== next.end;
    const position = moved ? this.positionOf(next) : before.position;
    this.change = isNoChange(next) ? null : { ...next, position };
    $placeCaret({ top: next.top, offset: next.end });
    this.restartTimer();
    this.notify();
  }

  private positionOf(c: PendingChange): SpanRef | null {
    const doc = this.doc();
    if (!doc) return null;
    const act = readActText(doc);
    const placed = c.start === c.end ? pointRef(act, { top: c.top, offset: c.start }) : rangeRef(act, { top: c.top, offset: c.start }, { top: c.top, offset: c.end });
    return placed.ok ? placed.value : null;
  }

  private restartTimer(): void {
    window.clearTimeout(this.timer);
    if (this.change) this.timer = window.setTimeout(() => this.finish(), SUGGESTING.pauseMs);
  }

  private notify(): void {
    this.listeners.forEach((l) => l());
  }
}
