import type { WorkflowDefinition } from '../../../shared/workflow/workflowDefinition';

/** The interface language as the workflow's bilingual labels name it. */
export function labelLanguage(uiLanguage: string): 'ka' | 'en' {
  return uiLanguage === 'en' ? 'en' : 'ka';
}

/** A stage's full label in the interface language, or its id for a stage the definition does not know. */
export function stageLabel(definition: WorkflowDefinition | null, stage: string, uiLanguage: string): string {
  return definition?.stages.find((s) => s.id === stage)?.label[labelLanguage(uiLanguage)] ?? stage;
}

/**
 * The stages an act passes on its way to the first final stage (in the default workflow: drafting … in
 * force), for the timeline picture; rejected and withdrawn are shown only when reached.
 */
export function mainLine(definition: WorkflowDefinition): string[] {
  const ids: string[] = [];
  for (const stage of definition.stages) {
    ids.push(stage.id);
    if (stage.final) break;
  }
  return ids;
}

const MONTHS = {
  ka: ['იან', 'თებ', 'მარ', 'აპრ', 'მაი', 'ივნ', 'ივლ', 'აგვ', 'სექ', 'ოქტ', 'ნოე', 'დეკ'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
} as const;

/** Georgia keeps UTC+4 all year, so its wall clock is UTC shifted by four hours. */
const GEORGIA_OFFSET_MS = 4 * 3_600_000;

/** The Georgian wall-clock parts of a date (YYYY-MM-DD, taken as is) or an instant; null when unreadable. */
function georgianParts(value: string): { year: number; month: number; day: number; time: string | null } | null {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dateOnly) return { year: Number(dateOnly[1]), month: Number(dateOnly[2]), day: Number(dateOnly[3]), time: null };
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  const local = new Date(at + GEORGIA_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), time: local.toISOString().slice(11, 16) };
}

/**
 * A calendar date (YYYY-MM-DD) or an instant as a short date in the interface language and Georgian time:
 * "27 ნოე 2026" / "27 Nov 2026". Written by hand because browsers without Georgian locale data would
 * silently fall back to English.
 */
export function shortDate(value: string, uiLanguage: string): string {
  const parts = georgianParts(value);
  if (!parts) return value;
  return `${parts.day} ${MONTHS[labelLanguage(uiLanguage)][parts.month - 1] ?? parts.month} ${parts.year}`;
}

/** An instant as a short date and 24-hour time in Georgian time: "27 ნოე 2026, 12:28". */
export function dateTime(value: string, uiLanguage: string): string {
  const parts = georgianParts(value);
  return parts?.time ? `${shortDate(value, uiLanguage)}, ${parts.time}` : shortDate(value, uiLanguage);
}
