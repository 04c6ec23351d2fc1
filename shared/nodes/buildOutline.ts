import { $createParagraphNode, $createTextNode, $getRoot, type ElementNode, type LexicalNode } from 'lexical';
import { $createTableCellNode, $createTableNode, $createTableRowNode, TableCellHeaderStates } from '@lexical/table';
import type { BlockSpec, InlineSpec } from '../templates/actOutline';
import { $createActPartNode } from './ActPartNode';
import { $createAnnexNode } from './AnnexNode';
import { $createArticleNode } from './ArticleNode';
import { $createChapterNode } from './ChapterNode';
import { $createClauseNode } from './ClauseNode';
import { $createCrossReferenceNode } from './CrossReferenceNode';

/** Replaces the editor's content with the blocks of an outline. Must run inside `editor.update`. */
export function $buildOutline(blocks: readonly BlockSpec[]): void {
  const root = $getRoot();
  root.clear();
  root.append(...blocks.map($createBlock));
}

/** Creates the Lexical node of one outline block. */
export function $createBlock(block: BlockSpec): LexicalNode {
  switch (block.type) {
    case 'part':
      return withInline($createActPartNode(block.part, block.actType), block.inline);
    case 'chapter':
      return withInline($createChapterNode(block.uid), block.inline);
    case 'article':
      return withInline($createArticleNode(block.uid), block.inline);
    case 'annex':
      return withInline($createAnnexNode(block.uid), block.inline);
    case 'clause':
      return withInline($createClauseNode(block.depth, block.uid), block.inline);
    case 'text':
      return withInline($createParagraphNode(), block.inline);
    case 'table':
      return $createTableFromRows(block.rows);
  }
}

function withInline<T extends { append(...nodes: LexicalNode[]): unknown }>(node: T, inline: readonly InlineSpec[]): T {
  for (const run of inline) {
    if ('ref' in run) node.append($createCrossReferenceNode(run.ref, run.grammaticalCase));
    else if (run.text) node.append($createTextNode(run.text));
  }
  return node;
}

/** A table whose first row is the header row, each cell holding one paragraph of text. */
export function $createTableFromRows(rows: readonly (readonly string[])[]): ElementNode {
  const table = $createTableNode();
  const width = Math.max(1, ...rows.map((r) => r.length));
  rows.forEach((cells, r) => {
    const row = $createTableRowNode();
    for (let c = 0; c < width; c += 1) {
      const cell = $createTableCellNode(r === 0 ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS);
      const paragraph = $createParagraphNode();
      const text = cells[c] ?? '';
      if (text) paragraph.append($createTextNode(text));
      cell.append(paragraph);
      row.append(cell);
    }
    table.append(row);
  });
  return table;
}
