import { describe, expect, test } from 'vitest';
import { en } from '../i18n/en';
import { ka } from '../i18n/ka';
import { chordLabel, isShortcut, keysOf, SHORTCUT_LIST, type KeyPress } from './shortcuts';

const press = (code: string, key: string, mods: Partial<Pick<KeyPress, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>> = {}): KeyPress => ({
  code,
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('the shortcuts list', () => {
  test('modifiers must match exactly: Alt+Shift+S adds a subparagraph, Ctrl+Alt+Shift+S switches the mode', () => {
    const altShiftS = press('KeyS', 'S', { altKey: true, shiftKey: true });
    const ctrlAltShiftS = press('KeyS', 'S', { ctrlKey: true, altKey: true, shiftKey: true });
    expect(isShortcut('subparagraph', altShiftS)).toBe(true);
    expect(isShortcut('suggestingMode', altShiftS)).toBe(false);
    expect(isShortcut('suggestingMode', ctrlAltShiftS)).toBe(true);
    expect(isShortcut('subparagraph', ctrlAltShiftS)).toBe(false);
    // ⌘ on a Mac counts as Ctrl.
    expect(isShortcut('comment', press('KeyM', 'µ', { metaKey: true, altKey: true }))).toBe(true);
  });

  test("'?' opens the sheet whatever key the layout puts it on, but not with Ctrl or Alt", () => {
    expect(isShortcut('shortcuts', press('Slash', '?', { shiftKey: true }))).toBe(true);
    expect(isShortcut('shortcuts', press('Comma', '?', { shiftKey: true }))).toBe(true);
    expect(isShortcut('shortcuts', press('Slash', '?', { shiftKey: true, ctrlKey: true }))).toBe(false);
    expect(isShortcut('shortcuts', press('Slash', '/'))).toBe(false);
  });

  test('labels are written as people read them', () => {
    expect(keysOf('moveUp')).toBe('Alt+Shift+↑');
    expect(keysOf('suggestingMode')).toBe('Ctrl+Alt+Shift+S');
    expect(keysOf('outdent')).toBe('Shift+Tab');
    expect(chordLabel({ key: '?' })).toBe('?');
  });

  test('every shortcut has a name in Georgian and English, and no two share their keys', () => {
    for (const s of SHORTCUT_LIST) {
      expect((ka.shortcuts.items as Record<string, string>)[s.id], `ka ${s.id}`).toBeTruthy();
      expect((en.shortcuts.items as Record<string, string>)[s.id], `en ${s.id}`).toBeTruthy();
    }
    const labels = SHORTCUT_LIST.map((s) => chordLabel(s.chord));
    expect(new Set(labels).size).toBe(labels.length);
  });
});
