import type { NoteModel } from './noteModel';

/** A problem of the explanatory note, in the shape of the readiness check's problems (issue 13, §1 and §3). */
export interface NoteProblem {
  readonly code: 'note_section_empty' | 'note_has_no_sections';
  readonly severity: 'warning';
  readonly message: { readonly ka: string; readonly en: string };
}

/**
 * Lists what the explanatory note still lacks: every section with no text is a warning (issue 13, §3), and
 * so is a note with no sections at all. Pure, so the readiness check in `shared/` calls it as it is.
 */
export function noteProblems(note: NoteModel): NoteProblem[] {
  if (note.sections.length === 0) {
    return [
      {
        code: 'note_has_no_sections',
        severity: 'warning',
        message: { ka: 'განმარტებით ბარათს არცერთი განყოფილება არ აქვს', en: 'The explanatory note has no sections' },
      },
    ];
  }
  return note.sections
    .filter((section) => section.text === '' && section.key !== '')
    .map((section) => ({
      code: 'note_section_empty',
      severity: 'warning',
      message: {
        ka: `განმარტებითი ბარათის განყოფილება „${section.title}“ შეუვსებელია`,
        en: `The explanatory note's section "${section.title}" is empty`,
      },
    }));
}
