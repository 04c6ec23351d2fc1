import type { Language } from '../lang/language';

/**
 * The legal formulae of an amending act, one set per language (GLOSSARY.md, "Amending acts, editions and
 * the explanatory note"). They are data, kept in one place, so that a Georgian lawyer can confirm and adjust
 * the wording for a municipality without reading the generator.
 */
export interface AmendmentFormulae {
  /** The amending act's title: `act` names the amended act ("„…“ … საკრებულოს 2024 წლის 14 ივლისის №1 დადგენილება"). */
  readonly title: (act: NamedAct) => string;
  /** The title of an act that repeals another. */
  readonly repealTitle: (act: NamedAct) => string;
  /** The first sentence of the amending article, before its numbered points. */
  readonly intro: (act: NamedAct, several: boolean) => string;
  /** The one sentence of a repealing act's first article. */
  readonly repeal: (act: NamedAct) => string;
  /** "მე-3 მუხლის მე-2 პუნქტი ჩამოყალიბდეს შემდეგი რედაქციით: „2. …“" */
  readonly replaced: (unit: string, quoted: string) => string;
  /** The title of an article: `article` is its citation in the genitive ("მე-4 მუხლის") / plain ("Article 4"). */
  readonly heading: (article: string, quoted: string) => string;
  /** "მე-5 მუხლს დაემატოს შემდეგი შინაარსის მე-4 პუნქტი: „4. …“"; `parent` is in the dative. */
  readonly added: (parent: string, unit: string, quoted: string) => string;
  /** "დაემატოს შემდეგი შინაარსის 5¹ მუხლი: „მუხლი 5¹. …“" */
  readonly addedArticle: (unit: string, quoted: string) => string;
  /** "მე-7 მუხლი ამოღებულ იქნეს" */
  readonly deleted: (unit: string) => string;
  /** The entry-into-force article; `actType` is the act's own type label ("დადგენილება"). */
  readonly entryIntoForce: (actType: string) => string;
  /** The legal basis of the amending act (the preamble). */
  readonly preamble: readonly string[];
  /** The text a removed unit keeps in the consolidated edition; `by` names the amending act when known. */
  readonly removed: (by: { readonly actNumber: string; readonly date: string } | null) => string;
  /** The edition note at the head of a consolidated edition. */
  readonly editionNote: (edition: number, by: { readonly actNumber: string; readonly date: string }) => string;
}

/** The amended act as the formulae name it, its parts already in the act's language. */
export interface NamedAct {
  readonly title: string;
  /** "ბაღდათის მუნიციპალიტეტის საკრებულო" / "Sakrebulo of Bagdati Municipality". */
  readonly issuingBody: string;
  /** "დადგენილება" / "Ordinance". */
  readonly actTypeLabel: string;
  readonly actNumber: string;
  /** The adoption date written out ("2024 წლის 14 ივლისის" in the genitive / "14 July 2024"). */
  readonly date: string;
  /** The Legislative Herald's registration code, when the act has one. */
  readonly registrationCode: string | null;
}

/** A Georgian noun in the genitive (GLOSSARY.md): "-ი"/"-ა" drop and take "-ის"; others add "-ს" (საკრებულო → საკრებულოს). */
export function georgianGenitive(noun: string): string {
  if (/[ია]$/u.test(noun)) return `${noun.slice(0, -1)}ის`;
  return `${noun}ს`;
}

const kaAct = (act: NamedAct) => `„${act.title}“ ${georgianGenitive(act.issuingBody)} ${act.date} №${act.actNumber} ${act.actTypeLabel}`;
const kaHerald = (act: NamedAct) => (act.registrationCode ? ` (www.matsne.gov.ge, ${act.registrationCode})` : '');
const enBody = (body: string) => (/^the\s/iu.test(body) ? body.replace(/^The\s/u, 'the ') : `the ${body}`);
const enAct = (act: NamedAct) => `${act.actTypeLabel} No ${act.actNumber} of ${enBody(act.issuingBody)} of ${act.date} “${act.title}”`;
const enHerald = kaHerald;
const byNote = (by: { readonly actNumber: string; readonly date: string }, language: Language) =>
  language === 'ka' ? `№${by.actNumber}, ${by.date}` : `No ${by.actNumber}, ${by.date}`;

/** The formulae per language. */
export const AMENDMENT_FORMULAE: Readonly<Record<Language, AmendmentFormulae>> = {
  ka: {
    title: (act) => `${kaAct(act)}ში ცვლილების შეტანის შესახებ`,
    repealTitle: (act) => `${georgianGenitive(kaAct(act))} ძალადაკარგულად გამოცხადების შესახებ`,
    intro: (act, several) => `${kaAct(act)}ში${kaHerald(act)} შევიდეს შემდეგი ${several ? 'ცვლილებები' : 'ცვლილება'}:`,
    repeal: (act) => `ძალადაკარგულად გამოცხადდეს ${kaAct(act)}${kaHerald(act)}.`,
    replaced: (unit, quoted) => `${unit} ჩამოყალიბდეს შემდეგი რედაქციით: „${quoted}“`,
    heading: (article, quoted) => `${article} სათაური ჩამოყალიბდეს შემდეგი რედაქციით: „${quoted}“`,
    added: (parent, unit, quoted) => `${parent} დაემატოს შემდეგი შინაარსის ${unit}: „${quoted}“`,
    addedArticle: (unit, quoted) => `დაემატოს შემდეგი შინაარსის ${unit}: „${quoted}“`,
    deleted: (unit) => `${unit} ამოღებულ იქნეს`,
    entryIntoForce: (actType) => `ეს ${actType} ამოქმედდეს გამოქვეყნებისთანავე.`,
    preamble: ['„ნორმატიული აქტების შესახებ“ საქართველოს ორგანული კანონის 25-ე მუხლის შესაბამისად'],
    removed: (by) => (by ? `ამოღებულია (${byNote(by, 'ka')})` : 'ამოღებულია'),
    editionNote: (edition, by) => `კონსოლიდირებული რედაქცია ${edition}: ცვლილება შეტანილია ${byNote(by, 'ka')} აქტით`,
  },
  en: {
    title: (act) => `On amending ${enAct(act)}`,
    repealTitle: (act) => `On declaring invalid ${enAct(act)}`,
    intro: (act, several) => `The following ${several ? 'amendments' : 'amendment'} shall be made to ${enAct(act)}${enHerald(act)}:`,
    repeal: (act) => `${enAct(act)}${enHerald(act)} shall be declared invalid.`,
    replaced: (unit, quoted) => `${unit} shall read as follows: “${quoted}”`,
    heading: (article, quoted) => `The title of ${article} shall read as follows: “${quoted}”`,
    added: (parent, unit, quoted) => `The following ${unit} shall be added to ${parent}: “${quoted}”`,
    addedArticle: (unit, quoted) => `The following ${unit} shall be added: “${quoted}”`,
    deleted: (unit) => `${unit} shall be deleted`,
    entryIntoForce: (actType) => `This ${actType.toLowerCase()} shall enter into force upon its publication.`,
    preamble: ['In accordance with Article 25 of the Organic Law of Georgia on Normative Acts,'],
    removed: (by) => (by ? `deleted (${byNote(by, 'en')})` : 'deleted'),
    editionNote: (edition, by) => `Consolidated edition ${edition}: amended by act ${byNote(by, 'en')}`,
  },
};
