import { validateHeaderValue } from 'node:http';
import { describe, expect, test } from 'vitest';
import { ADOPTED_CONTEXT, ENGLISH_ACT, GEORGIAN_ACT } from '../../tests/fixtures/exportModels';
import { asciiFileName, contentDisposition, exportFileName, safeBaseName } from './fileName';

const utf8Bytes = (s: string): number => new TextEncoder().encode(s).length;

describe('exportFileName', () => {
  test('names a draft by type and title, leaving out the blank number, and keeps Georgian letters', () => {
    expect(exportFileName(GEORGIAN_ACT, 'docx')).toBe(
      'დადგენილება ბაღდათის მუნიციპალიტეტის ცხელი ხაზის შესახებ.docx',
    );
  });

  test('names an act by its number: the model’s, or the adopted one', () => {
    expect(exportFileName(ENGLISH_ACT, 'akn.xml')).toBe(
      'Ordinance № 17 On the Gifts Register of Ozurgeti Municipality.akn.xml',
    );
    expect(exportFileName(GEORGIAN_ACT, 'docx', ADOPTED_CONTEXT)).toMatch(/^დადგენილება № 12 ბაღდათის/);
  });

  test('removes path separators, reserved and control characters', () => {
    const model = { ...ENGLISH_ACT, title: 'On ../../etc/passwd: a\\b *?"<>| x\u0000y\u202Etxt.exe\ttab' };
    const name = exportFileName(model, 'docx');
    expect(name).not.toMatch(/[/\\:*?"<>|\p{Cc}\u202e]/u);
    expect(name).toBe('Ordinance № 17 On etc passwd a b x y txt.exe tab.docx');
  });

  test('caps the length in characters and in UTF-8 bytes, cutting at a word', () => {
    const long = { ...GEORGIAN_ACT, title: 'ცხელი ხაზის შესახებ '.repeat(30) };
    const name = exportFileName(long, 'docx');
    const base = name.slice(0, -'.docx'.length);
    expect(Array.from(base).length).toBeLessThanOrEqual(120);
    expect(utf8Bytes(base)).toBeLessThanOrEqual(200);
    expect(utf8Bytes(name)).toBeLessThan(255);
    expect(base.endsWith(' …')).toBe(false);
    expect(/(^| )(ცხელი|ხაზის|შესახებ)…$/.test(base)).toBe(true);
    const english = exportFileName({ ...ENGLISH_ACT, title: 'word '.repeat(100) }, 'docx');
    expect(Array.from(english.slice(0, -5)).length).toBeLessThanOrEqual(120);
  });

  test('cuts a long Georgian title after a whole word, with an ellipsis, within the byte cap', () => {
    // 14 letters of 3 bytes and a space make 43 bytes a word: four fit in 200 bytes with the ellipsis, a fifth does not.
    const word = 'გამჭვირვალობის';
    expect(safeBaseName(Array(10).fill(word).join(' '))).toBe(`${Array(4).fill(word).join(' ')}…`);

    const title =
      'ბაღდათის მუნიციპალიტეტის მერიის სტრუქტურული ერთეულების მიერ მოქალაქეთა განცხადებების განხილვისა და მათზე რეაგირების წესის შესახებ';
    const name = exportFileName({ ...GEORGIAN_ACT, title }, 'docx');
    const base = name.slice(0, -'.docx'.length);
    expect(utf8Bytes(base)).toBeLessThanOrEqual(200);
    expect(base.endsWith('…')).toBe(true);
    const kept = base.slice(0, -1);
    const full = `დადგენილება ${title}`;
    expect(full.startsWith(kept)).toBe(true);
    // The cut falls between two words: what follows the kept part in the title is a space.
    expect(full[kept.length]).toBe(' ');
  });

  test('cuts a long English title after a whole word and drops the dash it would end on', () => {
    const title = `${'x'.repeat(112)} — continued`;
    expect(safeBaseName(title)).toBe(`${'x'.repeat(112)}…`);
    const words = 'On the Procedure for Reviewing Applications of Citizens by the Structural Units of the City Hall of Ozurgeti Municipality';
    const name = exportFileName({ ...ENGLISH_ACT, title: words }, 'docx');
    // "Ordinance № 17 " and the title make 136 characters; 119 leave room for the ellipsis and end inside "Ozurgeti".
    expect(name).toBe('Ordinance № 17 On the Procedure for Reviewing Applications of Citizens by the Structural Units of the City Hall of….docx');
    expect(Array.from(name.slice(0, -'.docx'.length)).length).toBeLessThanOrEqual(120);
  });

  test('cuts inside a word only when one word alone is longer than the cap', () => {
    expect(safeBaseName('ა'.repeat(100))).toBe(`${'ა'.repeat(65)}…`);
    expect(safeBaseName('short title')).toBe('short title');
  });

  test('is never empty, and never only dots or spaces', () => {
    const empty = { ...GEORGIAN_ACT, title: '', header: { ...GEORGIAN_ACT.header, actTypeLabel: ' . ' } };
    expect(exportFileName(empty, 'docx')).toBe('act.docx');
    expect(safeBaseName('...')).toBe('act');
    expect(safeBaseName(' .hidden. ')).toBe('hidden');
    expect(safeBaseName('CON')).toBe('CON_');
  });
});

describe('contentDisposition', () => {
  test('gives an ASCII filename with Georgian romanized, and the exact name percent-encoded', () => {
    const header = contentDisposition('დადგენილება № 12 „ეთიკის“ (კოდექსი).docx');
    expect(header).toBe(
      'attachment; filename="dadgenileba No 12 etikis (kodeksi).docx"; ' +
        "filename*=UTF-8''%E1%83%93%E1%83%90%E1%83%93%E1%83%92%E1%83%94%E1%83%9C%E1%83%98%E1%83%9A%E1%83%94%E1%83%91%E1%83%90%20%E2%84%96%2012%20%E2%80%9E%E1%83%94%E1%83%97%E1%83%98%E1%83%99%E1%83%98%E1%83%A1%E2%80%9C%20%28%E1%83%99%E1%83%9D%E1%83%93%E1%83%94%E1%83%A5%E1%83%A1%E1%83%98%29.docx",
    );
    expect(decodeURIComponent(header.split("UTF-8''")[1] ?? '')).toBe(
      'დადგენილება № 12 „ეთიკის“ (კოდექსი).docx',
    );
  });

  test('keeps quotes and backslashes out of the quoted ASCII name', () => {
    expect(asciiFileName('a "b" \\ c.akn.xml')).toBe('a b c.akn.xml');
    expect(asciiFileName('日本語.docx')).toBe('act.docx');
  });

  test('stays one valid header with a safe name whatever title the caller passes', () => {
    const hostile = [
      'say "hi"\'s.csv',
      'line\r\nSet-Cookie: a=b.csv',
      '../../etc/passwd.docx',
      '..\\..\\boot.ini.docx',
      'a; filename="evil.exe".docx',
      `${'ძალიან გრძელი სათაური '.repeat(200)}.docx`,
      'ქართული ✓ 日本語 🇬🇪 e\u0301.csv',
      '\ud800 lone surrogate.docx',
      '\u202Efdp.exe',
      '',
    ];
    for (const title of hostile) {
      const header = contentDisposition(title);
      expect(() => validateHeaderValue('Content-Disposition', header), title).not.toThrow();
      const ascii = /^attachment; filename="([^"]*)"; filename\*=UTF-8''([A-Za-z0-9%!#$&+\-.^_`|~]+)$/.exec(header);
      expect(ascii, `${title} → ${header}`).not.toBeNull();
      const [, plain = '', encoded = ''] = ascii!;
      const exact = decodeURIComponent(encoded);
      for (const name of [plain, exact]) {
        expect(name, title).not.toMatch(/[/\\\p{Cc}\p{Cf}"]/u);
        expect(name.startsWith('.'), title).toBe(false);
        expect(utf8Bytes(name), title).toBeLessThan(255);
      }
      expect(plain, title).not.toContain(';');
      expect(plain, title).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(contentDisposition('line\r\nSet-Cookie: a=b.csv')).toContain('filename="line Set-Cookie a=b.csv"');
  });

  test('carries a cut Georgian name with its ellipsis in filename*, percent-encoded', () => {
    const name = `${Array(10).fill('გამჭვირვალობის').join(' ')}.docx`;
    const header = contentDisposition(name);
    expect(decodeURIComponent(header.split("UTF-8''")[1] ?? '')).toBe(`${Array(4).fill('გამჭვირვალობის').join(' ')}….docx`);
    expect(header).toContain('%E2%80%A6.docx');
  });
});
