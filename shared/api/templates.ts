import type { Bilingual } from '../lang/language';

/** A template as the template picker shows it. */
export interface TemplateSummary {
  readonly id: string;
  readonly title: Bilingual;
  readonly kind: string;
  readonly actType: string;
  readonly description: Bilingual | null;
  readonly placeholders: readonly { readonly name: string; readonly label: Bilingual; readonly required: boolean; readonly default: string | null }[];
}

/** `GET /api/templates`: the templates that load, and a named error for each file that does not. */
export interface TemplateListing {
  readonly templates: readonly TemplateSummary[];
  readonly errors: readonly { readonly file: string; readonly message: string }[];
}
