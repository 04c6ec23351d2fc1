import { describe, expect, test } from 'vitest';
import { DEFAULT_NOTE_SECTIONS } from './defaultNoteSections';
import { deriveNoteModel } from './noteModel';
import { noteProblems } from './noteProblems';
import { noteRoomId, parseSyncRoom } from './noteRoom';
import { NoteSectionsSchema } from './noteSections';

const meta = { docId: 'doc-abcdefgh1234', language: 'ka', actTitle: 'ცხელი ხაზის შესახებ' } as const;
const text = (value: string) => ({ type: 'text', text: value });
const paragraph = (...values: string[]) => ({ type: 'paragraph', children: values.map(text) });
const section = (sectionKey: string, title: string, ...children: unknown[]) => ({ type: 'note-section', sectionKey, title, children });

describe('the note model', () => {
  test('reads sections with their titles and paragraphs, and keeps stray paragraphs', () => {
    const model = deriveNoteModel(
      { root: { children: [section('reason', 'მიზეზი', paragraph('პირველი ', 'აბზაცი'), paragraph('მეორე')), paragraph('უპატრონო'), section('aim', 'მიზანი', paragraph(''))] } },
      meta,
    );
    expect(model.heading).toBe('განმარტებითი ბარათი');
    expect(model.sections.map((s) => [s.key, s.title, s.text])).toEqual([
      ['reason', 'მიზეზი', 'პირველი აბზაცი\nმეორე'],
      ['', '', 'უპატრონო'],
      ['aim', 'მიზანი', ''],
    ]);
  });

  test('survives hostile shapes without throwing', () => {
    expect(deriveNoteModel({ root: null }, meta).sections).toEqual([]);
    expect(deriveNoteModel({ root: { children: [{ type: 'note-section', sectionKey: 7, children: 'x' }] } }, meta).sections).toEqual([{ key: '', title: '', paragraphs: [], text: '' }]);
  });
});

describe('noteProblems', () => {
  test('every empty section is a warning naming it; filled sections are not', () => {
    const model = deriveNoteModel({ root: { children: [section('reason', 'მიზეზი', paragraph('ტექსტი')), section('aim', 'მიზანი', paragraph('   ')), section('budget', 'ბიუჯეტი')] } }, meta);
    const problems = noteProblems(model);
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => p.code === 'note_section_empty' && p.severity === 'warning')).toBe(true);
    expect(problems[0]!.message.ka).toContain('„მიზანი“');
    expect(problems[1]!.message.en).toBe('The explanatory note\'s section "ბიუჯეტი" is empty');
  });

  test('a note with no sections left is one warning', () => {
    expect(noteProblems(deriveNoteModel({ root: { children: [] } }, meta)).map((p) => p.code)).toEqual(['note_has_no_sections']);
  });

  test('a fully written note has no problems', () => {
    expect(noteProblems(deriveNoteModel({ root: { children: [section('reason', 'მიზეზი', paragraph('ა'))] } }, meta))).toEqual([]);
  });
});

describe('note rooms', () => {
  test('an act and its note are two rooms of one act', () => {
    expect(parseSyncRoom('doc-abcdefgh1234')).toEqual({ ok: true, value: { room: 'doc-abcdefgh1234', docId: 'doc-abcdefgh1234', part: 'act' } });
    expect(parseSyncRoom(noteRoomId('doc-abcdefgh1234'))).toEqual({ ok: true, value: { room: 'doc-abcdefgh1234--note', docId: 'doc-abcdefgh1234', part: 'note' } });
  });

  test.each(['doc-abcdefgh1234--note--note', '--note', 'x--note', 'DOC-abcdefgh1234--note', 'doc-abcdefgh1234--note/', 'doc-abcdefgh1234--NOTE'])('refuses %s', (raw) => {
    expect(parseSyncRoom(raw).ok).toBe(false);
  });
});

describe('the section list', () => {
  test('the default is valid and has the six sections of the Rules of Procedure', () => {
    expect(NoteSectionsSchema.safeParse(DEFAULT_NOTE_SECTIONS).success).toBe(true);
    expect(DEFAULT_NOTE_SECTIONS.sections.map((s) => s.key)).toEqual(['reason', 'aim', 'content', 'budget', 'consultation', 'authors']);
  });

  test.each([
    [{ sections: [] }, 'at least one'],
    [{ sections: [{ key: 'a', title: { ka: 'ა', en: 'a' } }, { key: 'a', title: { ka: 'ბ', en: 'b' } }] }, "duplicate section key 'a'"],
    [{ sections: [{ key: 'Bad Key', title: { ka: 'ა', en: 'a' } }] }, 'expected a key'],
    [{ sections: [{ key: 'a', title: { ka: ' ', en: 'a' } }] }, 'non-empty'],
    [{ sections: [{ key: 'a', title: { ka: 'ა', en: 'a' }, extra: 1 }] }, 'Unrecognized key'],
  ])('refuses %j', (raw, message) => {
    const parsed = NoteSectionsSchema.safeParse(raw);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain(message);
  });
});
