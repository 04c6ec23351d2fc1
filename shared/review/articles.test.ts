import { describe, expect, test } from 'vitest';
import type { ArticleModel } from '../model/documentModel';
import type { ActBlock } from './actText';
import { articlesByBlock, articleTextHash, blockKindLabel } from './articles';

const block = (type: string, uid = '', part = ''): ActBlock => ({ type, uid, depth: 0, part });

describe('article places and fingerprints', () => {
  test('blocks belong to the article before them until the next article, chapter, annex or signature', () => {
    const blocks = [block('act-part', '', 'preamble'), block('article', 'a1'), block('clause', 'c1'), block('chapter', 'ch'), block('article', 'a2'), block('paragraph'), block('act-part', '', 'signature'), block('annex', 'x'), block('article', 'a3'), block('clause', 'c3')];
    const places = articlesByBlock(blocks, 'ka');
    expect(places.map((p) => p?.label ?? null)).toEqual([null, 'მუხლი 1', 'მუხლი 1', null, 'მუხლი 2', 'მუხლი 2', null, null, 'დანართი №1, მუხლი 1', 'დანართი №1, მუხლი 1']);
    expect(places[2]?.key).toBe('a1');
    expect(articlesByBlock(blocks, 'en')[9]?.label).toBe('Annex 1, Article 1');
    expect(blockKindLabel(blocks[0], 'ka')).toBe('პრეამბულა');
    expect(blockKindLabel(block('act-part', '', 'title'), 'en')).toBe('Title');
  });

  test('the fingerprint changes with the text, not with the numbers', () => {
    const article = (number: number, text: string): ArticleModel => ({
      kind: 'article',
      key: 'a1',
      number,
      label: `მუხლი ${number}`,
      heading: 'საჩუქრები',
      content: [{ kind: 'clause', key: 'c1', depth: 0, path: [1], label: '1.', text, children: [] }],
    });
    const approved = articleTextHash(article(2, 'საჩუქრის მიღება აკრძალულია.'));
    expect(articleTextHash(article(5, 'საჩუქრის მიღება აკრძალულია.'))).toBe(approved);
    expect(articleTextHash(article(2, 'საჩუქრის მიღება დასაშვებია.'))).not.toBe(approved);
    expect(approved).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });
});
