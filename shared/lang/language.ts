/** The languages an act can be written in: Georgian is authoritative, English the working translation. */
export const LANGUAGES = ['ka', 'en'] as const;

/** A document language code. */
export type Language = (typeof LANGUAGES)[number];

/** A string given in both languages, as templates and stage labels carry it. */
export interface Bilingual {
  readonly ka: string;
  readonly en: string;
}
