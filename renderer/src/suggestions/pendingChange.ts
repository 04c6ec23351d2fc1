import type { NewBlockSpec } from '../../../shared/api/suggestions';

/**
 * The change a member is typing in suggesting mode (issue 12), before it is sent: the span `[start, end)` of
 * one block's current text it replaces, and the new text. Nothing here touches the act: the editor shows
 * the change as a redline, and the change becomes one suggestion when the member pauses or leaves the block.
 * Pure functions over plain data, so the editing rules are tested without a browser.
 */
export interface PendingChange {
  /** The index of the block among the act's top-level blocks. */
  readonly top: number;
  readonly start: number;
  readonly end: number;
  /** The block's text in `[start, end)`: what the suggestion strikes. */
  readonly quote: string;
  /** The new text; each '\n' starts a new block after this one. */
  readonly text: string;
  /** The kind of each new block (one per '\n' in `text`); null is the kind Enter makes there. */
  readonly newBlocks: readonly (NewBlockSpec | null)[];
  /** Where the caret is in `text` while the member types in the change; null once the caret left it. */
  readonly caret: number | null;
}

/** How much one deletion removes. */
export type DeleteUnit = 'character' | 'word' | 'line';

/** Starts a change that replaces `[start, end)` of a block whose text is `blockText`. */
export function startChange(top: number, blockText: string, start: number, end: number): PendingChange {
  const from = clamp(Math.min(start, end), 0, blockText.length);
  const to = clamp(Math.max(start, end), 0, blockText.length);
  return { top, start: from, end: to, quote: blockText.slice(from, to), text: '', newBlocks: [], caret: 0 };
}

/** True when the change changes nothing (all typed text deleted again, nothing struck). */
export function isNoChange(change: PendingChange): boolean {
  return change.text === change.quote;
}

/** The line of `text` an index is on: the number of '\n' before it. */
function lineAt(text: string, index: number): number {
  let n = 0;
  for (let i = 0; i < index; i += 1) if (text[i] === '\n') n += 1;
  return n;
}

/** Inserts text at the caret; each '\n' in it makes a new block of the given kind (or Enter's). */
export function insertText(change: PendingChange, inserted: string, kind: NewBlockSpec | null = null): PendingChange {
  const caret = change.caret ?? change.text.length;
  const clean = inserted.replace(/\r\n?/g, '\n');
  const breaks = clean.split('\n').length - 1;
  const newBlocks = [...change.newBlocks];
  newBlocks.splice(lineAt(change.text, caret), 0, ...Array.from({ length: breaks }, (_, i) => (i === 0 ? kind : null)));
  return { ...change, text: change.text.slice(0, caret) + clean + change.text.slice(caret), newBlocks, caret: caret + clean.length };
}

/** Removes `[from, to)` of the typed text, with the kinds of the new blocks whose breaks go with it. */
function removeTyped(change: PendingChange, from: number, to: number): PendingChange {
  const first = lineAt(change.text, from);
  const removedBreaks = lineAt(change.text, to) - first;
  const newBlocks = [...change.newBlocks];
  newBlocks.splice(first, removedBreaks);
  return { ...change, text: change.text.slice(0, from) + change.text.slice(to), newBlocks, caret: from };
}

const WORD = /[\p{L}\p{N}_]/u;

/** The index a backward deletion of one unit from `at` reaches in `text`. */
export function unitBefore(text: string, at: number, unit: DeleteUnit): number {
  if (at <= 0) return 0;
  if (unit === 'character') return at - 1;
  if (unit === 'line') {
    const br = text.lastIndexOf('\n', at - 1);
    return br < 0 ? 0 : br === at - 1 ? at - 1 : br + 1;
  }
  let i = at;
  while (i > 0 && !WORD.test(text[i - 1]!) && text[i - 1] !== '\n') i -= 1;
  while (i > 0 && WORD.test(text[i - 1]!)) i -= 1;
  return i === at ? at - 1 : i;
}

/** The index a forward deletion of one unit from `at` reaches in `text`. */
export function unitAfter(text: string, at: number, unit: DeleteUnit): number {
  if (at >= text.length) return text.length;
  if (unit === 'character') return at + 1;
  if (unit === 'line') {
    const br = text.indexOf('\n', at);
    return br < 0 ? text.length : br === at ? at + 1 : br;
  }
  let i = at;
  while (i < text.length && !WORD.test(text[i]!) && text[i] !== '\n') i += 1;
  while (i < text.length && WORD.test(text[i]!)) i += 1;
  return i === at ? at + 1 : i;
}

/**
 * Backspace: removes typed text before the caret; with none left before it, strikes the block's text before
 * the change (so the change grows to the left), as Backspace would delete it in editing mode.
 */
export function deleteBackward(change: PendingChange, blockText: string, unit: DeleteUnit): PendingChange {
  const caret = change.caret ?? change.text.length;
  if (caret > 0) return removeTyped(change, unitBefore(change.text, caret, unit), caret);
  if (change.start === 0) return { ...change, caret: 0 };
  const start = unitBefore(blockText, change.start, unit);
  return { ...change, start, quote: blockText.slice(start, change.end), caret: 0 };
}

/** Delete: removes typed text after the caret; with none left, strikes the block's text after the change. */
export function deleteForward(change: PendingChange, blockText: string, unit: DeleteUnit): PendingChange {
  const caret = change.caret ?? change.text.length;
  if (caret < change.text.length) {
    const to = unitAfter(change.text, caret, unit);
    return { ...removeTyped(change, caret, to), caret };
  }
  if (change.end >= blockText.length) return { ...change, caret };
  const end = unitAfter(blockText, change.end, unit);
  return { ...change, end, quote: blockText.slice(change.start, end), caret };
}

/**
 * Widens a change to a selection of the block's text `[from, to)` that touches it, for typing over a
 * selection: a selection that covers the whole change replaces its typed text too; one that covers part of
 * it keeps the typed text and strikes the union.
 */
export function widenTo(change: PendingChange, blockText: string, from: number, to: number): PendingChange {
  const start = Math.min(change.start, from);
  const end = Math.max(change.end, to);
  const covers = from <= change.start && to >= change.end;
  return {
    ...change,
    start,
    end,
    quote: blockText.slice(start, end),
    text: covers ? '' : change.text,
    newBlocks: covers ? [] : change.newBlocks,
    caret: covers ? 0 : change.text.length,
  };
}

/** True when a collapsed caret at `offset` of block `top`, or a selection touching `[from, to]`, is at the change. */
export function touches(change: PendingChange, top: number, from: number, to = from): boolean {
  return change.top === top && from <= change.end && to >= change.start;
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}
