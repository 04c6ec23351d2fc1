import type { DocumentModel } from '../model/documentModel';
import { articleName, articleTexts, placedArticles, type PlacedArticle } from './actUnits';
import type { ReadinessCheck, ReadinessProblem } from './readinessTypes';

/**
 * A preamble that names no law, code or article: blocking, because a normative act must state the norm that
 * empowers the council to adopt it ("ნორმატიული აქტების შესახებ" organic law); without it the act is void.
 */
export const checkLegalBasis: ReadinessCheck = (model) => {
  const basis = model.preamble.join(' ');
  if (/კანონ|კოდექს|მუხლ/.test(basis) || /\b(Law|Code|Article)\b/i.test(basis)) return [];
  return [{ code: 'no_legal_basis', severity: 'blocking', message: { ka: 'პრეამბულაში არ არის მითითებული სამართლებრივი საფუძველი (კანონი და მისი მუხლი).', en: 'The preamble states no legal basis (the law and its article).' } }];
};

/**
 * The words an entry-into-force article is written in: "ეს დადგენილება ამოქმედდეს …", "… shall enter into
 * force …". Only the enacting forms count: a transitional clause that mentions "… enters into force" or
 * "ამოქმედებამდე" is not one.
 */
const FORCE_TEXT = /ამოქმედდეს|ძალაში შევიდეს|shall (?:enter|come) into force|shall take effect/i;
const FORCE_HEADING = /ამოქმედება|ძალაში შესვლა|entry into force|commencement/i;

/** The entry-into-force articles of the main body (an annex's articles are not the act's own). */
function forceArticles(model: DocumentModel): PlacedArticle[] {
  return placedArticles(model).filter((p) => p.annex === null && (FORCE_HEADING.test(p.article.heading) || articleTexts(p).some((t) => FORCE_TEXT.test(t))));
}

/**
 * No article on entry into force: a warning, not blocking, because the organic law then puts the act in
 * force by its default rule (on publication); a coordinator may accept that with a reason, but it is
 * usually an oversight.
 */
export const checkEntryIntoForce: ReadinessCheck = (model) =>
  forceArticles(model).length
    ? []
    : [{ code: 'no_entry_into_force', severity: 'warning', message: { ka: 'აქტს არ აქვს მუხლი ძალაში შესვლის შესახებ („ეს დადგენილება ამოქმედდეს …“).', en: 'The act has no article on entry into force ("This ordinance shall enter into force …").' } }];

const KA_MONTHS = ['იანვ', 'თებერვ', 'მარტ', 'აპრილ', 'მაის', 'ივნის', 'ივლის', 'აგვისტ', 'სექტემბ', 'ოქტომბ', 'ნოემბ', 'დეკემბ'];
const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const KA_DATE = new RegExp(`(\\d{4}) წლის (\\d{1,2}) (${KA_MONTHS.join('|')})`, 'g');
const EN_DATE = new RegExp(`(\\d{1,2}) (${EN_MONTHS.join('|')}) (\\d{4})`, 'gi');
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

const iso = (year: string | number, month: number, day: string | number): string => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Every calendar date written in a text ("2026 წლის 1 იანვრიდან", "1 January 2026", "2026-01-01"), as YYYY-MM-DD. */
export function datesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(KA_DATE)) out.push(iso(m[1]!, KA_MONTHS.indexOf(m[3]!) + 1, m[2]!));
  for (const m of text.matchAll(EN_DATE)) out.push(iso(m[3]!, EN_MONTHS.indexOf(m[2]!.toLowerCase()) + 1, m[1]!));
  for (const m of text.matchAll(ISO_DATE)) out.push(m[0]);
  return out;
}

/**
 * A date of entry into force before publication: blocking, because an act cannot bind before it is published
 * (and a date already past would make it retroactive). Until the Herald's date is recorded, the earliest
 * possible publication is today.
 */
export const checkEntryIntoForceDate: ReadinessCheck = (model, facts) => {
  const published = facts.publicationDate ?? facts.today;
  const out: ReadinessProblem[] = [];
  for (const placed of forceArticles(model)) {
    const early = articleTexts(placed).flatMap(datesIn).filter((d) => d < published).sort()[0];
    if (!early) continue;
    const name = articleName(placed);
    const when = facts.publicationDate ? { ka: `გამოქვეყნების თარიღამდე (${published})`, en: `before its publication date (${published})` } : { ka: `დღევანდელ დღემდე (${published}), ანუ გამოქვეყნებამდე`, en: `before today (${published}), so before it can be published` };
    out.push({ code: 'entry_into_force_before_publication', severity: 'blocking', articleKey: placed.article.key, message: { ka: `${name.ka}: ძალაში შესვლის თარიღი ${early} არის ${when.ka}.`, en: `${name.en}: the date of entry into force ${early} is ${when.en}.` } });
  }
  return out;
};

/**
 * A title not in the "… შესახებ" form ("On …" in English): a warning, because it is the Herald's drafting
 * convention rather than a condition of validity, and a lawyer may accept another wording. "… თაობაზე" is the
 * same form, as amending acts use it.
 */
export const checkTitleForm: ReadinessCheck = (model) => {
  const title = model.title.trim().replace(/[\s.„“"”]+$/u, '');
  const fine = model.language === 'ka' ? /(შესახებ|თაობაზე)$/.test(title) : /^On\s+\S/.test(title);
  if (fine) return [];
  return [{ code: 'title_form', severity: 'warning', message: { ka: `სათაური „${title}“ არ არის „… შესახებ“ ფორმით.`, en: `The title "${title}" is not in the form "On …" ("… შესახებ").` } }];
};
