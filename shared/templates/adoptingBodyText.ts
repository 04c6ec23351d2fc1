import type { Language } from '../lang/language';
import { councilName, type Municipality } from '../lang/municipalities';
import type { ActType } from '../model/documentModel';
import type { AdoptingBody } from '../workflow/adoptingBody';

/**
 * The words of an act that depend on who adopts it (issue 13 §5; GLOSSARY.md, "Bodies and acts"): kept as
 * data, so a lawyer can correct a formula in one place.
 */
export interface AdoptingBodyText {
  readonly actType: ActType;
  readonly actTypeLabel: string;
  readonly issuingBody: (m: Municipality) => string;
  /** The enacting formula that ends the preamble. */
  readonly formula: (m: Municipality) => string;
  /** Who signs, as the signature line names them before the name. */
  readonly signatory: string;
  /** How the act names itself in its own text ("ეს დადგენილება"), and what a Mayor's order says instead. */
  readonly selfReference: string;
}

const TEXT: Readonly<Record<AdoptingBody, Readonly<Record<Language, AdoptingBodyText>>>> = {
  council: {
    ka: {
      actType: 'dadgenileba',
      actTypeLabel: 'დადგენილება',
      issuingBody: (m) => councilName(m, 'ka'),
      formula: (m) => `${councilName(m, 'ka')} ადგენს:`,
      signatory: 'საკრებულოს თავმჯდომარე',
      selfReference: 'ეს დადგენილება',
    },
    en: {
      actType: 'dadgenileba',
      actTypeLabel: 'Ordinance',
      issuingBody: (m) => councilName(m, 'en'),
      formula: (m) => `The ${councilName(m, 'en')} resolves:`,
      signatory: 'Chairperson of the Sakrebulo',
      selfReference: 'This ordinance',
    },
  },
  mayor: {
    // The header reads "{genitive} მუნიციპალიტეტის მერის ბრძანება": the body's line, then the act's type.
    ka: {
      actType: 'brdzaneba',
      actTypeLabel: 'ბრძანება',
      issuingBody: (m) => `${m.genitive} მუნიციპალიტეტის მერის`,
      formula: () => 'ვბრძანებ:',
      signatory: 'მერი',
      selfReference: 'ეს ბრძანება',
    },
    en: {
      actType: 'brdzaneba',
      actTypeLabel: 'Order',
      issuingBody: (m) => `Mayor of ${m.name.en} Municipality`,
      formula: () => 'I hereby order:',
      signatory: 'Mayor',
      selfReference: 'This order',
    },
  },
};

/** The wording of an act adopted by `body`, in `language`. */
export function adoptingBodyText(body: AdoptingBody, language: Language): AdoptingBodyText {
  return TEXT[body][language];
}

/** The line of the signature block that records the signing date (issue 13 §2). */
export function signingLine(date: string, language: Language): string {
  return language === 'ka' ? `ხელმოწერის თარიღი: ${date}` : `Date of signature: ${date}`;
}

/** The line of the signature block that records the act's publication in the Legislative Herald. */
export function publicationLine(date: string, registrationCode: string, language: Language): string {
  return language === 'ka'
    ? `გამოქვეყნებულია საკანონმდებლო მაცნეში: ${date}, სარეგისტრაციო კოდი ${registrationCode}`
    : `Published in the Legislative Herald of Georgia: ${date}, registration code ${registrationCode}`;
}

/** The start of each recorded line, so a second recording replaces the line rather than adding another. */
export const RECORDED_LINE_PREFIXES = {
  signing: { ka: 'ხელმოწერის თარიღი:', en: 'Date of signature:' },
  publication: { ka: 'გამოქვეყნებულია საკანონმდებლო მაცნეში:', en: 'Published in the Legislative Herald of Georgia:' },
} as const;
