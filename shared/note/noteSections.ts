import { z } from 'zod';

/**
 * One section of the explanatory note as the workspace defines it: a stable key (the note's model and the
 * readiness check name sections by it) and its title in both languages.
 */
export interface NoteSectionDefinition {
  readonly key: string;
  readonly title: { readonly ka: string; readonly en: string };
}

/** The workspace's section list, as `GET/PUT /api/note-sections` carry it. */
export interface NoteSections {
  readonly sections: readonly NoteSectionDefinition[];
}

/** The most sections a note may have: a council's Rules of Procedure list a handful. */
export const MAX_NOTE_SECTIONS = 30;

const Title = z.string().trim().min(1, 'expected a non-empty title').max(200, 'expected at most 200 characters');

/** The schema of a `PUT /api/note-sections` body: 1–30 sections with unique keys and both titles. */
export const NoteSectionsSchema = z
  .object({
    sections: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "expected a key of 1-40 characters of a-z, 0-9, '_', starting with a letter"),
            title: z.object({ ka: Title, en: Title }).strict(),
          })
          .strict(),
      )
      .min(1, 'expected at least one section')
      .max(MAX_NOTE_SECTIONS, `expected at most ${MAX_NOTE_SECTIONS} sections`),
  })
  .strict()
  .superRefine((value, context) => {
    const seen = new Set<string>();
    value.sections.forEach((section, index) => {
      if (seen.has(section.key)) context.addIssue({ code: 'custom', path: ['sections', index, 'key'], message: `duplicate section key '${section.key}': expected each key once` });
      seen.add(section.key);
    });
  });
