import type { NewBlockSpec } from '../../../shared/api/suggestions';

/** Where a change shown in the redline comes from: the server's list, the offline queue, or the one being typed. */
export type MarkSource = 'server' | 'queued' | 'typing';

/** One change shown in a block: `[from, to)` of the block's text struck, `text` inserted after it. */
export interface RedlineMark {
  readonly id: string;
  readonly top: number;
  readonly from: number;
  readonly to: number;
  readonly text: string;
  readonly newBlocks: readonly (NewBlockSpec | null)[];
  readonly authorId: string;
  readonly authorName: string;
  readonly color: string;
  readonly source: MarkSource;
}

/** A run of a block's redline: its own text kept or struck, or a mark's inserted text. */
export type RedlinePiece =
  | { readonly kind: 'keep'; readonly from: number; readonly to: number }
  | { readonly kind: 'del'; readonly from: number; readonly to: number; readonly mark: RedlineMark }
  | { readonly kind: 'ins'; readonly at: number; readonly mark: RedlineMark };

/**
 * Lays out the redline of one block of `length` characters: each character kept or struck (by the first mark
 * whose span holds it), and each mark's new text right after its struck span, in the order the marks are
 * given (so later suggestions at one place follow earlier ones). Marks outside the block are clamped.
 */
export function layoutRedline(length: number, marks: readonly RedlineMark[]): RedlinePiece[] {
  const clamped = marks.map((m) => {
    const from = Math.max(0, Math.min(length, m.from));
    return { ...m, from, to: Math.max(from, Math.min(length, m.to)) };
  });
  const insAt = new Map<number, RedlineMark[]>();
  for (const m of clamped) if (m.text) insAt.set(m.to, [...(insAt.get(m.to) ?? []), m]);
  const pieces: RedlinePiece[] = [];
  const strikerOf = (i: number): RedlineMark | null => clamped.find((m) => m.from <= i && i < m.to) ?? null;
  let i = 0;
  while (i <= length) {
    for (const mark of insAt.get(i) ?? []) pieces.push({ kind: 'ins', at: i, mark });
    if (i === length) break;
    const striker = strikerOf(i);
    let j = i + 1;
    while (j < length && !insAt.has(j) && strikerOf(j) === striker) j += 1;
    pieces.push(striker ? { kind: 'del', from: i, to: j, mark: striker } : { kind: 'keep', from: i, to: j });
    i = j;
  }
  return pieces;
}
