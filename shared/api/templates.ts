import type { Bilingual } from '../lang/language';
import type { AdoptingBody } from '../workflow/adoptingBody';

/** A template as the template picker shows it. */
export interface TemplateSummary {
  readonly id: string;
  readonly title: Bilingual;
  readonly kind: string;
  readonly actType: string;
  /** Who adopts acts made from it unless the new-act form says otherwise (issue 13 §5). */
  readonly adoptingBody: AdoptingBody;
  readonly description: Bilingual | null;
  readonly placeholders: readonly { readonly name: string; readonly label: Bilingual; readonly required: boolean; readonly default: string | null }[];
}

/** `GET /api/templates`: the templates that load, and a named error for each file that does not. */
export interface TemplateListing {
  readonly templates: readonly TemplateSummary[];
  readonly errors: readonly { readonly file: string; readonly message: string }[];
}
