import type { Bilingual } from '../lang/language';
import type { ActType } from '../model/documentModel';
import { articleName, articleTexts, excerpt, placedArticles } from './actUnits';
import type { ReadinessCheck, ReadinessProblem } from './readinessTypes';

/**
 * What a numbered part of an article is called, by the kind of act: a code's article has parts (ნაწილი),
 * every other act's has paragraphs (პუნქტი), and both have lettered subparagraphs (ქვეპუნქტი) ("ნორმატიული
 * აქტების შესახებ" organic law). Every kind Sajaro drafts today uses პუნქტი; a new kind adds its line here.
 */
export const PARAGRAPH_UNIT: Readonly<Record<ActType, 'პუნქტი' | 'ნაწილი'>> = {
  dadgenileba: 'პუნქტი',
  gankarguleba: 'პუნქტი',
  // A Mayor's order (issue 13 §5) numbers its paragraphs as an ordinance does.
  brdzaneba: 'პუნქტი',
};

const ORDINAL = '(?:პირველ|მე-\\d+|\\d+-ე)[ა-ჰ]*';
const LETTER = '[„"“][ა-ჰ](?:\\.[ა-ჰ])*[“"”]';
/** A numbered unit called a subparagraph: subparagraphs are lettered. */
const NUMBER_AS_SUB = new RegExp(`${ORDINAL} ქვეპუნქტ[ა-ჰ]*`, 'g');
/** A lettered unit called a paragraph or a part: lettered units are subparagraphs. */
const LETTER_AS_PARAGRAPH = new RegExp(`${LETTER} (?:პუნქტ|ნაწილ)[ა-ჰ]*`, 'g');
/** "… მუხლის მე-2 პუნქტი/ნაწილი": the paragraph unit of an article, with the words before it. */
const PARAGRAPH_OF_ARTICLE = new RegExp(`(${ORDINAL} მუხლ[ა-ჰ]* )(${ORDINAL} )(პუნქტ|ნაწილ)[ა-ჰ]*`, 'g');
/** The genitive of another act right before a citation ("… კოდექსის 53-ე მუხლის"), unless it is "ამ …" (this act). */
const OTHER_ACT = /(?:კანონის|კოდექსის|დადგენილების|ბრძანების|განკარგულების|კონსტიტუციის|რეგლამენტის|დებულების|წესის)[“"”]? $/;
const THIS_ACT = /ამ [ა-ჰ]+ის $/;

const EN_NUMBER_AS_SUB = /\bsub-?paragraphs? \(?\d+\)?/gi;
const EN_LETTER_AS_PARAGRAPH = /\b(?:paragraph|part)s? \([a-z](?:\.[a-z])*\)/gi;
const EN_PART_OF_ARTICLE = /\bparts? \d+ of (?:this )?Article \d+/gi;

/** The wrongly named citations in one text of an act of this kind, each with what it should say. */
export function wrongUnitNames(text: string, actType: ActType): { quote: string; expected: Bilingual }[] {
  const out: { quote: string; expected: Bilingual }[] = [];
  const paragraphUnit = PARAGRAPH_UNIT[actType] ?? 'პუნქტი';
  for (const m of text.matchAll(NUMBER_AS_SUB)) out.push({ quote: m[0], expected: { ka: 'დანომრილი ერთეული პუნქტია, ქვეპუნქტი ასოთი აღინიშნება', en: 'a numbered unit is a paragraph; subparagraphs are lettered' } });
  for (const m of text.matchAll(LETTER_AS_PARAGRAPH)) out.push({ quote: m[0], expected: { ka: 'ასოთი აღნიშნული ერთეული ქვეპუნქტია', en: 'a lettered unit is a subparagraph' } });
  for (const m of text.matchAll(PARAGRAPH_OF_ARTICLE)) {
    if (m[3] === paragraphUnit.slice(0, -1)) continue;
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    // Another act is cited with its own units (a code has ნაწილი); only this act's own units are known.
    if (!THIS_ACT.test(before) && OTHER_ACT.test(before)) continue;
    out.push({ quote: m[0], expected: { ka: `ამ აქტის მუხლის ნაწილს ეწოდება „${paragraphUnit}“`, en: `a numbered part of an article of this act is a ${paragraphUnit === 'პუნქტი' ? 'paragraph (პუნქტი)' : 'part (ნაწილი)'}` } });
  }
  for (const m of text.matchAll(EN_NUMBER_AS_SUB)) out.push({ quote: m[0], expected: { ka: 'დანომრილი ერთეული პუნქტია (paragraph)', en: 'a numbered unit is a paragraph; subparagraphs are lettered' } });
  for (const m of text.matchAll(EN_LETTER_AS_PARAGRAPH)) out.push({ quote: m[0], expected: { ka: 'ასოთი აღნიშნული ერთეული ქვეპუნქტია (subparagraph)', en: 'a lettered unit is a subparagraph' } });
  if (paragraphUnit === 'პუნქტი') for (const m of text.matchAll(EN_PART_OF_ARTICLE)) out.push({ quote: m[0], expected: { ka: 'ამ აქტის მუხლის ნაწილს ეწოდება „პუნქტი“ (paragraph)', en: 'a numbered part of an article of this act is a paragraph' } });
  return out;
}

/**
 * A unit named wrongly in a reference written as text (პუნქტი vs ქვეპუნქტი vs ნაწილი for the act's kind): a
 * warning, because it is found by the wording, and a reference to another act may follow that act's units.
 * Live cross-references are always named right by numbering; this catches the ones typed by hand.
 */
export const checkUnitNames: ReadinessCheck = (model) => {
  const out: ReadinessProblem[] = [];
  for (const placed of placedArticles(model)) {
    const found = articleTexts(placed).flatMap((t) => wrongUnitNames(t, model.header.actType));
    const name = articleName(placed);
    for (const { quote, expected } of found) {
      const q = excerpt(quote, 60);
      out.push({ code: 'wrong_unit_name', severity: 'warning', articleKey: placed.article.key, message: { ka: `${name.ka}: მითითებაში „${q}“ ერთეული არასწორადაა დასახელებული: ${expected.ka}.`, en: `${name.en}: the reference "${q}" names the unit wrongly: ${expected.en}.` } });
    }
  }
  return out;
};
