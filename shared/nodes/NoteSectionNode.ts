import {
  $applyNodeReplacement,
  $createParagraphNode,
  ElementNode,
  setDOMUnmanaged,
  type ElementDOMSlot,
  type Klass,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';

/** The JSON of a note section: its key and title travel with it, its body paragraphs are its children. */
export type SerializedNoteSectionNode = Spread<{ sectionKey: string; title: string }, SerializedElementNode>;

/** The class of a section's heading, which Lexical does not manage and nobody can type into. */
export const NOTE_HEADING_CLASS = 'sj-note-heading';

/**
 * One section of the explanatory note. The title is a field of the node, not text, so the headings stay as
 * the server seeded them while the body paragraphs (the children) are edited live. As a shadow root, the
 * section keeps Backspace and Enter inside it: a section never merges into the one before.
 */
export class NoteSectionNode extends ElementNode {
  __sectionKey: string;
  __title: string;

  static override getType(): string {
    return 'note-section';
  }

  static override clone(node: NoteSectionNode): NoteSectionNode {
    return new NoteSectionNode(node.__sectionKey, node.__title, node.__key);
  }

  constructor(sectionKey?: string, title?: string, key?: NodeKey) {
    super(key);
    // The Yjs binding constructs nodes with no arguments and then copies the synced fields.
    this.__sectionKey = sectionKey ?? '';
    this.__title = title ?? '';
  }

  static override importJSON(serialized: SerializedNoteSectionNode): NoteSectionNode {
    return $createNoteSectionNode(serialized.sectionKey, serialized.title).updateFromJSON(serialized);
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedNoteSectionNode>): this {
    const node = super.updateFromJSON(serialized).getWritable();
    node.__sectionKey = typeof serialized.sectionKey === 'string' ? serialized.sectionKey : '';
    node.__title = typeof serialized.title === 'string' ? serialized.title : '';
    return node;
  }

  override exportJSON(): SerializedNoteSectionNode {
    return { ...super.exportJSON(), sectionKey: this.getSectionKey(), title: this.getTitle() };
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__sectionKey = prevNode.__sectionKey;
    this.__title = prevNode.__title;
  }

  /** The section's key in the workspace's section list. */
  getSectionKey(): string {
    return this.getLatest().__sectionKey;
  }

  /** The section's heading, in the act's language. */
  getTitle(): string {
    return this.getLatest().__title;
  }

  override createDOM(): HTMLElement {
    const dom = document.createElement('section');
    dom.className = 'sj-note-section';
    dom.dataset.section = this.__sectionKey;
    const heading = document.createElement('h3');
    heading.className = NOTE_HEADING_CLASS;
    heading.contentEditable = 'false';
    heading.textContent = this.__title;
    setDOMUnmanaged(heading);
    dom.append(heading);
    return dom;
  }

  override updateDOM(prevNode: this, dom: HTMLElement): boolean {
    // A changed title or key is rare (a server edit): rebuild the element rather than patch it.
    return prevNode.__title !== this.__title || prevNode.__sectionKey !== this.__sectionKey || dom.firstElementChild?.className !== NOTE_HEADING_CLASS;
  }

  override getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    // The body paragraphs go after the heading, which Lexical leaves alone (it is unmanaged).
    const heading = element.firstElementChild?.classList.contains(NOTE_HEADING_CLASS) ? element.firstElementChild : null;
    return super.getDOMSlot(element).withAfter(heading) as ElementDOMSlot<HTMLElement>;
  }

  override isShadowRoot(): boolean {
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  override canIndent(): false {
    return false;
  }
}

/** Creates a note section with one empty body paragraph, where the drafters start typing. */
export function $createNoteSectionNode(sectionKey: string, title: string): NoteSectionNode {
  return $applyNodeReplacement(new NoteSectionNode(sectionKey, title));
}

/** Creates a section as seeded: its heading and an empty paragraph. */
export function $createSeededNoteSection(sectionKey: string, title: string): NoteSectionNode {
  return $createNoteSectionNode(sectionKey, title).append($createParagraphNode());
}

/** Narrows a node to a note section. */
export function $isNoteSectionNode(node: LexicalNode | null | undefined): node is NoteSectionNode {
  return node instanceof NoteSectionNode;
}

/**
 * Every node class of an explanatory note beyond Lexical's built-in paragraphs and text; the renderer and the
 * server register exactly this list.
 */
export const NOTE_NODES: ReadonlyArray<Klass<LexicalNode>> = [NoteSectionNode];
