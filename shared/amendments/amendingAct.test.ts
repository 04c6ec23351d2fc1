import { describe, expect, test } from 'vitest';
import type { Language } from '../lang/language';
import { deriveDocumentModel } from '../model/deriveModel';
import type { DocumentModel } from '../model/documentModel';
import type { SerializedBlock } from '../model/serializedState';
import { baseFromModel } from '../model/stableNumbering';
import { generateAmendingAct, type AmendedAct } from './amendingAct';

// The expected texts below are written by hand from GLOSSARY.md's formulae, never copied from the output.

type Block = { type: string; uid?: string; depth?: number; part?: string; text: string };
const part = (name: string, text: string): Block => ({ type: 'act-part', part: name, text });
const art = (uid: string, heading: string): Block => ({ type: 'article', uid, text: heading });
const cl = (uid: string, text: string, depth = 0): Block => ({ type: 'clause', uid, depth, text });
const txt = (text: string): Block => ({ type: 'paragraph', text });

const toState = (blocks: readonly Block[]) => ({
  root: { children: blocks.map((b): SerializedBlock => ({ type: b.type, uid: b.uid, depth: b.depth, part: b.part, children: [{ type: 'text', text: b.text }] })) },
});

/** The act in force: eight articles; article 5 has three paragraphs, article 6's paragraph three subparagraphs. */
const ACTS: Readonly<Record<Language, Block[]>> = {
  ka: [
    part('issuingBody', 'ბაღდათის მუნიციპალიტეტის საკრებულო'), part('actType', 'დადგენილება'), part('number', '№ 1'),
    part('date', '2024 წლის 14 ივლისი'), part('place', 'ბაღდათი'), part('title', 'პეტიციის წარდგენის წესის დამტკიცების შესახებ'),
    part('preamble', 'ადგილობრივი თვითმმართველობის კოდექსის 61-ე მუხლის შესაბამისად'), part('formula', 'ბაღდათის მუნიციპალიტეტის საკრებულო ადგენს:'),
    art('a1', 'მიზანი'), cl('a1p1', 'ეს წესი ადგენს პეტიციის წარდგენის წესს.'),
    art('a2', 'ტერმინები'), cl('a2p1', 'პეტიცია არის მოქალაქეთა წერილობითი მიმართვა.'),
    art('a3', 'განცხადება'), cl('a3p1', 'განცხადება წარედგინება მერიას.'), cl('a3p2', 'განცხადება განიხილება 15 სამუშაო დღეში.'),
    art('a4', 'ვადები'), cl('a4p1', 'ვადა აითვლება რეგისტრაციიდან.'),
    art('a5', 'ინფორმირება'), cl('a5p1', 'შედეგი ეცნობება განმცხადებელს.'), cl('a5p2', 'შედეგი ეცნობება ფოსტით.'), cl('a5p3', 'შედეგი ქვეყნდება ვებგვერდზე.'),
    art('a6', 'განცხადების შინაარსი'), cl('a6p1', 'განცხადებაში მიეთითება:'), cl('a6s1', 'განმცხადებლის სახელი;', 1), cl('a6s2', 'მისამართი;', 1), cl('a6s3', 'თარიღი.', 1),
    art('a7', 'გარდამავალი დებულება'), cl('a7p1', 'ეს წესი არ ვრცელდება უკვე რეგისტრირებულ განცხადებებზე.'),
    art('a8', 'ამოქმედება'), txt('ეს დადგენილება ამოქმედდეს გამოქვეყნებისთანავე.'),
    part('signature', 'საკრებულოს თავმჯდომარე ______'),
  ],
  en: [
    part('issuingBody', 'Sakrebulo of Bagdati Municipality'), part('actType', 'Ordinance'), part('number', 'No 1'),
    part('date', '14 July 2024'), part('place', 'Bagdati'), part('title', 'On the Rules for Submitting Petitions'),
    part('preamble', 'In accordance with Article 61 of the Local Self-Government Code,'), part('formula', 'The Sakrebulo of Bagdati Municipality resolves:'),
    art('a1', 'Purpose'), cl('a1p1', 'These rules set out how petitions are submitted.'),
    art('a2', 'Terms'), cl('a2p1', 'A petition is a written appeal of citizens.'),
    art('a3', 'Application'), cl('a3p1', 'The application is submitted to the City Hall.'), cl('a3p2', 'The application is considered within 15 working days.'),
    art('a4', 'Time limits'), cl('a4p1', 'Time limits run from registration.'),
    art('a5', 'Informing'), cl('a5p1', 'The applicant is informed of the outcome.'), cl('a5p2', 'The outcome is sent by post.'), cl('a5p3', 'The outcome is published on the website.'),
    art('a6', 'Content of the application'), cl('a6p1', 'The application states:'), cl('a6s1', 'the name of the applicant;', 1), cl('a6s2', 'the address;', 1), cl('a6s3', 'the date.', 1),
    art('a7', 'Transitional provision'), cl('a7p1', 'These rules do not apply to applications already registered.'),
    art('a8', 'Entry into force'), txt('This ordinance shall enter into force upon its publication.'),
    part('signature', 'Chairperson of the Sakrebulo ______'),
  ],
};

const AMENDED: Readonly<Record<Language, AmendedAct>> = {
  ka: { title: 'პეტიციის წარდგენის წესის დამტკიცების შესახებ', issuingBody: 'ბაღდათის მუნიციპალიტეტის საკრებულო', actTypeLabel: 'დადგენილება', actNumber: '1', adoptionDate: '2024-07-14', registrationCode: '010250040.35.123.016633' },
  en: { title: 'On the Rules for Submitting Petitions', issuingBody: 'Sakrebulo of Bagdati Municipality', actTypeLabel: 'Ordinance', actNumber: '1', adoptionDate: '2024-07-14', registrationCode: '010250040.35.123.016633' },
};

/** The amending act of a revision made by `edit` from the act in force. */
function amend(language: Language, edit: (blocks: Block[]) => Block[], repeal = false) {
  const inForce: DocumentModel = deriveDocumentModel(toState(ACTS[language]), language);
  const revision = deriveDocumentModel(toState(edit([...ACTS[language]])), language, { base: baseFromModel(inForce), removedText: 'ამოღებულია' });
  return generateAmendingAct({ amended: AMENDED[language], inForce, revision, repeal });
}

/** The numbered points of the amending article, one a line. */
function points(text: string): string {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.endsWith(':') && (l.includes('შევიდეს') || l.includes('shall be made')));
  const to = lines.findIndex((l) => l === 'მუხლი 2.' || l === 'Article 2.');
  return lines.slice(from + 1, to).join('\n');
}

const replaceText = (uid: string, text: string) => (blocks: Block[]) => blocks.map((b) => (b.uid === uid ? { ...b, text } : b));
const insertAfter = (uid: string, ...added: Block[]) => (blocks: Block[]) => {
  const i = blocks.findIndex((b) => b.uid === uid);
  return [...blocks.slice(0, i + 1), ...added, ...blocks.slice(i + 1)];
};
const remove = (...uids: string[]) => (blocks: Block[]) => blocks.filter((b) => !uids.includes(b.uid ?? ''));
const all = (...edits: ((b: Block[]) => Block[])[]) => (blocks: Block[]) => edits.reduce((acc, e) => e(acc), blocks);

describe('the amending act in Georgian', () => {
  test('a replaced paragraph: the whole act, title naming the act by title, date, number and Herald code', () => {
    const act = amend('ka', replaceText('a3p2', 'განცხადება განიხილება 10 სამუშაო დღეში.'));
    expect(act.text).toBe(
      [
        'ბაღდათის მუნიციპალიტეტის საკრებულო',
        'დადგენილება',
        '№ ______',
        '______',
        'ბაღდათი',
        '„პეტიციის წარდგენის წესის დამტკიცების შესახებ“ ბაღდათის მუნიციპალიტეტის საკრებულოს 2024 წლის 14 ივლისის №1 დადგენილებაში ცვლილების შეტანის შესახებ',
        '„ნორმატიული აქტების შესახებ“ საქართველოს ორგანული კანონის 25-ე მუხლის შესაბამისად',
        'ბაღდათის მუნიციპალიტეტის საკრებულო ადგენს:',
        'მუხლი 1.',
        '„პეტიციის წარდგენის წესის დამტკიცების შესახებ“ ბაღდათის მუნიციპალიტეტის საკრებულოს 2024 წლის 14 ივლისის №1 დადგენილებაში (www.matsne.gov.ge, 010250040.35.123.016633) შევიდეს შემდეგი ცვლილება:',
        '1. მე-3 მუხლის მე-2 პუნქტი ჩამოყალიბდეს შემდეგი რედაქციით: „2. განცხადება განიხილება 10 სამუშაო დღეში.“.',
        'მუხლი 2.',
        'ეს დადგენილება ამოქმედდეს გამოქვეყნებისთანავე.',
        'საკრებულოს თავმჯდომარე ______',
        '',
      ].join('\n'),
    );
    expect(act.model.body).toHaveLength(2);
  });

  test('an added paragraph at the end of an article takes the next number', () => {
    const act = amend('ka', insertAfter('a5p3', cl('new', 'შედეგი ეგზავნება კომისიას.')));
    expect(points(act.text)).toBe('1. მე-5 მუხლს დაემატოს შემდეგი შინაარსის მე-4 პუნქტი: „4. შედეგი ეგზავნება კომისიას.“.');
  });

  test('an added subparagraph', () => {
    const act = amend('ka', insertAfter('a6s3', cl('new', 'ელექტრონული ფოსტა.', 1)));
    expect(points(act.text)).toBe('1. მე-6 მუხლის პირველ პუნქტს დაემატოს შემდეგი შინაარსის „დ“ ქვეპუნქტი: „დ) ელექტრონული ფოსტა.“.');
  });

  test('an added article between 5 and 6 is 5¹', () => {
    const act = amend('ka', insertAfter('a5p3', art('new', 'ანგარიშგება'), cl('newp', 'მერია ყოველწლიურად აქვეყნებს ანგარიშს.')));
    expect(points(act.text)).toBe('1. დაემატოს შემდეგი შინაარსის 5¹ მუხლი: „მუხლი 5¹. ანგარიშგება\n1. მერია ყოველწლიურად აქვეყნებს ანგარიშს.“.');
  });

  test('a deleted article', () => {
    const act = amend('ka', remove('a7', 'a7p1'));
    expect(points(act.text)).toBe('1. მე-7 მუხლი ამოღებულ იქნეს.');
  });

  test('a changed title of an article', () => {
    const act = amend('ka', replaceText('a4', 'ვადების ათვლა'));
    expect(points(act.text)).toBe('1. მე-4 მუხლის სათაური ჩამოყალიბდეს შემდეგი რედაქციით: „მუხლი 4. ვადების ათვლა“.');
  });

  test('several changes in one article are numbered points in the order of the units', () => {
    const act = amend(
      'ka',
      all(replaceText('a5', 'საჯარო ინფორმირება'), replaceText('a5p1', 'შედეგი წერილობით ეცნობება განმცხადებელს.'), insertAfter('a5p1', cl('new', 'შეტყობინება იგზავნება 3 დღეში.')), remove('a5p2')),
    );
    expect(points(act.text)).toBe(
      [
        '1. მე-5 მუხლის სათაური ჩამოყალიბდეს შემდეგი რედაქციით: „მუხლი 5. საჯარო ინფორმირება“;',
        '2. მე-5 მუხლის პირველი პუნქტი ჩამოყალიბდეს შემდეგი რედაქციით: „1. შედეგი წერილობით ეცნობება განმცხადებელს.“;',
        '3. მე-5 მუხლს დაემატოს შემდეგი შინაარსის 1¹ პუნქტი: „1¹. შეტყობინება იგზავნება 3 დღეში.“;',
        '4. მე-5 მუხლის მე-2 პუნქტი ამოღებულ იქნეს.',
      ].join('\n'),
    );
    expect(act.text).toContain('შევიდეს შემდეგი ცვლილებები:');
  });

  test('a changed lone text restates the article; an unchanged revision lists nothing', () => {
    const act = amend('ka', (blocks) => blocks);
    expect(act.changes).toEqual([]);
    const changed = amend('ka', (blocks) => blocks.map((b) => (b.type === 'paragraph' ? { ...b, text: 'ეს დადგენილება ამოქმედდეს 2027 წლის 1 იანვრიდან.' } : b)));
    expect(points(changed.text)).toBe('1. მე-8 მუხლი ჩამოყალიბდეს შემდეგი რედაქციით: „მუხლი 8. ამოქმედება\nეს დადგენილება ამოქმედდეს 2027 წლის 1 იანვრიდან.“.');
  });

  test('repeal: the act is declared invalid', () => {
    const act = amend('ka', (b) => b, true);
    expect(act.model.title).toBe('„პეტიციის წარდგენის წესის დამტკიცების შესახებ“ ბაღდათის მუნიციპალიტეტის საკრებულოს 2024 წლის 14 ივლისის №1 დადგენილების ძალადაკარგულად გამოცხადების შესახებ');
    expect(act.text).toContain('მუხლი 1.\nძალადაკარგულად გამოცხადდეს „პეტიციის წარდგენის წესის დამტკიცების შესახებ“ ბაღდათის მუნიციპალიტეტის საკრებულოს 2024 წლის 14 ივლისის №1 დადგენილება (www.matsne.gov.ge, 010250040.35.123.016633).\nმუხლი 2.');
  });
});

describe('the amending act in English', () => {
  test('a replaced paragraph: title and first article name the act', () => {
    const act = amend('en', replaceText('a3p2', 'The application is considered within 10 working days.'));
    expect(act.model.title).toBe('On amending Ordinance No 1 of the Sakrebulo of Bagdati Municipality of 14 July 2024 “On the Rules for Submitting Petitions”');
    expect(act.text).toContain(
      'Article 1.\nThe following amendment shall be made to Ordinance No 1 of the Sakrebulo of Bagdati Municipality of 14 July 2024 “On the Rules for Submitting Petitions” (www.matsne.gov.ge, 010250040.35.123.016633):\n',
    );
    expect(points(act.text)).toBe('1. Article 3(2) shall read as follows: “2. The application is considered within 10 working days.”.');
    expect(act.text).toContain('Article 2.\nThis ordinance shall enter into force upon its publication.\n');
  });

  test('an added paragraph', () => {
    const act = amend('en', insertAfter('a5p3', cl('new', 'The outcome is sent to the commission.')));
    expect(points(act.text)).toBe('1. The following paragraph 4 shall be added to Article 5: “4. The outcome is sent to the commission.”.');
  });

  test('an added subparagraph', () => {
    const act = amend('en', insertAfter('a6s3', cl('new', 'the e-mail address.', 1)));
    expect(points(act.text)).toBe('1. The following subparagraph (d) shall be added to Article 6(1): “d) the e-mail address.”.');
  });

  test('an added article between 5 and 6', () => {
    const act = amend('en', insertAfter('a5p3', art('new', 'Reporting'), cl('newp', 'The City Hall publishes a report every year.')));
    expect(points(act.text)).toBe('1. The following Article 5¹ shall be added: “Article 5¹. Reporting\n1. The City Hall publishes a report every year.”.');
  });

  test('a deleted article', () => {
    expect(points(amend('en', remove('a7', 'a7p1')).text)).toBe('1. Article 7 shall be deleted.');
  });

  test('a changed title of an article', () => {
    expect(points(amend('en', replaceText('a4', 'Counting of time limits')).text)).toBe('1. The title of Article 4 shall read as follows: “Article 4. Counting of time limits”.');
  });

  test('several changes in one article', () => {
    const act = amend(
      'en',
      all(replaceText('a5', 'Public information'), replaceText('a5p1', 'The applicant is informed of the outcome in writing.'), insertAfter('a5p1', cl('new', 'The notice is sent within 3 days.')), remove('a5p2')),
    );
    expect(points(act.text)).toBe(
      [
        '1. The title of Article 5 shall read as follows: “Article 5. Public information”;',
        '2. Article 5(1) shall read as follows: “1. The applicant is informed of the outcome in writing.”;',
        '3. The following paragraph 1¹ shall be added to Article 5: “1¹. The notice is sent within 3 days.”;',
        '4. Article 5(2) shall be deleted.',
      ].join('\n'),
    );
    expect(act.text).toContain('The following amendments shall be made');
  });

  test('repeal', () => {
    const act = amend('en', (b) => b, true);
    expect(act.model.title).toBe('On declaring invalid Ordinance No 1 of the Sakrebulo of Bagdati Municipality of 14 July 2024 “On the Rules for Submitting Petitions”');
    expect(act.text).toContain('Ordinance No 1 of the Sakrebulo of Bagdati Municipality of 14 July 2024 “On the Rules for Submitting Petitions” (www.matsne.gov.ge, 010250040.35.123.016633) shall be declared invalid.');
  });
});
