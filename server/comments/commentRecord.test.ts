import { describe, expect, test } from 'vitest';
import { recordCsv, type RecordRow } from './commentRecord';

const row = (over: Partial<RecordRow>): RecordRow => ({
  index: 1,
  article: 'მუხლი 1',
  quote: 'ტექსტი',
  comment: 'შენიშვნა',
  author: 'ნინო',
  date: '2026 წლის 15 სექტემბერი',
  outcome: 'გათვალისწინებულია',
  reason: '',
  replies: '',
  publicConsultation: false,
  textRemoved: false,
  ...over,
});

describe('the record as CSV', () => {
  test('starts with a UTF-8 byte-order mark, ends records with CRLF and quotes fields per RFC 4180', () => {
    const bytes = recordCsv([row({ comment: 'ის წერს: "არა", მაგრამ\nშემდეგ ხაზზე', publicConsultation: true })], 'ka');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('№,მუხლი,ციტირებული ტექსტი,შენიშვნა,ავტორი,თარიღი,შედეგი,დასაბუთება,პასუხები,საჯარო განხილვა');
    expect(text).toContain('"ის წერს: ""არა"", მაგრამ\nშემდეგ ხაზზე"');
    expect(text.endsWith(',დიახ\r\n')).toBe(true);
  });
});
