import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { deriveDocumentModel } from '../../shared/model/deriveModel';
import type { SerializedState } from '../../shared/model/serializedState';
import { blankActOutline } from '../../shared/templates/blankAct';
import type { AdoptingBody } from '../../shared/workflow/adoptingBody';
import type { TransitionData } from '../../shared/workflow/requirements';
import { readEditorState } from '../lexical/actEditor';
import { editPrivateCopy } from '../lexical/privateCopy';
import { seedActState } from '../lexical/seed';
import { $writeRecordedLines, recordedLines } from './recordedText';

const DOC = 'doc-recorded-test';

/** Writes `data` into `state` on a private copy, as the workflow does, and returns the new state. */
function record(state: Uint8Array, data: TransitionData, body: AdoptingBody = 'council'): { state: Uint8Array; changed: boolean } {
  const made = editPrivateCopy(state, DOC, (editor) => {
    let changed = false;
    editor.update(() => void (changed = $writeRecordedLines(recordedLines(data, 'ka', body), 'ka', body)), { discrete: true });
    return changed;
  });
  return { state: Y.mergeUpdates([state, made.update]), changed: made.value };
}

const modelOf = (state: Uint8Array) => deriveDocumentModel(readEditorState(state, DOC) as unknown as SerializedState, 'ka');

describe('the recorded data in the act (issue 13 §2)', () => {
  test('an act returned and adopted again keeps one number, one date and one signature, with the latest values', () => {
    let state = seedActState(blankActOutline('ეთიკის კოდექსის შესახებ', 'ka', 'khoni'), DOC);
    state = record(state, { actNumber: '3', adoptionDate: '2026-03-05' }).state;
    state = record(state, { signingDate: '2026-03-06', signatoryName: 'ნინო ბერიძე' }).state;
    state = record(state, { actNumber: '№4', adoptionDate: '2026-04-01' }).state;
    state = record(state, { signingDate: '2026-04-02', signatoryName: 'თამარ ჯაფარიძე' }).state;
    const model = modelOf(state);
    expect(model.header).toMatchObject({ number: '№ 4', date: '2026 წლის 1 აპრილი' });
    expect(model.signature).toEqual(['საკრებულოს თავმჯდომარე თამარ ჯაფარიძე', 'ხელმოწერის თარიღი: 2026 წლის 2 აპრილი']);
  });

  test('recording what the text already says changes nothing, and a move without data writes nothing', () => {
    const seeded = seedActState(blankActOutline('ეთიკის კოდექსის შესახებ', 'ka', 'khoni'), DOC);
    const once = record(seeded, { actNumber: '3', adoptionDate: '2026-03-05' });
    expect(once.changed).toBe(true);
    expect(record(once.state, { actNumber: '3', adoptionDate: '2026-03-05' }).changed).toBe(false);
    expect(record(once.state, {}).changed).toBe(false);
  });

  test("a Mayor's order names the Mayor, and its date is not repeated under the signature", () => {
    const seeded = seedActState(blankActOutline('სტრატეგიის შესახებ', 'ka', 'khoni', 'mayor'), DOC);
    const model = modelOf(record(seeded, { actNumber: '5', adoptionDate: '2026-03-05', signingDate: '2026-03-05', signatoryName: 'გიორგი ლომიძე' }, 'mayor').state);
    expect(model.header).toMatchObject({ issuingBody: 'ხონის მუნიციპალიტეტის მერის', actTypeLabel: 'ბრძანება', number: '№ 5' });
    expect(model.signature).toEqual(['მერი გიორგი ლომიძე']);
  });
});
