import { randomId } from '../ids';
import type { Language } from '../lang/language';
import { councilName, resolveMunicipality } from '../lang/municipalities';
import type { BlockSpec } from './actOutline';
import { BLANK } from './standardPlaceholders';
import { outlineForBody } from './adoptingBodyOutline';
import { DEFAULT_ADOPTING_BODY, type AdoptingBody } from '../workflow/adoptingBody';

/**
 * The outline of a new act without a template: the header, the title, a line for the legal basis, the
 * enacting formula, one article with one paragraph, the entry-into-force article and the signature, so
 * even a blank act starts in the form of an act.
 */
export function blankActOutline(title: string, language: Language, municipality?: string, adoptingBody: AdoptingBody = DEFAULT_ADOPTING_BODY): BlockSpec[] {
  const m = municipality?.trim() ? resolveMunicipality(municipality) : null;
  const council = m ? councilName(m, language) : language === 'ka' ? `${BLANK} მუნიციპალიტეტის საკრებულო` : `Sakrebulo of ${BLANK} Municipality`;
  const ka = language === 'ka';
  const line = (text: string) => [{ text }];
  const councilAct: BlockSpec[] = [
    { type: 'part', part: 'issuingBody', inline: line(council) },
    { type: 'part', part: 'actType', actType: 'dadgenileba', inline: line(ka ? 'დადგენილება' : 'Ordinance') },
    { type: 'part', part: 'number', inline: line(`№ ${BLANK}`) },
    { type: 'part', part: 'date', inline: line(BLANK) },
    { type: 'part', part: 'place', inline: line(m ? (ka ? `ქ. ${m.name.ka}` : m.name.en) : BLANK) },
    { type: 'part', part: 'title', inline: line(title) },
    { type: 'part', part: 'preamble', inline: line(ka ? '„ნორმატიული აქტების შესახებ“ საქართველოს ორგანული კანონის 25-ე მუხლის შესაბამისად,' : 'In accordance with Article 25 of the Organic Law of Georgia on Normative Acts,') },
    { type: 'part', part: 'formula', inline: line(ka ? `${council} ადგენს:` : `The ${council} resolves:`) },
    { type: 'article', uid: randomId(12), inline: line(ka ? 'ზოგადი დებულებები' : 'General provisions') },
    { type: 'clause', uid: randomId(12), depth: 0, inline: line('') },
    { type: 'article', uid: randomId(12), inline: line(ka ? 'ძალაში შესვლა' : 'Entry into force') },
    { type: 'text', inline: line(ka ? 'ეს დადგენილება ამოქმედდეს გამოქვეყნებისთანავე.' : 'This ordinance shall enter into force upon its publication.') },
    { type: 'part', part: 'signature', inline: line(ka ? `საკრებულოს თავმჯდომარე ${BLANK}` : `Chairperson of the Sakrebulo ${BLANK}`) },
  ];
  // Written as the council's act, then spoken as the Mayor's where the Mayor adopts it (issue 13 §5).
  const named = m ?? { id: '', name: { ka: BLANK, en: BLANK }, genitive: BLANK, region: { ka: '', en: '' } };
  return outlineForBody(councilAct, DEFAULT_ADOPTING_BODY, adoptingBody, language, named);
}
