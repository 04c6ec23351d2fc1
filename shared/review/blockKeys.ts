import type { ActBlock } from './actText';

/**
 * The key of every top-level block of an act, as suggestions name them (issue 12). A block with a stable id
 * (an article heading, a clause, a chapter, an annex) is keyed by it: the `key` of that block in `GET
 * …/model`. A block without one (the title, a preamble line, the signature, a plain paragraph) is keyed by
 * its kind and its place among the blocks of that kind, `title:0`, `preamble:1`, `paragraph:0`: the kind is
 * the act part's name for act parts and the block type otherwise. Such a key shifts when a block of the same
 * kind is inserted before it, so a client that can should also send an anchor.
 */
export function blockKeys(blocks: readonly ActBlock[]): string[] {
  const seen = new Map<string, number>();
  return blocks.map((block) => {
    if (block.uid) return block.uid;
    const kind = block.type === 'act-part' ? block.part || 'preamble' : block.type || 'block';
    const n = seen.get(kind) ?? 0;
    seen.set(kind, n + 1);
    return `${kind}:${n}`;
  });
}
