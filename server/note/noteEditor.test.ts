import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_NOTE_SECTIONS } from '../../shared/note/defaultNoteSections';
import { deriveNoteModel } from '../../shared/note/noteModel';
import { noteProblems } from '../../shared/note/noteProblems';
import { migrate } from '../db/migrations';
import { readNoteState, seedNoteState } from './noteEditor';
import { createNoteSectionStore } from './noteSectionStore';

const room = 'doc-abcdefgh1234--note';
const modelOf = (state: Uint8Array, language: 'ka' | 'en') => deriveNoteModel(readNoteState(state, room), { docId: 'doc-abcdefgh1234', language, actTitle: 'T' });

describe('seeding a note', () => {
  test.each(['ka', 'en'] as const)('seeds one empty section per default section, titled in %s', (language) => {
    const model = modelOf(seedNoteState(DEFAULT_NOTE_SECTIONS, language, room), language);
    expect(model.sections.map((s) => s.key)).toEqual(DEFAULT_NOTE_SECTIONS.sections.map((s) => s.key));
    expect(model.sections.map((s) => s.title)).toEqual(DEFAULT_NOTE_SECTIONS.sections.map((s) => s.title[language]));
    expect(model.sections.every((s) => s.paragraphs.length === 1 && s.text === '')).toBe(true);
    // A fresh note warns once per section (issue 13, §3).
    expect(noteProblems(model)).toHaveLength(DEFAULT_NOTE_SECTIONS.sections.length);
  });

  test("follows the workspace's own section list", () => {
    const sections = { sections: [{ key: 'basis', title: { ka: 'სამართლებრივი საფუძველი', en: 'Legal basis' } }] };
    expect(modelOf(seedNoteState(sections, 'ka', room), 'ka').sections.map((s) => s.title)).toEqual(['სამართლებრივი საფუძველი']);
  });

  test('applying the same seed twice is harmless; a second seed would duplicate, which is why the server seeds once', () => {
    const seed = seedNoteState(DEFAULT_NOTE_SECTIONS, 'ka', room);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, seed);
    Y.applyUpdate(doc, seed);
    expect(modelOf(Y.encodeStateAsUpdate(doc), 'ka').sections).toHaveLength(6);
    Y.applyUpdate(doc, seedNoteState(DEFAULT_NOTE_SECTIONS, 'ka', room));
    expect(modelOf(Y.encodeStateAsUpdate(doc), 'ka').sections.length).toBeGreaterThan(6);
  });
});

describe('the section store', () => {
  const open = () => {
    const db = new Database(':memory:');
    migrate(db);
    return { db, store: createNoteSectionStore(db, () => {}) };
  };
  const actor = { id: 'm1', name: 'Nino', role: 'coordinator' } as const;

  test('gives the default until a list is saved, then the saved list, with an audit entry', () => {
    const { db, store } = open();
    expect(store.get()).toEqual(DEFAULT_NOTE_SECTIONS);
    const saved = store.set({ sections: [{ key: 'basis', title: { ka: 'საფუძველი', en: 'Basis' } }] }, actor);
    expect(saved.ok).toBe(true);
    expect(store.get().sections.map((s) => s.key)).toEqual(['basis']);
    const audit = db.prepare<[], { action: string }>("SELECT action FROM audit_log WHERE action = 'note.sections.changed'").all();
    expect(audit).toHaveLength(1);
  });

  test('refuses a bad list and changes nothing', () => {
    const { db, store } = open();
    const result = store.set({ sections: [{ key: 'x', title: { ka: 'ა', en: 'a' } }], __proto__: { polluted: true }, more: 1 }, actor);
    expect(result.ok).toBe(false);
    expect(store.get()).toEqual(DEFAULT_NOTE_SECTIONS);
    expect(db.prepare('SELECT COUNT(*) AS n FROM note_sections').get()).toEqual({ n: 0 });
  });
});
