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
import { CITATION_CASES, type CitationCase } from '../model/numbering';

/** The class of the span in which the renderer writes a reference's current citation. */
export const CROSS_REFERENCE_LABEL_CLASS = 'sj-xref-label';

/** The JSON of a cross-reference. */
export type SerializedCrossReferenceNode = Spread<{ target: string; grammaticalCase: CitationCase }, SerializedLexicalNode>;

/**
 * An inline reference to an article or clause by its stable id. It stores only the target, so it always
 * shows the target's current number ("მე-3 მუხლის მე-2 პუნქტი" / "Article 3(2)"), or shows itself broken
 * once the target is gone.
 */
export class CrossReferenceNode extends DecoratorNode<null> {
  __target: string;
  /** The case the citation takes in its sentence (Georgian declines the last unit: მუხლი, მუხლის, მუხლით). */
  __case: CitationCase;

  static override getType(): string {
    return 'cross-reference';
  }

  static override clone(node: CrossReferenceNode): CrossReferenceNode {
    return new CrossReferenceNode(node.__target, node.__case, node.__key);
  }

  constructor(target?: string, grammaticalCase?: CitationCase, key?: NodeKey) {
    super(key);
    this.__target = target ?? '';
    this.__case = grammaticalCase ?? 'nominative';
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__target = prevNode.__target;
    this.__case = prevNode.__case;
  }

  static override importJSON(serialized: SerializedCrossReferenceNode): CrossReferenceNode {
    return $createCrossReferenceNode(serialized.target).updateFromJSON(serialized);
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedCrossReferenceNode>): this {
    const node = super.updateFromJSON(serialized);
    const writable = node.getWritable();
    writable.__target = typeof serialized.target === 'string' ? serialized.target : '';
    writable.__case = CITATION_CASES.includes(serialized.grammaticalCase) ? serialized.grammaticalCase : 'nominative';
    return node;
  }

  override exportJSON(): SerializedCrossReferenceNode {
    return { ...super.exportJSON(), target: this.getTarget(), grammaticalCase: this.getCase() };
  }

  /** The stable id of the referenced article or clause. */
  getTarget(): string {
    return this.getLatest().__target;
  }

  /** The grammatical case of the citation. */
  getCase(): CitationCase {
    return this.getLatest().__case;
  }

  override isInline(): boolean {
    return true;
  }

  override createDOM(): HTMLElement {
    const dom = document.createElement('span');
    dom.className = 'sj-xref';
    dom.dataset.target = this.__target;
    dom.dataset.case = this.__case;
    const label = document.createElement('span');
    label.className = CROSS_REFERENCE_LABEL_CLASS;
    setDOMUnmanaged(label);
    dom.append(label);
    return dom;
  }

  override updateDOM(prevNode: CrossReferenceNode, dom: HTMLElement): boolean {
    if (prevNode.__target !== this.__target) dom.dataset.target = this.__target;
    if (prevNode.__case !== this.__case) dom.dataset.case = this.__case;
    return false;
  }

  /** The citation is computed from the whole document, so the node renders nothing of its own. */
  override decorate(): null {
    return null;
  }
}

/** Creates a cross-reference to the block with the given stable id. */
export function $createCrossReferenceNode(target: string, grammaticalCase: CitationCase = 'nominative'): CrossReferenceNode {
  return $applyNodeReplacement(new CrossReferenceNode(target, grammaticalCase));
}

/** Narrows a node to a cross-reference. */
export function $isCrossReferenceNode(node: LexicalNode | null | undefined): node is CrossReferenceNode {
  return node instanceof CrossReferenceNode;
}
