import {
  $applyNodeReplacement,
  DecoratorNode,
  setDOMUnmanaged,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';

/** The class of the span in which the renderer writes a reference's current citation. */
export const CROSS_REFERENCE_LABEL_CLASS = 'sj-xref-label';

/** The JSON of a cross-reference. */
export type SerializedCrossReferenceNode = Spread<{ target: string }, SerializedLexicalNode>;

/**
 * An inline reference to an article or clause by its stable id. It stores only the target, so it always
 * shows the target's current number ("მე-3 მუხლის მე-2 პუნქტი" / "Article 3(2)"), or shows itself broken
 * once the target is gone.
 */
export class CrossReferenceNode extends DecoratorNode<null> {
  __target: string;

  static override getType(): string {
    return 'cross-reference';
  }

  static override clone(node: CrossReferenceNode): CrossReferenceNode {
    return new CrossReferenceNode(node.__target, node.__key);
  }

  constructor(target?: string, key?: NodeKey) {
    super(key);
    this.__target = target ?? '';
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__target = prevNode.__target;
  }

  static override importJSON(serialized: SerializedCrossReferenceNode): CrossReferenceNode {
    return $createCrossReferenceNode(serialized.target).updateFromJSON(serialized);
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedCrossReferenceNode>): this {
    const node = super.updateFromJSON(serialized);
    node.getWritable().__target = typeof serialized.target === 'string' ? serialized.target : '';
    return node;
  }

  override exportJSON(): SerializedCrossReferenceNode {
    return { ...super.exportJSON(), target: this.getTarget() };
  }

  /** The stable id of the referenced article or clause. */
  getTarget(): string {
    return this.getLatest().__target;
  }

  override isInline(): boolean {
    return true;
  }

  override createDOM(): HTMLElement {
    const dom = document.createElement('span');
    dom.className = 'sj-xref';
    dom.dataset.target = this.__target;
    const label = document.createElement('span');
    label.className = CROSS_REFERENCE_LABEL_CLASS;
    setDOMUnmanaged(label);
    dom.append(label);
    return dom;
  }

  override updateDOM(prevNode: CrossReferenceNode, dom: HTMLElement): boolean {
    if (prevNode.__target !== this.__target) dom.dataset.target = this.__target;
    return false;
  }

  /** The citation is computed from the whole document, so the node renders nothing of its own. */
  override decorate(): null {
    return null;
  }
}

/** Creates a cross-reference to the block with the given stable id. */
export function $createCrossReferenceNode(target: string): CrossReferenceNode {
  return $applyNodeReplacement(new CrossReferenceNode(target));
}

/** Narrows a node to a cross-reference. */
export function $isCrossReferenceNode(node: LexicalNode | null | undefined): node is CrossReferenceNode {
  return node instanceof CrossReferenceNode;
}
