import type { Klass, LexicalNode } from 'lexical';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { ActPartNode } from './ActPartNode';
import { AnnexNode } from './AnnexNode';
import { ArticleNode } from './ArticleNode';
import { ChapterNode } from './ChapterNode';
import { ClauseNode } from './ClauseNode';
import { CrossReferenceNode } from './CrossReferenceNode';

/** Every node class of an act; the renderer and the server register exactly this list (DESIGN.md). */
export const ACT_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  ActPartNode,
  ChapterNode,
  ArticleNode,
  ClauseNode,
  AnnexNode,
  CrossReferenceNode,
  TableNode,
  TableRowNode,
  TableCellNode,
];

export * from './ActPartNode';
export * from './AnnexNode';
export * from './ArticleNode';
export * from './ChapterNode';
export * from './ClauseNode';
export * from './CrossReferenceNode';
export * from './NumberedBlockNode';
export * from './blockDom';
