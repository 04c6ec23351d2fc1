import { describe, expect, test } from 'vitest';
import { citationTargetsByUid, numberBlocks, referenceText, type BlockRef } from './blockNumbering';

/** The citation each block's uid shows in a nominative cross-reference. */
function citationsByUid(blocks: BlockRef[], numbers: ReturnType<typeof numberBlocks>, language: 'ka' | 'en'): Map<string, string> {
  const targets = citationTargetsByUid(blocks, numbers);
  return new Map([...targets.keys()].map((uid) => [uid, referenceText(targets, uid, language)]));
}

const article = (uid: string): BlockRef => ({ type: 'article', uid, depth: 0 });
const clause = (uid: string, depth = 0): BlockRef => ({ type: 'clause', uid, depth });
const labels = (blocks: BlockRef[], language: 'ka' | 'en' = 'ka') => numberBlocks(blocks, language).map((n) => n?.label ?? null);

describe('numbering the blocks of an act', () => {
  const act: BlockRef[] = [
    { type: 'act-part', uid: '', depth: 0 },
    { type: 'chapter', uid: 'c1', depth: 0 },
    article('a1'),
    clause('p1'),
    clause('p2'),
    clause('s1', 1),
    clause('s2', 1),
    clause('ss1', 2),
    clause('p3'),
    { type: 'chapter', uid: 'c2', depth: 0 },
    article('a2'),
    clause('q1'),
  ];

  test('chapters, articles, paragraphs and nested subparagraphs', () => {
    expect(labels(act)).toEqual([null, 'თავი I', 'მუხლი 1.', '1.', '2.', 'ა)', 'ბ)', 'ბ.ა)', '3.', 'თავი II', 'მუხლი 2.', '1.']);
    expect(labels(act, 'en')).toEqual([null, 'Chapter I', 'Article 1.', '1.', '2.', 'a)', 'b)', 'b.a)', '3.', 'Chapter II', 'Article 2.', '1.']);
  });

  test('inserting an article in the middle renumbers everything after it', () => {
    const inserted = [...act.slice(0, 9), article('new'), clause('n1'), ...act.slice(9)];
    expect(labels(inserted).filter((l) => l?.startsWith('მუხლი'))).toEqual(['მუხლი 1.', 'მუხლი 2.', 'მუხლი 3.']);
    const citations = citationsByUid(inserted, numberBlocks(inserted, 'ka'), 'ka');
    expect(citations.get('a2')).toBe('მე-3 მუხლი');
    expect(citations.get('q1')).toBe('მე-3 მუხლის პირველი პუნქტი');
  });

  test('deleting a paragraph renumbers the following ones; moving an article swaps numbers', () => {
    const deleted = act.filter((b) => b.uid !== 'p1');
    expect(labels(deleted).slice(3, 8)).toEqual(['1.', 'ა)', 'ბ)', 'ბ.ა)', '2.']);
    const moved = [act[0]!, article('a2'), clause('q1'), article('a1'), clause('p1')];
    const citations = citationsByUid(moved, numberBlocks(moved, 'en'), 'en');
    expect(citations.get('a2')).toBe('Article 1');
    expect(citations.get('p1')).toBe('Article 2(1)');
  });

  test('indenting a paragraph into a subparagraph re-letters its neighbours', () => {
    const indented = act.map((b) => (b.uid === 'p2' ? clause('p2', 1) : b));
    expect(labels(indented).slice(3, 9)).toEqual(['1.', 'ა)', 'ბ)', 'გ)', 'გ.ა)', '2.']);
  });

  test('points past the 20th keep the Georgian alphabet order', () => {
    const many = [article('a'), clause('p'), ...Array.from({ length: 25 }, (_, i) => clause(`s${i}`, 1))];
    const out = labels(many);
    expect(out[2 + 19]).toBe('უ)');
    expect(out[2 + 20]).toBe('ფ)');
    expect(out[2 + 24]).toBe('შ)');
  });

  test('subparagraphs right under an article cite the article, not a paragraph 0', () => {
    const blocks = [article('a'), clause('x', 1), clause('y', 1)];
    const citations = citationsByUid(blocks, numberBlocks(blocks, 'ka'), 'ka');
    expect(labels(blocks)).toEqual(['მუხლი 1.', 'ა)', 'ბ)']);
    expect(citations.get('y')).toBe('პირველი მუხლის „ბ“ ქვეპუნქტი');
  });

  test('article numbers restart inside each annex', () => {
    const blocks = [article('a'), article('b'), { type: 'annex', uid: 'x', depth: 0 }, article('c'), { type: 'annex', uid: 'y', depth: 0 }];
    expect(labels(blocks)).toEqual(['მუხლი 1.', 'მუხლი 2.', 'დანართი №1', 'მუხლი 1.', 'დანართი №2']);
  });
});

describe('reference text', () => {
  test('a reference to a deleted block says so instead of showing a wrong number', () => {
    const blocks = [article('a'), clause('p')];
    const targets = citationTargetsByUid(blocks, numberBlocks(blocks, 'ka'));
    expect(referenceText(targets, 'gone', 'ka')).toBe('[მითითებული დებულება წაშლილია]');
    expect(referenceText(targets, 'gone', 'en')).toBe('[referenced provision deleted]');
    expect(referenceText(targets, 'p', 'ka', 'instrumental')).toBe('პირველი მუხლის პირველი პუნქტით');
    expect(referenceText(targets, 'p', 'ka', 'not-a-case')).toBe('პირველი მუხლის პირველი პუნქტი');
  });
});
