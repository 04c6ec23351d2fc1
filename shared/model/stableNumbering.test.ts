import { describe, expect, test } from 'vitest';
import type { BlockRef } from './blockNumbering';
import { citationTargetsByUid, numberBlocks, referenceText } from './blockNumbering';
import { deriveDocumentModel } from './deriveModel';
import { compareStable, formatStableCitation, stableNumberLabel, superscript } from './numbering';
import { renderPlainText } from './plainText';
import type { SerializedBlock, SerializedState } from './serializedState';
import { baseFromModel, insertedNumber, numberBlocksAgainstBase } from './stableNumbering';

const article = (uid: string): BlockRef => ({ type: 'article', uid, depth: 0 });
const clause = (uid: string, depth = 0): BlockRef => ({ type: 'clause', uid, depth });

/** An act in force of seven articles a1…a7, article 5 with paragraphs p1…p3 and p2 with subparagraphs s1, s2. */
const inForce: BlockRef[] = [
  article('a1'), article('a2'), article('a3'), article('a4'),
  article('a5'), clause('p1'), clause('p2'), clause('s1', 1), clause('s2', 1), clause('p3'),
  article('a6'), article('a7'),
];

function stateOf(blocks: readonly { ref: BlockRef; text: string }[]): SerializedState {
  const children: SerializedBlock[] = blocks.map(({ ref, text }) => ({ type: ref.type, uid: ref.uid, depth: ref.depth, children: [{ type: 'text', text }] }));
  return { root: { children } };
}
const withText = (refs: readonly BlockRef[]) => refs.map((ref) => ({ ref, text: `text of ${ref.uid}` }));
const baseModel = deriveDocumentModel(stateOf(withText(inForce)), 'ka');
const base = baseFromModel(baseModel);
const labels = (refs: BlockRef[], language: 'ka' | 'en' = 'ka') => numberBlocksAgainstBase(refs, language, base).map((n) => n?.label ?? null);

describe('superscripts (GLOSSARY.md: ¹ ² ³ ⁴ ⁵ ⁶ ⁷ ⁸ ⁹ ⁰)', () => {
  test('every digit has its superscript code point', () => {
    expect(superscript(1234567890)).toBe('\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u2070');
    expect(superscript(12)).toBe('¹²');
  });
  test('a stable number is written as its base and superscripts', () => {
    expect(stableNumberLabel([5])).toBe('5');
    expect(stableNumberLabel([5, 1])).toBe('5¹');
    expect(stableNumberLabel([5, 10])).toBe('5¹⁰');
  });
  test('stable numbers order 5 < 5¹ < 5² < 6', () => {
    const sorted = [[6], [5, 2], [5], [5, 1]].sort(compareStable);
    expect(sorted).toEqual([[5], [5, 1], [5, 2], [6]]);
  });
  test('a unit inserted after the last one takes the next whole number, otherwise a superscript', () => {
    expect(insertedNumber([5], [6])).toEqual([5, 1]);
    expect(insertedNumber([5, 1], [6])).toEqual([5, 2]);
    expect(insertedNumber([3], null)).toEqual([4]);
    expect(insertedNumber(null, [1])).toEqual([0, 1]);
    expect(insertedNumber([5], [5, 1])).toEqual([5, 0, 1]);
  });
});

describe('numbering a revision against the act in force', () => {
  test('the numbers of the act in force stay as they were', () => {
    expect(labels(inForce)).toEqual(numberBlocks(inForce, 'ka').map((n) => n?.label ?? null));
  });

  test('a new article after article 5 is "მუხლი 5¹", and the next one 5²; article 6 stays 6', () => {
    const revision = [...inForce.slice(0, 10), article('n1'), article('n2'), ...inForce.slice(10)];
    expect(labels(revision).filter((l) => l?.startsWith('მუხლი'))).toEqual(['მუხლი 1.', 'მუხლი 2.', 'მუხლი 3.', 'მუხლი 4.', 'მუხლი 5.', 'მუხლი 5¹.', 'მუხლი 5².', 'მუხლი 6.', 'მუხლი 7.']);
    expect(labels(revision, 'en')[10]).toBe('Article 5¹.');
  });

  test('a removed article leaves its number unused: article 7 stays 7 after 5 goes', () => {
    const revision = inForce.filter((b) => !['a5', 'p1', 'p2', 's1', 's2', 'p3'].includes(b.uid));
    expect(labels(revision)).toEqual(['მუხლი 1.', 'მუხლი 2.', 'მუხლი 3.', 'მუხლი 4.', 'მუხლი 6.', 'მუხლი 7.']);
  });

  test('a new article at the end is the next whole number', () => {
    expect(labels([...inForce, article('n1')]).at(-1)).toBe('მუხლი 8.');
  });

  test('paragraphs and subparagraphs keep their numbers and new ones take superscripts', () => {
    // In article 5: p1 removed, a paragraph between p2 and p3, a subparagraph after s1, a paragraph at the end.
    const revision = [article('a5'), clause('p2'), clause('s1', 1), clause('ns', 1), clause('s2', 1), clause('np'), clause('p3'), clause('end')];
    expect(labels(revision)).toEqual(['მუხლი 5.', '2.', 'ა)', 'ა¹)', 'ბ)', '2¹.', '3.', '4.']);
    expect(labels(revision, 'en').slice(2, 5)).toEqual(['a)', 'a¹)', 'b)']);
  });

  test('a cross-reference cites the superscripted numbers: "5¹ მუხლის 2¹ პუნქტი"', () => {
    const revision = [...inForce.slice(0, 10), article('n1'), clause('n1p1'), clause('n1p2'), ...inForce.slice(10)];
    const numbers = numberBlocksAgainstBase(revision, 'ka', base);
    const targets = citationTargetsByUid(revision, numbers);
    expect(referenceText(targets, 'n1', 'ka')).toBe('5¹ მუხლი');
    expect(referenceText(targets, 'n1p2', 'ka', 'genitive')).toBe('5¹ მუხლის მე-2 პუნქტის');
    expect(referenceText(targets, 's2', 'ka')).toBe('მე-5 მუხლის მე-2 პუნქტის „ბ“ ქვეპუნქტი');
    expect(referenceText(targets, 'n1p2', 'en')).toBe('Article 5¹(2)');
    expect(formatStableCitation({ article: [5], paragraph: [2, 1], subparagraph: [[1, 1]] }, 'ka')).toBe('მე-5 მუხლის 2¹ პუნქტის „ა¹“ ქვეპუნქტი');
  });

  test('the draft numbering of a new act is unchanged', () => {
    expect(numberBlocks([article('x'), article('y')], 'ka').map((n) => n?.label)).toEqual(['მუხლი 1.', 'მუხლი 2.']);
  });
});

describe('the consolidated text of a revision', () => {
  test('a removed article and a removed paragraph keep their places as "ამოღებულია"', () => {
    const kept = inForce.filter((b) => !['a3', 'p1'].includes(b.uid));
    const model = deriveDocumentModel(stateOf(withText(kept)), 'ka', { base, removedText: 'ამოღებულია' });
    const text = renderPlainText(model);
    expect(text).toContain('მუხლი 2. text of a2\nმუხლი 3. ამოღებულია\nმუხლი 4. text of a4');
    expect(text).toContain('მუხლი 5. text of a5\n1. ამოღებულია\n2. text of p2');
  });

  test('a unit removed by an earlier amendment keeps its own note in the next edition', () => {
    const kept = inForce.filter((b) => b.uid !== 'a3');
    const edition2 = deriveDocumentModel(stateOf(withText(kept)), 'ka', { base, removedText: 'ამოღებულია (№12, 2026 წლის 1 მარტი)' });
    const next = deriveDocumentModel(stateOf(withText(kept)), 'ka', { base: baseFromModel(edition2), removedText: 'ამოღებულია' });
    expect(renderPlainText(next)).toContain('მუხლი 3. ამოღებულია (№12, 2026 წლის 1 მარტი)\n');
  });
});
