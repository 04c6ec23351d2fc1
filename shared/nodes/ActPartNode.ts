import {
  $applyNodeReplacement,
  ElementNode,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type RangeSelection,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import { ACT_TYPES, type ActType } from '../model/documentModel';

/**
 * The unnumbered parts of an act, in the order they are written: the header lines (issuing body, act type,
 * number, date, place), the title, the preamble's legal basis, the enacting formula and the signature lines.
 */
export const ACT_PARTS = [
  'issuingBody',
  'actType',
  'number',
  'date',
  'place',
  'title',
  'preamble',
  'formula',
  'signature',
] as const;
/** One part's role. */
export type ActPart = (typeof ACT_PARTS)[number];

/** The header lines among the parts. */
export const HEADER_PARTS: readonly ActPart[] = ['issuingBody', 'actType', 'number', 'date', 'place'];

/** The JSON of an act part. */
export type SerializedActPartNode = Spread<{ part: ActPart; actType: ActType }, SerializedElementNode>;

/**
 * One line of an unnumbered part of the act. The act-type line also carries the canonical type, so the
 * English label ("Ordinance", "Resolution") can differ from the Georgian type without losing it.
 */
export class ActPartNode extends ElementNode {
  __part: ActPart;
  __actType: ActType;

  static override getType(): string {
    return 'act-part';
  }

  static override clone(node: ActPartNode): ActPartNode {
    return new ActPartNode(node.__part, node.__actType, node.__key);
  }

  constructor(part?: ActPart, actType?: ActType, key?: NodeKey) {
    super(key);
    this.__part = part ?? 'preamble';
    this.__actType = actType ?? 'dadgenileba';
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__part = prevNode.__part;
    this.__actType = prevNode.__actType;
  }

  static override importJSON(serialized: SerializedActPartNode): ActPartNode {
    return $createActPartNode(serialized.part).updateFromJSON(serialized);
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedActPartNode>): this {
    const node = super.updateFromJSON(serialized).getWritable();
    node.__part = ACT_PARTS.includes(serialized.part) ? serialized.part : 'preamble';
    node.__actType = ACT_TYPES.includes(serialized.actType) ? serialized.actType : 'dadgenileba';
    return node;
  }

  override exportJSON(): SerializedActPartNode {
    const self = this.getLatest();
    return { ...super.exportJSON(), part: self.__part, actType: self.__actType };
  }

  /** Which part of the act this line is. */
  getPart(): ActPart {
    return this.getLatest().__part;
  }

  override createDOM(): HTMLElement {
    const dom = document.createElement(this.__part === 'title' ? 'h1' : 'p');
    dom.className = `sj-part sj-part-${this.__part}`;
    return dom;
  }

  override updateDOM(prevNode: ActPartNode): boolean {
    return prevNode.__part !== this.__part;
  }

  /** Enter in a preamble or signature line continues the same part; elsewhere it starts a plain line. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): LexicalNode {
    const part = this.getPart();
    const next = $createActPartNode(part === 'signature' || part === 'preamble' ? part : 'preamble');
    this.insertAfter(next, restoreSelection);
    return next;
  }
}

/** Creates a line of an unnumbered part. */
export function $createActPartNode(part: ActPart, actType: ActType = 'dadgenileba'): ActPartNode {
  return $applyNodeReplacement(new ActPartNode(part, actType));
}

/** Narrows a node to an act part. */
export function $isActPartNode(node: LexicalNode | null | undefined): node is ActPartNode {
  return node instanceof ActPartNode;
}
