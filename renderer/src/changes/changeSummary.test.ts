import { describe, expect, test } from 'vitest';
import type { ChangesResponse } from '../../../shared/api/changes';
import { countsByArticle, stepToChanged, summarizeChanges, visibleText } from './changeSummary';

const nino = { id: 'm-nino', name: 'ნინო' };
const giorgi = { id: 'm-giorgi', name: 'გიორგი' };

const response: ChangesResponse = {
  articles: [
    { articleKey: '', label: 'პრეამბულა', changes: [{ kind: 'insert', text: 'მე-3 ', member: giorgi }] },
    {
      articleKey: 'a2',
      label: 'მუხლი 2',
      changes: [
        { kind: 'delete', text: '100', member: nino },
        { kind: 'insert', text: '200', member: nino },
      ],
    },
    { articleKey: 'a4', label: 'მუხლი 4', changes: [{ kind: 'insert', text: 'ახალი პუნქტი', member: giorgi }] },
    { articleKey: 'a4', label: 'მუხლი 4', changes: [{ kind: 'delete', text: 'ძველი', member: nino }] },
  ],
};

describe('the summary of changes', () => {
  test('counts changes, groups and members in the order they appear', () => {
    const summary = summarizeChanges(response);
    expect(summary.changes).toBe(5);
    expect(summary.articles).toBe(4);
    expect(summary.contributors).toEqual([
      { member: giorgi, changes: 2 },
      { member: nino, changes: 3 },
    ]);
  });

  test("leaves out the reader's own changes, and the groups only they changed", () => {
    const summary = summarizeChanges(response, nino.id);
    expect(summary).toEqual({ changes: 2, articles: 2, contributors: [{ member: giorgi, changes: 2 }] });
  });

  test('counts per article join the groups of one article and leave out text outside articles', () => {
    expect([...countsByArticle(response)]).toEqual([
      ['a2', 2],
      ['a4', 2],
    ]);
    expect(countsByArticle(null).size).toBe(0);
    expect(countsByArticle({ articles: [{ articleKey: 'a9', label: 'მუხლი 9', changes: [] }] }).size).toBe(0);
  });
});

describe('stepping between changed articles', () => {
  const order = ['a1', 'a2', 'a3', 'a4', 'a5'];
  const changed = new Map([
    ['a2', 2],
    ['a4', 1],
  ]);

  test('goes forward and back to the next changed article, wrapping round', () => {
    expect(stepToChanged(order, changed, -1, 1)).toBe(1);
    expect(stepToChanged(order, changed, 1, 1)).toBe(3);
    expect(stepToChanged(order, changed, 3, 1)).toBe(1);
    expect(stepToChanged(order, changed, 2, -1)).toBe(1);
    expect(stepToChanged(order, changed, 1, -1)).toBe(3);
    expect(stepToChanged(order, changed, -1, -1)).toBe(3);
  });

  test('finds nothing when no article of the act has changes', () => {
    expect(stepToChanged(order, new Map([['gone', 3]]), 0, 1)).toBe(-1);
    expect(stepToChanged([], changed, -1, 1)).toBe(-1);
  });
});

test('a change of spaces only is shown as a mark, a long one is cut', () => {
  expect(visibleText({ kind: 'insert', text: ' \n', member: nino }, 10)).toEqual({ text: '', blank: true, cut: false });
  expect(visibleText({ kind: 'insert', text: 'აბგდევზთიკლმ', member: nino }, 5)).toEqual({ text: 'აბგდე…', blank: false, cut: true });
});
