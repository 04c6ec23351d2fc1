import { $applyNodeReplacement, type LexicalNode, type NodeKey, type RangeSelection } from 'lexical';
import { createNumberedBlockDOM } from './blockDom';
import { NumberedBlockNode, newBlockUid, type SerializedNumberedBlockNode } from './NumberedBlockNode';
import { $createClauseNode } from './ClauseNode';

/** The heading line of an article ("მუხლი 3. heading"); the article's clauses follow it as sibling blocks. */
export class ArticleNode extends NumberedBlockNode {
  static override getType(): string {
    return 'article';
  }

  static override clone(node: ArticleNode): ArticleNode {
    return new ArticleNode(node.__uid, node.__key);
  }

  constructor(uid?: string, key?: NodeKey) {
    super(uid, key);
  }

  static override importJSON(serialized: SerializedNumberedBlockNode): ArticleNode {
    return $createArticleNode(serialized.uid).updateFromJSON(serialized);
  }

  override createDOM(): HTMLElement {
    return createNumberedBlockDOM('h3', 'sj-article');
  }

  override updateDOM(): boolean {
    return false;
  }

  /** Enter at the end of an article heading starts its first paragraph. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): LexicalNode {
    const clause = $createClauseNode(0);
    this.insertAfter(clause, restoreSelection);
    return clause;
  }
}

/** Creates an article heading block. */
export function $createArticleNode(uid: string = newBlockUid()): ArticleNode {
  return $applyNodeReplacement(new ArticleNode(uid));
}

/** Narrows a node to an article heading. */
export function $isArticleNode(node: LexicalNode | null | undefined): node is ArticleNode {
  return node instanceof ArticleNode;
}
