import type { Language } from '../lang/language';

/** One section of an explanatory note as read from its text. */
export interface NoteSectionModel {
  readonly key: string;
  readonly title: string;
  /** The body paragraphs, as typed (empty paragraphs kept, so positions match the editor). */
  readonly paragraphs: readonly string[];
  /** The body as plain text: the paragraphs joined by newlines, trimmed. */
  readonly text: string;
}

/**
 * The explanatory note of an act as plain data (`GET /api/documents/:id/note`): what export, readiness and
 * frozen versions read, never the raw Yjs.
 */
export interface NoteModel {
  readonly docId: string;
  readonly language: Language;
  /** "განმარტებითი ბარათი" / "Explanatory note". */
  readonly heading: string;
  readonly actTitle: string;
  readonly sections: readonly NoteSectionModel[];
}

/** What the note is called in each language (GLOSSARY.md). */
export const NOTE_HEADING: Readonly<Record<Language, string>> = { ka: 'განმარტებითი ბარათი', en: 'Explanatory note' };

interface SerializedNodeLike {
  readonly type?: unknown;
  readonly text?: unknown;
  readonly children?: unknown;
  readonly sectionKey?: unknown;
  readonly title?: unknown;
}

/**
 * Derives the note's model from a serialized Lexical state. It is tolerant of whatever a client left in the
 * text: paragraphs outside any section are kept under an untitled section with the key '', so no typed word
 * is lost from the model, the export or the readiness check.
 */
export function deriveNoteModel(state: { readonly root: unknown }, meta: { readonly docId: string; readonly language: Language; readonly actTitle: string }): NoteModel {
  const sections: NoteSectionModel[] = [];
  let loose: string[] | null = null;
  for (const node of childrenOf(state.root)) {
    if (node.type === 'note-section') {
      loose = null;
      const paragraphs = childrenOf(node).map(textOf);
      sections.push({ key: stringOr(node.sectionKey), title: stringOr(node.title), paragraphs, text: paragraphs.join('\n').trim() });
    } else {
      if (!loose) {
        loose = [];
        sections.push({ key: '', title: '', paragraphs: loose, text: '' });
      }
      loose.push(textOf(node));
      const last = sections.at(-1)!;
      sections[sections.length - 1] = { ...last, text: loose.join('\n').trim() };
    }
  }
  return { docId: meta.docId, language: meta.language, heading: NOTE_HEADING[meta.language], actTitle: meta.actTitle, sections };
}

function childrenOf(node: unknown): SerializedNodeLike[] {
  const children = (node as SerializedNodeLike | null)?.children;
  return Array.isArray(children) ? (children as SerializedNodeLike[]) : [];
}

function textOf(node: SerializedNodeLike): string {
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  if (typeof node.text === 'string') return node.text;
  return childrenOf(node).map(textOf).join('');
}

function stringOr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
