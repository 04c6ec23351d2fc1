import { $applyNodeReplacement, type LexicalNode, type NodeKey } from 'lexical';
import { createNumberedBlockDOM } from './blockDom';
import { NumberedBlockNode, newBlockUid, type SerializedNumberedBlockNode } from './NumberedBlockNode';

/** A chapter heading (თავი I / Chapter I); the articles after it belong to it until the next chapter. */
export class ChapterNode extends NumberedBlockNode {
  static override getType(): string {
    return 'chapter';
  }

  static override clone(node: ChapterNode): ChapterNode {
    return new ChapterNode(node.__uid, node.__key);
  }

  constructor(uid?: string, key?: NodeKey) {
    super(uid, key);
  }

  static override importJSON(serialized: SerializedNumberedBlockNode): ChapterNode {
    return $createChapterNode(serialized.uid).updateFromJSON(serialized);
  }

  override createDOM(): HTMLElement {
    return createNumberedBlockDOM('h2', 'sj-chapter');
  }

  override updateDOM(): boolean {
    return false;
  }
}

/** Creates a chapter heading. */
export function $createChapterNode(uid: string = newBlockUid()): ChapterNode {
  return $applyNodeReplacement(new ChapterNode(uid));
}

/** Narrows a node to a chapter heading. */
export function $isChapterNode(node: LexicalNode | null | undefined): node is ChapterNode {
  return node instanceof ChapterNode;
}
