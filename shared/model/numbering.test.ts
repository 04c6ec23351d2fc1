import { describe, expect, test } from 'vitest';
import { annexLabel, articleLabel, chapterLabel, clauseLabel, formatCitation, georgianOrdinal, romanNumeral, subparagraphLetter } from './numbering';

describe('Georgian ordinals in citations (GLOSSARY.md)', () => {
  test.each([
    [1, 'პირველი'],
    [2, 'მე-2'],
    [3, 'მე-3'],
    [11, 'მე-11'],
    [20, 'მე-20'],
    [21, '21-ე'],
    [24, '24-ე'],
    [35, '35-ე'],
    [40, 'მე-40'],
    [41, '41-ე'],
    [60, 'მე-60'],
    [80, 'მე-80'],
    [99, '99-ე'],
    [100, 'მე-100'],
    [101, '101-ე'],
  ])('%i → %s', (n, expected) => expect(georgianOrdinal(n)).toBe(expected));
});

describe('subparagraph letters', () => {
  test('Georgian points run through the 33 letters in enumeration order', () => {
    const letters = Array.from({ length: 33 }, (_, i) => subparagraphLetter(i + 1, 'ka')).join(' ');
    expect(letters).toBe('ა ბ გ დ ე ვ ზ თ ი კ ლ მ ნ ო პ ჟ რ ს ტ უ ფ ქ ღ ყ შ ჩ ც ძ წ ჭ ხ ჯ ჰ');
  });
  test('past the 20th point the Georgian alphabet goes on, not the numeric order', () => {
    expect(subparagraphLetter(20, 'ka')).toBe('უ');
    expect(subparagraphLetter(21, 'ka')).toBe('ფ');
    expect(subparagraphLetter(25, 'ka')).toBe('შ');
  });
  test('past the last letter letters double', () => {
    expect(subparagraphLetter(34, 'ka')).toBe('აა');
    expect(subparagraphLetter(35, 'ka')).toBe('აბ');
    expect(subparagraphLetter(27, 'en')).toBe('aa');
  });
  test('English uses Latin letters', () => {
    expect([1, 2, 3, 26].map((n) => subparagraphLetter(n, 'en'))).toEqual(['a', 'b', 'c', 'z']);
  });
});

describe('labels', () => {
  test('articles, chapters, annexes in both languages', () => {
    expect(articleLabel(3, 'ka')).toBe('მუხლი 3');
    expect(articleLabel(3, 'en')).toBe('Article 3');
    expect(chapterLabel(4, 'ka')).toBe('თავი IV');
    expect(chapterLabel(9, 'en')).toBe('Chapter IX');
    expect(annexLabel(1, 'ka')).toBe('დანართი №1');
    expect(annexLabel(2, 'en')).toBe('Annex 2');
    expect(romanNumeral(14)).toBe('XIV');
  });
  test('paragraphs are numbered, subparagraphs lettered and nested as „ბ.ა"', () => {
    expect(clauseLabel([2], 'ka')).toBe('2.');
    expect(clauseLabel([2, 1], 'ka')).toBe('ა)');
    expect(clauseLabel([2, 2, 1], 'ka')).toBe('ბ.ა)');
    expect(clauseLabel([2, 2, 1], 'en')).toBe('b.a)');
  });
});

describe('citations', () => {
  test('Georgian chains put higher units in the genitive and the last in the nominative', () => {
    expect(formatCitation({ article: 3, paragraph: 2, subparagraph: [1] }, 'ka')).toBe('მე-3 მუხლის მე-2 პუნქტის „ა“ ქვეპუნქტი');
    expect(formatCitation({ article: 24, paragraph: 1 }, 'ka')).toBe('24-ე მუხლის პირველი პუნქტი');
    expect(formatCitation({ article: 1 }, 'ka')).toBe('პირველი მუხლი');
    expect(formatCitation({ article: 24, paragraph: 1, subparagraph: [2, 1] }, 'ka')).toBe('24-ე მუხლის პირველი პუნქტის „ბ.ა“ ქვეპუნქტი');
  });
  test('English citations read Article 3(2)(a)', () => {
    expect(formatCitation({ article: 3, paragraph: 2 }, 'en')).toBe('Article 3(2)');
    expect(formatCitation({ article: 3, paragraph: 2, subparagraph: [1] }, 'en')).toBe('Article 3(2)(a)');
    expect(formatCitation({ article: 7 }, 'en')).toBe('Article 7');
  });
});

describe('citations in the case of their sentence', () => {
  test('the last unit declines; the higher units stay genitive', () => {
    expect(formatCitation({ article: 3 }, 'ka', 'genitive')).toBe('მე-3 მუხლის');
    expect(formatCitation({ article: 3, paragraph: 2 }, 'ka', 'instrumental')).toBe('მე-3 მუხლის მე-2 პუნქტით');
    expect(formatCitation({ article: 24, paragraph: 1, subparagraph: [1] }, 'ka', 'dative')).toBe('24-ე მუხლის პირველი პუნქტის „ა“ ქვეპუნქტს');
    expect(formatCitation({ article: 5 }, 'ka', 'adverbial')).toBe('მე-5 მუხლად');
    expect(formatCitation({ article: 3, paragraph: 2 }, 'en', 'instrumental')).toBe('Article 3(2)');
  });
});
