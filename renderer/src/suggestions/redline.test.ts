import { describe, expect, test } from 'vitest';
import { layoutRedline, type RedlineMark } from './redline';

const mark = (id: string, from: number, to: number, text: string): RedlineMark => ({
  id,
  top: 0,
  from,
  to,
  text,
  newBlocks: [],
  authorId: 'm1',
  authorName: 'ნინო',
  color: '#1d4ed8',
  source: 'server',
});

const summary = (length: number, marks: RedlineMark[]) =>
  layoutRedline(length, marks).map((p) => (p.kind === 'ins' ? `+${p.mark.id}@${p.at}` : `${p.kind}${p.from}-${p.to}`));

describe('the redline of a block', () => {
  test('a replacement strikes its span and puts the new text right after it', () => {
    expect(summary(10, [mark('a', 2, 5, 'xy')])).toEqual(['keep0-2', 'del2-5', '+a@5', 'keep5-10']);
  });

  test('insertions at the start and end of a block, and two at one place in the order given', () => {
    expect(summary(4, [mark('a', 0, 0, 'x'), mark('b', 4, 4, 'y'), mark('c', 4, 4, 'z')])).toEqual(['+a@0', 'keep0-4', '+b@4', '+c@4']);
  });

  test('overlapping deletions: each character struck once, each insertion after its own span', () => {
    expect(summary(10, [mark('a', 1, 6, ''), mark('b', 4, 8, 'q')])).toEqual(['keep0-1', 'del1-6', 'del6-8', '+b@8', 'keep8-10']);
  });

  test('marks beyond a block that shrank are clamped, never thrown on', () => {
    expect(summary(3, [mark('a', 2, 9, 'x')])).toEqual(['keep0-2', 'del2-3', '+a@3']);
    expect(summary(0, [mark('a', 0, 0, 'x')])).toEqual(['+a@0']);
  });
});
