/**
 * Every keyboard shortcut of the act page, in one list (issue 15): the handlers match key presses against
 * it, the toolbar's tooltips and the shortcuts sheet show it, so what is shown cannot drift from what works.
 */

/** A key press: the physical key (`KeyboardEvent.code`) with its modifiers, or a typed character. */
export interface Chord {
  /** `KeyboardEvent.code`, e.g. 'KeyA', 'ArrowUp', 'Tab'. */
  readonly code?: string;
  /** A typed character (`KeyboardEvent.key`), for keys whose place differs between layouts, such as '?'. */
  readonly key?: string;
  /** Ctrl, or ⌘ on a Mac. */
  readonly mod?: boolean;
  readonly alt?: boolean;
  readonly shift?: boolean;
}

/** The groups of the shortcuts sheet, in its order. */
export const SHORTCUT_GROUPS = ['structure', 'review', 'editing', 'page'] as const;
/** A group of the shortcuts sheet. */
export type ShortcutGroup = (typeof SHORTCUT_GROUPS)[number];

/** One shortcut: its id (also its name's key in `shortcuts.items`), its group and its keys. */
export interface Shortcut {
  readonly id: string;
  readonly group: ShortcutGroup;
  readonly chord: Chord;
  /** Handled by Lexical's own keymap (undo, bold…), which this list describes but does not drive. */
  readonly lexical?: boolean;
}

const altShift = (code: string): Chord => ({ code, alt: true, shift: true });

/** The shortcuts by id. */
export const SHORTCUTS_BY_ID = {
  article: { id: 'article', group: 'structure', chord: altShift('KeyA') },
  paragraph: { id: 'paragraph', group: 'structure', chord: altShift('KeyP') },
  subparagraph: { id: 'subparagraph', group: 'structure', chord: altShift('KeyS') },
  chapter: { id: 'chapter', group: 'structure', chord: altShift('KeyC') },
  reference: { id: 'reference', group: 'structure', chord: altShift('KeyR') },
  indent: { id: 'indent', group: 'structure', chord: { code: 'Tab' } },
  outdent: { id: 'outdent', group: 'structure', chord: { code: 'Tab', shift: true } },
  moveUp: { id: 'moveUp', group: 'structure', chord: altShift('ArrowUp') },
  moveDown: { id: 'moveDown', group: 'structure', chord: altShift('ArrowDown') },
  comment: { id: 'comment', group: 'review', chord: { code: 'KeyM', mod: true, alt: true } },
  suggestingMode: { id: 'suggestingMode', group: 'review', chord: { code: 'KeyS', mod: true, alt: true, shift: true } },
  // The changes view (issue 12): "N"ext and "B"ack, beside the structure shortcuts.
  nextChange: { id: 'nextChange', group: 'review', chord: altShift('KeyN') },
  previousChange: { id: 'previousChange', group: 'review', chord: altShift('KeyB') },
  undo: { id: 'undo', group: 'editing', chord: { code: 'KeyZ', mod: true }, lexical: true },
  redo: { id: 'redo', group: 'editing', chord: { code: 'KeyY', mod: true }, lexical: true },
  bold: { id: 'bold', group: 'editing', chord: { code: 'KeyB', mod: true }, lexical: true },
  italic: { id: 'italic', group: 'editing', chord: { code: 'KeyI', mod: true }, lexical: true },
  underline: { id: 'underline', group: 'editing', chord: { code: 'KeyU', mod: true }, lexical: true },
  shortcuts: { id: 'shortcuts', group: 'page', chord: { key: '?' } },
  closeDialog: { id: 'closeDialog', group: 'page', chord: { code: 'Escape' } },
} as const satisfies Record<string, Shortcut>;

/** A shortcut's id. */
export type ShortcutId = keyof typeof SHORTCUTS_BY_ID;

/** Every shortcut, in the sheet's order. */
export const SHORTCUT_LIST: readonly Shortcut[] = Object.values(SHORTCUTS_BY_ID);

const KEY_NAMES: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc' };

/** How a chord is written in tooltips and the sheet, e.g. 'Alt+Shift+A' or 'Ctrl+Alt+M'. */
export function chordLabel(chord: Chord): string {
  const key = chord.key ?? KEY_NAMES[chord.code ?? ''] ?? (chord.code ?? '').replace(/^Key|^Digit/, '');
  return [chord.mod ? 'Ctrl' : '', chord.alt ? 'Alt' : '', chord.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

/** The keys of a shortcut as written for people. */
export function keysOf(id: ShortcutId): string {
  return chordLabel(SHORTCUTS_BY_ID[id].chord);
}

/** The event fields a chord is matched on (a DOM KeyboardEvent has them all). */
export type KeyPress = Pick<KeyboardEvent, 'code' | 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** True when the key press is the chord: the same key and exactly its modifiers. */
export function matchesChord(chord: Chord, event: KeyPress): boolean {
  const mod = event.ctrlKey || event.metaKey;
  // A typed character already includes Shift ('?' is Shift+/ on most layouts): only Ctrl and Alt must be off.
  if (chord.key !== undefined) return event.key === chord.key && !mod && !event.altKey;
  return event.code === chord.code && mod === !!chord.mod && event.altKey === !!chord.alt && event.shiftKey === !!chord.shift;
}

/** True when the key press is the shortcut. */
export function isShortcut(id: ShortcutId, event: KeyPress): boolean {
  return matchesChord(SHORTCUTS_BY_ID[id].chord, event);
}

/** The first of `ids` the key press is, or null. */
export function shortcutOf<T extends ShortcutId>(ids: readonly T[], event: KeyPress): T | null {
  return ids.find((id) => isShortcut(id, event)) ?? null;
}
