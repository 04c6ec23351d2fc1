import type { Language } from '../lang/language';

/**
 * The 33 letters of the modern Georgian alphabet in enumeration order; subparagraphs are lettered with them
 * (GLOSSARY.md, "Structure and numbering").
 */
export const GEORGIAN_LETTERS = [
  'ა', 'ბ', 'გ', 'დ', 'ე', 'ვ', 'ზ', 'თ', 'ი', 'კ', 'ლ', 'მ', 'ნ', 'ო', 'პ', 'ჟ', 'რ',
  'ს', 'ტ', 'უ', 'ფ', 'ქ', 'ღ', 'ყ', 'შ', 'ჩ', 'ც', 'ძ', 'წ', 'ჭ', 'ხ', 'ჯ', 'ჰ',
] as const;

const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');

/**
 * The letter of the n-th subparagraph (1-based). Past the end of the alphabet letters double, as in
 * spreadsheets and Word lists: the 34th Georgian point is „აა".
 */
export function subparagraphLetter(n: number, language: Language): string {
  const letters: readonly string[] = language === 'ka' ? GEORGIAN_LETTERS : LATIN_LETTERS;
  let i = Math.max(1, Math.floor(n));
  let out = '';
  while (i > 0) {
    const rem = (i - 1) % letters.length;
    out = letters[rem] + out;
    i = Math.floor((i - 1) / letters.length);
  }
  return out;
}

/** Roman numerals for chapters: თავი I, თავი II. */
export function romanNumeral(n: number): string {
  const table: ReadonlyArray<readonly [number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let rest = Math.max(1, Math.floor(n));
  let out = '';
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/**
 * A Georgian ordinal written with numerals, as citations use it: 1 is პირველი; numbers whose ordinal word
 * begins with "მე-" (2–20, 40, 60, 80, 100) are "მე-N"; all others are "N-ე" (21-ე, 24-ე, 101-ე).
 */
export function georgianOrdinal(n: number): string {
  if (n === 1) return 'პირველი';
  if ((n >= 2 && n <= 20) || n === 40 || n === 60 || n === 80 || n === 100) return `მე-${n}`;
  return `${n}-ე`;
}

/** The path of a subparagraph below its paragraph, e.g. [2, 1] → „ბ.ა" in Georgian, "b.a" in English. */
export function subparagraphPath(path: readonly number[], language: Language): string {
  return path.map((n) => subparagraphLetter(n, language)).join('.');
}

/** What a cross-reference can point at: an article, optionally one of its paragraphs and subparagraphs. */
export interface CitationTarget {
  readonly article: number;
  readonly paragraph?: number;
  readonly subparagraph?: readonly number[];
  /**
   * The stable numbers of a revision (issue 13, §4), when any unit has a superscript: article 5¹ is [5, 1].
   * Citations read these instead of the plain numbers above, which then hold only the base of each.
   */
  readonly stable?: StableCitation;
}

/** A citation in stable numbers: each unit's number as its base followed by its superscripts. */
export interface StableCitation {
  readonly article: StableNumber;
  readonly paragraph?: StableNumber;
  readonly subparagraph?: readonly StableNumber[];
}

/**
 * The number of a unit in a revision of an act in force: [5] is 5, [5, 1] is 5¹ (a unit inserted after 5),
 * [5, 2] is 5². Inserted units never renumber the act in force (GLOSSARY.md, "Amending acts").
 */
export type StableNumber = readonly number[];

const SUPERSCRIPT_DIGITS = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'] as const;

/** A number in superscript digits: 1 → ¹, 12 → ¹², 0 → ⁰ (U+00B9, U+00B2, U+00B3, U+2070, U+2074–U+2079). */
export function superscript(n: number): string {
  return String(Math.max(0, Math.floor(n)))
    .split('')
    .map((d) => SUPERSCRIPT_DIGITS[Number(d)])
    .join('');
}

/**
 * The superscript tail of a stable number: [5] → '', [5, 1] → '¹'. A deeper number, made only when a unit is
 * inserted between 5 and an existing 5¹, joins its levels with a superscript minus: [5, 0, 1] → '⁰⁻¹'.
 */
function superscriptTail(n: StableNumber): string {
  return n.slice(1).map(superscript).join('⁻');
}

/** A stable number as written in a label or a citation: [5] → "5", [5, 1] → "5¹". */
export function stableNumberLabel(n: StableNumber): string {
  return `${n[0] ?? 0}${superscriptTail(n)}`;
}

/** A subparagraph's letter in stable numbers: [2] → "ბ", [2, 1] → "ბ¹". */
export function stableLetter(n: StableNumber, language: Language): string {
  return `${subparagraphLetter(n[0] ?? 1, language)}${superscriptTail(n)}`;
}

/**
 * A Georgian ordinal of a stable number: a plain number is cited as an ordinal ("მე-5 მუხლი"), a superscripted
 * one by its figure ("5¹ მუხლი"), as Georgian amending practice writes it.
 */
export function stableOrdinal(n: StableNumber): string {
  return n.length <= 1 ? georgianOrdinal(n[0] ?? 0) : stableNumberLabel(n);
}

/** Orders two stable numbers: 5 < 5¹ < 5² < 6. */
export function compareStable(a: StableNumber, b: StableNumber): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The Georgian grammatical case the last unit of a citation takes in its sentence: "მე-3 მუხლი" (nominative),
 * "მე-3 მუხლის" (genitive: "… მიზნებისთვის"), "მე-3 მუხლით" (instrumental: "… გათვალისწინებული"),
 * "მე-3 მუხლს" (dative), "მე-3 მუხლად" (adverbial). English citations do not change.
 */
export const CITATION_CASES = ['nominative', 'genitive', 'instrumental', 'dative', 'adverbial'] as const;
/** A grammatical case of a citation. */
export type CitationCase = (typeof CITATION_CASES)[number];

const CASE_ENDINGS: Readonly<Record<CitationCase, string>> = { nominative: 'ი', genitive: 'ის', instrumental: 'ით', dative: 'ს', adverbial: 'ად' };

/**
 * Joins citation units, the higher ones in the genitive and the last in `grammaticalCase`. In the dative and
 * the adverbial the adjective "პირველი" loses its "-ი" ("პირველ პუნქტს", "პირველ მუხლად"), as nouns do.
 */
function joinUnits(units: readonly string[], grammaticalCase: CitationCase): string {
  return units
    .map((unit, i) => {
      if (i < units.length - 1) return `${unit}ის`;
      const shortened = grammaticalCase === 'dative' || grammaticalCase === 'adverbial' ? unit.replace(/^პირველი /u, 'პირველ ') : unit;
      return `${shortened}${CASE_ENDINGS[grammaticalCase]}`;
    })
    .join(' ');
}

/**
 * A citation in the document's language: "მე-3 მუხლის მე-2 პუნქტის „ა“ ქვეპუნქტი" / "Article 3(2)(a)". In
 * Georgian the higher units are in the genitive and the last one in the nominative.
 */
export function formatCitation(target: CitationTarget, language: Language, grammaticalCase: CitationCase = 'nominative'): string {
  if (target.stable) return formatStableCitation(target.stable, language, grammaticalCase);
  if (language === 'en') {
    let out = `Article ${target.article}`;
    if (target.paragraph !== undefined) out += `(${target.paragraph})`;
    if (target.subparagraph?.length) out += `(${subparagraphPath(target.subparagraph, 'en')})`;
    return out;
  }
  const units: string[] = [`${georgianOrdinal(target.article)} მუხლ`];
  if (target.paragraph !== undefined) units.push(`${georgianOrdinal(target.paragraph)} პუნქტ`);
  if (target.subparagraph?.length) units.push(`„${subparagraphPath(target.subparagraph, 'ka')}“ ქვეპუნქტ`);
  return joinUnits(units, grammaticalCase);
}

/** A citation in stable numbers: "5¹ მუხლის მე-2 პუნქტი" / "Article 5¹(2)"; cases as in formatCitation. */
export function formatStableCitation(target: StableCitation, language: Language, grammaticalCase: CitationCase = 'nominative'): string {
  const sub = target.subparagraph?.length ? target.subparagraph.map((n) => stableLetter(n, language)).join('.') : '';
  if (language === 'en') {
    let out = `Article ${stableNumberLabel(target.article)}`;
    if (target.paragraph !== undefined) out += `(${stableNumberLabel(target.paragraph)})`;
    if (sub) out += `(${sub})`;
    return out;
  }
  const units: string[] = [`${stableOrdinal(target.article)} მუხლ`];
  if (target.paragraph !== undefined) units.push(`${stableOrdinal(target.paragraph)} პუნქტ`);
  if (sub) units.push(`„${sub}“ ქვეპუნქტ`);
  return joinUnits(units, grammaticalCase);
}

/** The label of an article heading line: "მუხლი 3" / "Article 3". */
export function articleLabel(n: number | string, language: Language): string {
  return language === 'ka' ? `მუხლი ${n}` : `Article ${n}`;
}

/** The label of a chapter: "თავი II" / "Chapter II". */
export function chapterLabel(n: number, language: Language): string {
  return language === 'ka' ? `თავი ${romanNumeral(n)}` : `Chapter ${romanNumeral(n)}`;
}

/** The label of an annex: "დანართი №1" / "Annex 1". */
export function annexLabel(n: number, language: Language): string {
  return language === 'ka' ? `დანართი №${n}` : `Annex ${n}`;
}

/** The label in front of a numbered paragraph ("2.") or a subparagraph ("ბ)", "ბ.ა)"). */
export function clauseLabel(path: readonly number[], language: Language): string {
  if (path.length <= 1) return `${path[0] ?? 1}.`;
  return `${subparagraphPath(path.slice(1), language)})`;
}
