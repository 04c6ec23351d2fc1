import { $applyNodeReplacement, type LexicalNode, type NodeKey } from 'lexical';
import { createNumberedBlockDOM } from './blockDom';
import { NumberedBlockNode, newBlockUid, type SerializedNumberedBlockNode } from './NumberedBlockNode';

/** The heading of an annex (დანართი №1 / Annex 1); everything after it, until the next annex or the signature, belongs to it. */
export class AnnexNode extends NumberedBlockNode {
  static override getType(): string {
    return 'annex';
  }

  static override clone(node: AnnexNode): AnnexNode {
    return new AnnexNode(node.__uid, node.__key);
  }

  constructor(uid?: string, key?: NodeKey) {
    super(uid, key);
  }

  static override importJSON(serialized: SerializedNumberedBlockNode): AnnexNode {
    return $createAnnexNode(serialized.uid).updateFromJSON(serialized);
  }

  override createDOM(): HTMLElement {
    return createNumberedBlockDOM('h2', 'sj-annex');
  }

  override updateDOM(): boolean {
    return false;
  }
}

/** Creates an annex heading. */
export function $createAnnexNode(uid: string = newBlockUid()): AnnexNode {
  return $applyNodeReplacement(new AnnexNode(uid));
}

/** Narrows a node to an annex heading. */
export function $isAnnexNode(node: LexicalNode | null | undefined): node is AnnexNode {
  return node instanceof AnnexNode;
}
