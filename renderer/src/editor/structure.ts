import { $getRoot, type LexicalNode } from 'lexical';
import { $isActPartNode, $isAnnexNode, $isArticleNode, $isChapterNode, $isClauseNode, NumberedBlockNode } from '../../../shared/nodes';
import type { BlockRef } from '../../../shared/model/blockNumbering';

/** The numbering view of the editor's top-level blocks. Must run inside a read or update. */
export function $blockRefs(): { nodes: LexicalNode[]; refs: BlockRef[] } {
  const nodes = $getRoot().getChildren();
  const refs = nodes.map((node) => ({
    type: node.getType(),
    uid: node instanceof NumberedBlockNode ? node.getUid() : '',
    depth: $isClauseNode(node) ? node.getDepth() : 0,
  }));
  return { nodes, refs };
}

/** The top-level block that contains a node. */
export function $topBlockOf(node: LexicalNode): LexicalNode {
  return node.getTopLevelElementOrThrow();
}

/** True for a block that starts a new article group: an article, a chapter, an annex, or the signature. */
export function $startsGroup(node: LexicalNode): boolean {
  return $isArticleNode(node) || $isChapterNode(node) || $isAnnexNode(node) || ($isActPartNode(node) && node.getPart() === 'signature');
}

/** The blocks of the article a block belongs to: its heading and everything until the next group start. */
export function $articleGroup(block: LexicalNode): LexicalNode[] | null {
  let heading: LexicalNode | null = block;
  while (heading && !$isArticleNode(heading)) {
    if ($startsGroup(heading)) return null;
    heading = heading.getPreviousSibling();
  }
  if (!heading) return null;
  const group: LexicalNode[] = [heading];
  let next = heading.getNextSibling();
  while (next && !$startsGroup(next)) {
    group.push(next);
    next = next.getNextSibling();
  }
  return group;
}
