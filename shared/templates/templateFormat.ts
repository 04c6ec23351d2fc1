import { z } from 'zod';
import { ACT_TYPES } from '../model/documentModel';
import { AdoptingBodySchema } from '../workflow/adoptingBody';

/**
 * The template file format (templates/README.md documents it for people who write templates). A template
 * is YAML: metadata, the placeholders it uses, and the act in each language as a tree of chapters,
 * articles, paragraphs and points, tables and annexes.
 */

const text = z.string().min(1, 'expected non-empty text');
const bilingual = z.object({ ka: text, en: text }, { error: 'expected { ka: …, en: … }' }).strict();
const ID = /^[a-z0-9][a-z0-9-]{1,63}$/;
const id = z.string().regex(ID, "expected an id of a-z, 0-9 and '-'");

/** A point (subparagraph) or a paragraph: plain text, or text with an id for references and nested points. */
export interface ClauseSpec {
  readonly text: string;
  readonly id?: string;
  readonly points?: readonly (string | ClauseSpec)[];
}
const clause: z.ZodType<string | ClauseSpec> = z.lazy(() =>
  z.union([text, z.object({ text, id: id.optional(), points: z.array(clause).optional() }).strict()], {
    error: 'expected text, or { text, id?, points? }',
  }),
);

const table = z.array(z.array(z.string()).min(1, 'expected at least one cell')).min(1, 'expected at least one row');

const bodyItem = z.union(
  [
    z.object({ chapter: text }).strict(),
    z
      .object({
        article: z.string(),
        id: id.optional(),
        text: text.optional(),
        paragraphs: z.array(clause).optional(),
        points: z.array(clause).optional(),
        after: text.optional(),
      })
      .strict(),
    z.object({ paragraph: text }).strict(),
    z.object({ points: z.array(clause) }).strict(),
    z.object({ table }).strict(),
  ],
  { error: 'expected one of { chapter }, { article, id?, text?, paragraphs?, points?, after? }, { paragraph }, { points }, { table }' },
);

const actText = z
  .object({
    actTypeLabel: text,
    title: text,
    preamble: z.array(text).min(1, 'expected at least one line of legal basis'),
    formula: text,
    body: z.array(bodyItem).min(1, 'expected at least one article'),
    annexes: z.array(z.object({ heading: text, body: z.array(bodyItem).min(1) }).strict()).optional(),
    signature: z.array(text).min(1, 'expected the signature block'),
  })
  .strict();

const placeholder = z
  .object({ name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'expected a name of letters and digits'), label: bilingual, required: z.boolean().default(false), default: z.string().optional() })
  .strict();

/** Template kinds, used to group the library. */
export const TEMPLATE_KINDS = ['code_of_ethics', 'anti_corruption_regulation', 'action_plan', 'e_petition', 'citizen_reception', 'hotline', 'participatory_budget', 'amendment', 'other'] as const;

/** The schema of a template file. */
export const TemplateFile = z
  .object({
    format: z.literal(1, { error: 'expected format: 1' }),
    id,
    kind: z.enum(TEMPLATE_KINDS),
    actType: z.enum(ACT_TYPES),
    // Who adopts acts made from it unless the new-act form says otherwise (issue 13 §5); the council by default.
    adoptingBody: AdoptingBodySchema.optional(),
    title: bilingual,
    description: bilingual.optional(),
    placeholders: z.array(placeholder).default([]),
    ka: actText,
    en: actText,
  })
  .strict();

/** A parsed, valid template. */
export type Template = z.infer<typeof TemplateFile>;
/** One language's text of a template. */
export type TemplateText = Template['ka'];
/** One item of a template's body. */
export type TemplateBodyItem = TemplateText['body'][number];
/** A placeholder a template asks for. */
export type TemplatePlaceholder = Template['placeholders'][number];
