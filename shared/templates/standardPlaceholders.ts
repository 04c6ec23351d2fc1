import type { TemplatePlaceholder } from './templateFormat';

/**
 * Placeholders every template may use without declaring them. `municipality` and `council` come from the
 * chosen municipality; the others are asked in the new-document form and may stay blank in a draft.
 */
export const STANDARD_PLACEHOLDERS: readonly TemplatePlaceholder[] = [
  { name: 'actNumber', label: { ka: 'აქტის ნომერი', en: 'Act number' }, required: false },
  { name: 'date', label: { ka: 'თარიღი', en: 'Date' }, required: false },
  { name: 'chairName', label: { ka: 'საკრებულოს თავმჯდომარე', en: 'Chairperson of the Sakrebulo' }, required: false },
];

/** Placeholders filled from the municipality, never asked. */
export const DERIVED_PLACEHOLDERS = ['municipality', 'council', 'municipalityGenitive', 'place'] as const;

/** What a blank optional placeholder prints as, so the gap is visible on paper and easy to fill in. */
export const BLANK = '______';

/** `{{name}}` occurrences in template text. */
export const PLACEHOLDER_PATTERN = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;

/**
 * `[[ref:id]]` or `[[ref:id|genitive]]`: a cross-reference to the article or paragraph with that id in the same
 * template, optionally in a grammatical case (nominative, genitive, instrumental, dative, adverbial).
 */
export const REFERENCE_PATTERN = /\[\[ref:([a-z0-9][a-z0-9-]*)(?:\|(nominative|genitive|instrumental|dative|adverbial))?\]\]/g;
