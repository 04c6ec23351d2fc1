import type { ActType } from '../model/documentModel';
import type { ActPart } from '../nodes/ActPartNode';
import type { CitationCase } from '../model/numbering';

/** A run of inline content: text, or a cross-reference to a block's stable id. */
export type InlineSpec = { readonly text: string } | { readonly ref: string; readonly grammaticalCase?: CitationCase };

/**
 * A Lexical-free description of an act's blocks, in document order. Templates instantiate to it; the
 * server builds the editor content from it, so the same outline seeds a document anywhere.
 */
export type BlockSpec =
  | { readonly type: 'part'; readonly part: ActPart; readonly actType?: ActType; readonly inline: readonly InlineSpec[] }
  | { readonly type: 'chapter' | 'article' | 'annex'; readonly uid: string; readonly inline: readonly InlineSpec[] }
  | { readonly type: 'clause'; readonly uid: string; readonly depth: number; readonly inline: readonly InlineSpec[] }
  | { readonly type: 'text'; readonly inline: readonly InlineSpec[] }
  | { readonly type: 'table'; readonly rows: readonly (readonly string[])[] };
