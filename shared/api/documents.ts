import { z } from 'zod';
import { LANGUAGES, type Language } from '../lang/language';
import { AdoptingBodySchema, type AdoptingBody } from '../workflow/adoptingBody';

/** A document as the API lists it. */
export interface DocumentSummary {
  readonly id: string;
  readonly title: string;
  readonly language: Language;
  readonly municipality: string;
  readonly templateId: string | null;
  /** Who adopts the act, chosen at creation: it picks the workflow, the header and the signature (issue 13 §5). */
  readonly adoptingBody: AdoptingBody;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When the act was archived (issue 15): set only on an archived act, which the list and dashboard hide. */
  readonly archivedAt?: string;
}

/** The longest title an act may have, checked by the server and by the forms before sending. */
export const MAX_TITLE_LENGTH = 300;
/** The longest municipality name a request may give (the form's input stops there too). */
export const MAX_MUNICIPALITY_LENGTH = 120;
/** The longest value of one template placeholder. */
export const MAX_TEMPLATE_VALUE_LENGTH = 2000;

/**
 * `PATCH /api/documents/:id`: renames the act. The title is part of the act's text (its title block), so the
 * server writes it there, as an edit of the live document, and the row follows (issue 15).
 */
export const RenameDocumentRequest = z
  .object({ title: z.string().trim().min(1, 'expected a non-empty title').max(MAX_TITLE_LENGTH) })
  .strict();
/** A parsed rename request. */
export type RenameDocumentRequest = z.infer<typeof RenameDocumentRequest>;

/** `GET /api/documents?archived=true` lists the archived acts instead of the others. */
export const DocumentListQuery = z
  .object({ archived: z.enum(['true', 'false'], { error: "expected 'true' or 'false'" }).optional() })
  .strict();

const language = z.enum(LANGUAGES, { error: "expected 'ka' or 'en'" });

/** `POST /api/documents` for a blank act. */
export const CreateBlankDocument = z
  .object({
    title: z.string().trim().min(1, 'expected a non-empty title').max(MAX_TITLE_LENGTH),
    language,
    municipality: z.string().trim().max(MAX_MUNICIPALITY_LENGTH).optional(),
    adoptingBody: AdoptingBodySchema.optional(),
  })
  .strict();

/** `POST /api/documents` from a template: the server seeds the act (DESIGN.md, "Create"). */
export const CreateDocumentFromTemplate = z
  .object({
    templateId: z.string().min(1).max(64),
    language,
    municipality: z.string().trim().min(1, 'expected a municipality').max(MAX_MUNICIPALITY_LENGTH),
    title: z.string().trim().min(1).max(MAX_TITLE_LENGTH).optional(),
    values: z.record(z.string().max(80), z.string().max(MAX_TEMPLATE_VALUE_LENGTH)).default({}),
    /** The template's default body when left out. */
    adoptingBody: AdoptingBodySchema.optional(),
  })
  .strict();

/** Either way of creating a document. */
export const CreateDocumentRequest = z.union([CreateDocumentFromTemplate, CreateBlankDocument], {
  error: "expected { title, language } or { templateId, language, municipality, values }",
});
/** A parsed create request. */
export type CreateDocumentRequest = z.infer<typeof CreateDocumentRequest>;

/** `POST /api/templates`: save a document as a workspace template. */
export const SaveTemplateRequest = z
  .object({
    fromDocumentId: z.string().min(1),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, "expected an id of a-z, 0-9 and '-'"),
    title: z.union([z.string().trim().min(1).max(200), z.object({ ka: z.string().min(1), en: z.string().min(1) })]),
  })
  .strict();
