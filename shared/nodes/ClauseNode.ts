import {
  $applyNodeReplacement,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type RangeSelection,
  type Spread,
} from 'lexical';
import { createNumberedBlockDOM } from './blockDom';
import { NumberedBlockNode, newBlockUid, type SerializedNumberedBlockNode } from './NumberedBlockNode';

/** How deep clauses may nest: paragraph, subparagraph, „ა.ა", „ა.ა.ა". */
export const MAX_CLAUSE_DEPTH = 3;

/** The JSON of a clause. */
export type SerializedClauseNode = Spread<{ depth: number }, SerializedNumberedBlockNode>;

/**
 * A numbered paragraph (პუნქტი, depth 0) or a lettered subparagraph (ქვეპუნქტი, depth ≥ 1). Its number is
 * computed from the clauses before it in the same article.
 */
export class ClauseNode extends NumberedBlockNode {
  __depth: number;

  static override getType(): string {
    return 'clause';
  }

  static override clone(node: ClauseNode): ClauseNode {
    return new ClauseNode(node.__depth, node.__uid, node.__key);
  }

  constructor(depth?: number, uid?: string, key?: NodeKey) {
    super(uid, key);
    this.__depth = depth ?? 0;
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__depth = prevNode.__depth;
  }

  static override importJSON(serialized: SerializedClauseNode): ClauseNode {
    return $createClauseNode(0, serialized.uid).updateFromJSON(serialized);
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedClauseNode>): this {
    const node = super.updateFromJSON(serialized);
    node.getWritable().__depth = clampDepth(serialized.depth);
    return node;
  }

  override exportJSON(): SerializedClauseNode {
    return { ...super.exportJSON(), depth: this.getDepth() };
  }

  /** 0 for a paragraph, 1 for a subparagraph, and so on. */
  getDepth(): number {
    return this.getLatest().__depth;
  }

  /** Moves the clause one level in or out; returns false at the limits. */
  setDepth(depth: number): this {
    this.getWritable().__depth = clampDepth(depth);
    return this;
  }

  override createDOM(): HTMLElement {
    const dom = createNumberedBlockDOM('p', 'sj-clause');
    dom.dataset.depth = String(this.__depth);
    return dom;
  }

  override updateDOM(prevNode: ClauseNode, dom: HTMLElement): boolean {
    if (prevNode.__depth !== this.__depth) dom.dataset.depth = String(this.__depth);
    return false;
  }

  /** Enter continues with a clause at the same level; on an empty subparagraph it steps one level out. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): LexicalNode {
    if (this.isEmpty() && this.getDepth() > 0) {
      this.setDepth(this.getDepth() - 1);
      return this;
    }
    const clause = $createClauseNode(this.getDepth());
    this.insertAfter(clause, restoreSelection);
    return clause;
  }
}

function clampDepth(raw: unknown): number {
  const n = typeof raw === 'number' && Number.isFinite(raw) ? Math.floor(raw) : 0;
  return Math.min(MAX_CLAUSE_DEPTH, Math.max(0, n));
}

/** Creates a paragraph (depth 0) or subparagraph (depth ≥ 1). */
export function $createClauseNode(depth = 0, uid: string = newBlockUid()): ClauseNode {
  return $applyNodeReplacement(new ClauseNode(clampDepth(depth), uid));
}

/** Narrows a node to a clause. */
export function $isClauseNode(node: LexicalNode | null | undefined): node is ClauseNode {
  return node instanceof ClauseNode;
}
