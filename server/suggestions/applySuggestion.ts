import type { LexicalEditor } from 'lexical';
import * as Y from 'yjs';
import type { NewBlockSpec } from '../../shared/api/suggestions';
import { readActText, type ActText } from '../../shared/review/actText';
import { gapRef, pointRef, rangeRef, resolveGap, resolveSpan, resolvePoint, textBetweenPoints, type BlockPoint, type PointRef, type SpanRef } from '../../shared/review/suggestionSpan';
import { editPrivateCopy, type PrivateEdit } from '../lexical/privateCopy';
import { $insertBlock, $removeBlock, $replaceSpan, EditRefused, type BlockShape } from './spanEdit';

/**
 * Where an accepted change stands in the text, so that undo can find it and put the quote back: the new
 * text between two points, or the gap a removed block left.
 */
export type AppliedChange =
  | { readonly kind: 'replaced'; readonly from: PointRef; readonly to: PointRef; readonly text: string }
  | { readonly kind: 'removed'; readonly gap: string; readonly block: BlockShape };

/** What a suggestion asks, as the text edit needs it. */
export interface SuggestedChange {
  readonly position: SpanRef;
  readonly quote: string;
  readonly text: string;
  readonly newBlocks: readonly (NewBlockSpec | null)[];
}

/** Act parts that occur once: deleting their whole text empties them rather than removing them. */
const SINGLE_PARTS = new Set(['issuingBody', 'actType', 'number', 'date', 'place', 'title', 'formula']);

/**
 * A private, bound copy of an act's current state (DESIGN.md, "Server edit of a live document"): edits are
 * made through a headless Lexical editor, as a client would make them, and `diff()` is the one Yjs update
 * that brings the live document to the copy's state.
 */
export interface ActEditSession {
  /** Applies a suggestion; throws `EditRefused` when its quote no longer stands. */
  accept(change: SuggestedChange): AppliedChange;
  /** Reverts an accepted change; throws `EditRefused` when the accepted text was edited since. Returns where the quote stands again. */
  revert(applied: AppliedChange, quote: string): SpanRef;
}

/** The outcome of a session: the update to apply to the live document, and the client id that wrote it. */
export type ActEdit<T> = PrivateEdit<T>;

/** Loads `state` into a private bound copy, runs `run` on it and returns the diff (see `editPrivateCopy`). */
export function editAct<T>(state: Uint8Array, docId: string, run: (session: ActEditSession) => T): ActEdit<T> {
  return editPrivateCopy(state, docId, (editor, doc) => run(session(editor, doc)));
}

function session(editor: LexicalEditor, doc: Y.Doc): ActEditSession {
  const edit = <R>(fn: () => R): R => {
    let result: { value: R } | null = null;
    let failure: unknown = null;
    editor.update(
      () => {
        try {
          result = { value: fn() };
        } catch (error) {
          failure = error;
        }
      },
      { discrete: true },
    );
    if (failure) throw failure;
    if (!result) throw new EditRefused('the edit did not run');
    return (result as { value: R }).value;
  };

  return {
    accept(change) {
      const act = readActText(doc);
      const span = resolveSpan(doc, act, change.position, change.quote);
      if (!span) throw new EditRefused('its quote no longer stands in the text');
      const block = act.blocks[span.from.top];
      const whole = act.segments[act.segmentAt([span.from.top])]?.text ?? '';
      if (change.text === '' && change.quote !== '' && change.quote === whole && !(block?.type === 'act-part' && SINGLE_PARTS.has(block.part))) {
        const shape = edit(() => $removeBlock(span.from.top));
        return { kind: 'removed', gap: gapRef(readActText(doc), span.from.top), block: shape };
      }
      const lines = change.text.split('\n');
      const placed = edit(() => $replaceSpan(span.from, span.to, lines, change.newBlocks));
      const after = readActText(doc);
      return { kind: 'replaced', from: point(after, placed.from), to: point(after, placed.to), text: change.text };
    },

    revert(applied, quote) {
      const act = readActText(doc);
      if (applied.kind === 'removed') {
        const top = resolveGap(doc, applied.gap);
        if (top < 0 || top > act.blocks.length) throw new EditRefused('the place of the removed block is not known');
        edit(() => $insertBlock(top, applied.block, quote));
        return quoteRef(readActText(doc), { top, offset: 0 }, quote);
      }
      const from = resolvePoint(doc, act, applied.from);
      const to = resolvePoint(doc, act, applied.to);
      if (!from || !to || textBetweenPoints(act, from.point, to.point) !== applied.text) throw new EditRefused('the accepted text has been edited since');
      const placed = edit(() => $replaceSpan(from.point, to.point, [quote]));
      return quoteRef(readActText(doc), placed.from, quote);
    },
  };
}

/** A point reference for a point of the copy (after the character before it, where there is one). */
function point(act: ActText, at: BlockPoint): PointRef {
  const placed = pointRef(act, at);
  if (!placed.ok) throw new EditRefused(placed.error);
  return placed.value;
}

/** Where a quote put back by undo stands: an anchor on it, or the point for an insertion's empty quote. */
function quoteRef(act: ActText, from: BlockPoint, quote: string): SpanRef {
  if (!quote) return point(act, from);
  const placed = rangeRef(act, from, { top: from.top, offset: from.offset + quote.length });
  if (!placed.ok) throw new EditRefused(placed.error);
  return placed.value;
}
