import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { deriveDocumentModel } from '../../shared/model/deriveModel';
import { renderPlainText } from '../../shared/model/plainText';
import type { ArticleModel, ClauseModel } from '../../shared/model/documentModel';
import type { SerializedState } from '../../shared/model/serializedState';
import { blockKeys } from '../../shared/review/blockKeys';
import { readActText } from '../../shared/review/actText';
import { pointRef, rangeRef, type SpanRef } from '../../shared/review/suggestionSpan';
import type { BlockSpec } from '../../shared/templates/actOutline';
import { readEditorState } from '../lexical/actEditor';
import { seedActState } from '../lexical/seed';
import { editAct, type AppliedChange, type SuggestedChange } from './applySuggestion';
import { EditRefused } from './spanEdit';

const DOC = 'doc-suggest-unit';

const ACT: BlockSpec[] = [
  { type: 'part', part: 'title', inline: [{ text: 'On gifts' }] },
  { type: 'article', uid: 'art1', inline: [{ text: 'Purpose' }] },
  { type: 'clause', uid: 'c11', depth: 0, inline: [{ text: 'This rule sets limits on gifts.' }] },
  { type: 'clause', uid: 'c12', depth: 0, inline: [{ text: 'It applies to all staff.' }] },
  { type: 'article', uid: 'art2', inline: [{ text: 'Gifts' }] },
  { type: 'clause', uid: 'c21', depth: 0, inline: [{ text: 'A gift above 50 lari is refused, see ' }, { ref: 'c12' }, { text: ' for staff.' }] },
  { type: 'article', uid: 'art3', inline: [{ text: 'Entry into force' }] },
  { type: 'clause', uid: 'c31', depth: 0, inline: [{ text: 'This rule enters into force on publication.' }] },
];

/** A live document holding the seeded act, as a room would. */
function liveAct(blocks: BlockSpec[] = ACT): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, seedActState(blocks, DOC));
  return doc;
}

function modelOf(doc: Y.Doc) {
  return deriveDocumentModel(readEditorState(Y.encodeStateAsUpdate(doc), DOC) as unknown as SerializedState, 'en');
}

/** The position of a quote (or an insertion point when the quote is empty) in a block, by key. */
function positionIn(doc: Y.Doc, key: string, quote: string, offset?: number): SpanRef {
  const act = readActText(doc);
  const top = blockKeys(act.blocks).indexOf(key);
  const text = act.segments[act.segmentAt([top])]!.text;
  const at = offset ?? text.indexOf(quote);
  const placed = quote ? rangeRef(act, { top, offset: at }, { top, offset: at + quote.length }) : pointRef(act, { top, offset: at });
  if (!placed.ok) throw new Error(placed.error);
  return placed.value;
}

/** Accepts a change on a private copy and applies the diff to the live document, as the service does. */
function accept(live: Y.Doc, change: SuggestedChange): AppliedChange {
  const edit = editAct(Y.encodeStateAsUpdate(live), DOC, (session) => session.accept(change));
  Y.applyUpdate(live, edit.update);
  return edit.value;
}

function revert(live: Y.Doc, applied: AppliedChange, quote: string): void {
  const edit = editAct(Y.encodeStateAsUpdate(live), DOC, (session) => session.revert(applied, quote));
  Y.applyUpdate(live, edit.update);
}

const articles = (doc: Y.Doc) => modelOf(doc).body.filter((b): b is ArticleModel => b.kind === 'article');
const clauses = (article: ArticleModel) => article.content.filter((c): c is ClauseModel => c.kind === 'clause');

describe('applying a suggestion on a private copy', () => {
  test('a replacement inside a clause changes only the quote, and the diff brings the live document along', () => {
    const live = liveAct();
    const before = Y.encodeStateVector(live);
    accept(live, { position: positionIn(live, 'c11', 'limits'), quote: 'limits', text: 'strict limits', newBlocks: [] });
    expect(clauses(articles(live)[0]!)[0]!.text).toBe('This rule sets strict limits on gifts.');
    // The copy's edit arrives as one update, with nothing pending.
    expect(Y.encodeStateAsUpdate(live, before).length).toBeGreaterThan(0);
    expect(live.store.pendingStructs).toBeNull();
  });

  test('a multi-paragraph insertion after a clause creates new clauses, and the numbering follows', () => {
    const live = liveAct();
    const end = 'This rule sets limits on gifts.'.length;
    accept(live, { position: positionIn(live, 'c11', '', end), quote: '', text: '\nGifts are declared.\nThe register is public.', newBlocks: [] });
    const first = articles(live)[0]!;
    expect(clauses(first).map((c) => [c.label, c.text])).toEqual([
      ['1.', 'This rule sets limits on gifts.'],
      ['2.', 'Gifts are declared.'],
      ['3.', 'The register is public.'],
      ['4.', 'It applies to all staff.'],
    ]);
    // The cross-reference to the old paragraph 2 now cites paragraph 4.
    expect(clauses(articles(live)[1]!)[0]!.text).toBe('A gift above 50 lari is refused, see Article 1(4) for staff.');
  });

  test('a new article proposed after a clause is numbered, and later articles renumber', () => {
    const live = liveAct();
    const end = 'It applies to all staff.'.length;
    accept(live, {
      position: positionIn(live, 'c12', '', end),
      quote: '',
      text: '\nDeclarations\nEvery gift is declared within 5 days.',
      newBlocks: [{ type: 'article' }, { type: 'clause', depth: 0 }],
    });
    expect(articles(live).map((a) => [a.label, a.heading])).toEqual([
      ['Article 1', 'Purpose'],
      ['Article 2', 'Declarations'],
      ['Article 3', 'Gifts'],
      ['Article 4', 'Entry into force'],
    ]);
    expect(clauses(articles(live)[1]!).map((c) => c.text)).toEqual(['Every gift is declared within 5 days.']);
  });

  test('several lines in the middle of a clause split it, the rest of the clause ending the last line', () => {
    const live = liveAct();
    accept(live, { position: positionIn(live, 'c11', 'limits'), quote: 'limits', text: 'rules.\nThey set limits', newBlocks: [] });
    expect(clauses(articles(live)[0]!).map((c) => c.text)).toEqual(['This rule sets rules.', 'They set limits on gifts.', 'It applies to all staff.']);
  });

  test('deleting the whole text of a clause removes the clause; undo puts it back with its stable id', () => {
    const live = liveAct();
    const quote = 'It applies to all staff.';
    const applied = accept(live, { position: positionIn(live, 'c12', quote), quote, text: '', newBlocks: [] });
    expect(applied.kind).toBe('removed');
    expect(clauses(articles(live)[0]!).map((c) => c.text)).toEqual(['This rule sets limits on gifts.']);
    expect(clauses(articles(live)[1]!)[0]!.text).toContain('[referenced provision deleted]');
    revert(live, applied, quote);
    expect(clauses(articles(live)[0]!).map((c) => [c.key, c.text])).toEqual([
      ['c11', 'This rule sets limits on gifts.'],
      ['c12', quote],
    ]);
    expect(clauses(articles(live)[1]!)[0]!.text).toBe('A gift above 50 lari is refused, see Article 1(2) for staff.');
  });

  test('a cross-reference next to a replaced span stays, and undo restores the text exactly', () => {
    const live = liveAct();
    const original = renderPlainText(modelOf(live));
    const applied = accept(live, { position: positionIn(live, 'c21', 'refused, see '), quote: 'refused, see ', text: 'refused; see ', newBlocks: [] });
    expect(clauses(articles(live)[1]!)[0]!.text).toBe('A gift above 50 lari is refused; see Article 1(2) for staff.');
    revert(live, applied, 'refused, see ');
    expect(renderPlainText(modelOf(live))).toBe(original);
  });

  test('undo of a multi-paragraph insertion merges the text back', () => {
    const live = liveAct();
    const original = renderPlainText(modelOf(live));
    const applied = accept(live, { position: positionIn(live, 'c11', 'limits'), quote: 'limits', text: 'rules.\nNew clause.\nThey set limits', newBlocks: [] });
    expect(clauses(articles(live)[0]!)).toHaveLength(4);
    revert(live, applied, 'limits');
    expect(renderPlainText(modelOf(live))).toBe(original);
  });

  test('a quote edited after the suggestion was made is stale: accepting it is refused and changes nothing', () => {
    const live = liveAct();
    const position = positionIn(live, 'c31', 'on publication');
    // Another edit rewrites part of the quote.
    accept(live, { position: positionIn(live, 'c31', 'publication'), quote: 'publication', text: 'signature', newBlocks: [] });
    const state = Y.encodeStateAsUpdate(live);
    expect(() => accept(live, { position, quote: 'on publication', text: 'at once', newBlocks: [] })).toThrow(EditRefused);
    expect(Y.encodeStateAsUpdate(live)).toEqual(state);
  });

  test('undo is refused once the accepted text was edited', () => {
    const live = liveAct();
    const applied = accept(live, { position: positionIn(live, 'c11', 'limits'), quote: 'limits', text: 'strict limits', newBlocks: [] });
    accept(live, { position: positionIn(live, 'c11', 'strict'), quote: 'strict', text: 'firm', newBlocks: [] });
    expect(() => revert(live, applied, 'limits')).toThrow(EditRefused);
    expect(clauses(articles(live)[0]!)[0]!.text).toBe('This rule sets firm limits on gifts.');
  });

  test('an insertion into an empty clause and its undo', () => {
    const live = liveAct([...ACT.slice(0, 3), { type: 'clause', uid: 'empty', depth: 0, inline: [] }, ...ACT.slice(3)]);
    const applied = accept(live, { position: positionIn(live, 'empty', '', 0), quote: '', text: 'Filled in.', newBlocks: [] });
    expect(clauses(articles(live)[0]!).map((c) => c.text)).toEqual(['This rule sets limits on gifts.', 'Filled in.', 'It applies to all staff.']);
    revert(live, applied, '');
    expect(clauses(articles(live)[0]!).map((c) => c.text)).toEqual(['This rule sets limits on gifts.', '', 'It applies to all staff.']);
  });
});
