import {
  ElementNode,
  type ElementDOMSlot,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import { randomId } from '../ids';
import { numberSpanOf } from './blockDom';

/** The JSON of a block that carries a stable id. */
export type SerializedNumberedBlockNode = Spread<{ uid: string }, SerializedElementNode>;

/**
 * A structural block (chapter, article, clause, annex) with a stable id: the id survives renumbering, moves
 * and concurrent edits, so review status, comments and cross-references can point at it.
 */
export abstract class NumberedBlockNode extends ElementNode {
  __uid: string;

  constructor(uid?: string, key?: NodeKey) {
    super(key);
    // The Yjs binding constructs nodes with no arguments and then copies the synced fields.
    this.__uid = uid ?? '';
  }

  /** The block's stable id. */
  getUid(): string {
    return this.getLatest().__uid;
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__uid = prevNode.__uid;
  }

  override getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    // Children go after the number span, which Lexical leaves alone (it is unmanaged).
    return super.getDOMSlot(element).withAfter(numberSpanOf(element)) as ElementDOMSlot<HTMLElement>;
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedNumberedBlockNode>): this {
    const node = super.updateFromJSON(serialized);
    node.getWritable().__uid = typeof serialized.uid === 'string' && serialized.uid ? serialized.uid : randomId(12);
    return node;
  }

  override exportJSON(): SerializedNumberedBlockNode {
    return { ...super.exportJSON(), uid: this.getUid() };
  }
}

/** A fresh stable id for a new structural block. */
export function newBlockUid(): string {
  return randomId(12);
}
