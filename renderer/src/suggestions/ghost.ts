import type { NewBlockSpec } from '../../../shared/api/suggestions';
import { textLeaves } from './blockPoints';
import type { RedlineMark, RedlinePiece } from './redline';

/**
 * The redline copy of one block (issue 12). Lexical owns the DOM inside the editor and removes nodes it did
 * not make, so the redline is drawn as a copy of the block laid over it: the block's own DOM cloned (its
 * number, formatting and cross-reference labels stay as they look), its characters split into kept, struck
 * and inserted runs. The copy records where each character and each inserted character went, for the caret,
 * the selection and clicks.
 */
export interface Ghost {
  readonly element: HTMLElement;
  /** Runs of the block's own characters: `from` is the offset of the run's first character. */
  readonly own: readonly { readonly node: Text; readonly from: number }[];
  /** Runs of each mark's inserted text: `from` is the index in the mark's text. */
  readonly inserted: ReadonlyMap<string, readonly { readonly node: Text; readonly from: number }[]>;
}

/** How new blocks are named in the redline ("new article"), by their kind. */
export type NewBlockLabel = (kind: NewBlockSpec | null) => string;

/** A DOM position in a ghost. */
export interface GhostPoint {
  readonly node: Node;
  readonly offset: number;
}

/** What a position in a ghost is in the act: a point of the block's text, or a point in a mark's new text. */
export type GhostHit = { readonly kind: 'own'; readonly offset: number } | { readonly kind: 'inserted'; readonly markId: string; readonly index: number };

/** Builds the ghost of a block element for its redline pieces. */
export function buildGhost(real: HTMLElement, pieces: readonly RedlinePiece[], label: NewBlockLabel): Ghost {
  const element = real.cloneNode(true) as HTMLElement;
  for (const name of ['data-sj-redline', 'data-lexical-decorator', 'contenteditable', 'style', 'id']) element.removeAttribute(name);
  element.querySelectorAll('[contenteditable]').forEach((e) => e.removeAttribute('contenteditable'));
  element.classList.add('sj-rl-ghost');
  const own: { node: Text; from: number }[] = [];
  const inserted = new Map<string, { node: Text; from: number }[]>();

  /** A run of the block's characters `[from, to)`, cut from the text of a leaf that starts at `leafStart`. */
  const ownRun = (from: number, to: number, text: string, leafStart: number): Text => {
    const node = document.createTextNode(text.slice(from - leafStart, to - leafStart));
    own.push({ node, from });
    return node;
  };
  const insertion = (mark: RedlineMark): HTMLElement => {
    const ins = document.createElement('ins');
    ins.className = `sj-rl-ins sj-rl-${mark.source}`;
    ins.dataset.mark = mark.id;
    ins.style.setProperty('--sj-rl-color', mark.color);
    const runs: { node: Text; from: number }[] = [];
    let from = 0;
    mark.text.split('\n').forEach((line, i) => {
      if (i > 0) {
        ins.append(document.createElement('br'));
        const tag = document.createElement('span');
        tag.className = 'sj-rl-newblock';
        tag.textContent = label(mark.newBlocks[i - 1] ?? null);
        ins.append(tag);
      }
      const node = document.createTextNode(line);
      runs.push({ node, from });
      ins.append(node);
      from += line.length + 1;
    });
    inserted.set(mark.id, runs);
    return ins;
  };
  const piecesIn = (from: number, to: number, first: boolean, text: string): Node[] => {
    const out: Node[] = [];
    for (const p of pieces) {
      if (p.kind === 'ins') {
        if ((p.at > from && p.at <= to) || (first && p.at === from)) {
          out.push(insertion(p.mark));
          // An empty run after an insertion is where the block's text goes on: the caret's place there.
          out.push(ownRun(p.at, p.at, text, from));
        }
        continue;
      }
      const a = Math.max(from, p.from);
      const b = Math.min(to, p.to);
      if (a >= b) continue;
      if (p.kind === 'keep') out.push(ownRun(a, b, text, from));
      else {
        const del = document.createElement('del');
        del.className = `sj-rl-del sj-rl-${p.mark.source}`;
        del.dataset.mark = p.mark.id;
        del.style.setProperty('--sj-rl-color', p.mark.color);
        del.append(ownRun(a, b, text, from));
        out.push(del);
      }
    }
    return out;
  };

  const leaves = textLeaves(element);
  let seen = 0;
  leaves.forEach((leaf, i) => {
    const text = leaf.data;
    const nodes = piecesIn(seen, seen + text.length, i === 0, text);
    leaf.replaceWith(...nodes);
    seen += text.length;
  });
  if (!leaves.length) element.append(...piecesIn(0, 0, true, ''));
  return { element, own, inserted };
}

/**
 * The DOM position of a point of the block's text in its ghost: just before the character at `offset`, after
 * any text inserted there (the caret after an insertion stands after it), or the end of the text.
 */
export function ownPoint(ghost: Ghost, offset: number): GhostPoint | null {
  let candidate: GhostPoint | null = null;
  for (const run of ghost.own) {
    const end = run.from + run.node.length;
    if (offset >= run.from && offset < end) return { node: run.node, offset: offset - run.from };
    if (run.node.length === 0 && run.from === offset) candidate = { node: run.node, offset: 0 };
    else if (end === offset && !candidate) candidate = { node: run.node, offset: run.node.length };
  }
  return candidate;
}

/** The DOM position of an index in a mark's new text in the ghost. */
export function insertedPoint(ghost: Ghost, markId: string, index: number): GhostPoint | null {
  const runs = ghost.inserted.get(markId);
  if (!runs?.length) return null;
  let best = runs[0]!;
  for (const run of runs) if (run.from <= index) best = run;
  return { node: best.node, offset: Math.max(0, Math.min(best.node.length, index - best.from)) };
}

/** What a DOM position in a ghost stands for (a click's place), or null outside its text. */
export function hitOf(ghost: Ghost, node: Node, offset: number): GhostHit | null {
  const run = ghost.own.find((r) => r.node === node);
  if (run) return { kind: 'own', offset: run.from + Math.min(offset, run.node.length) };
  for (const [markId, runs] of ghost.inserted) {
    const found = runs.find((r) => r.node === node);
    if (found) return { kind: 'inserted', markId, index: found.from + Math.min(offset, found.node.length) };
  }
  return null;
}
