import { z } from 'zod';
import type { DocumentSummary } from './documents';
import type { NumberingBase } from '../model/stableNumbering';

/** `POST /api/documents/:id/revisions`: start a revision of an act in force; `repeal` makes it repeal the act. */
export const StartRevisionRequest = z.object({ repeal: z.boolean().optional() }).strict();

/** A revision draft: a document that amends an act in force (issue 13, §4). */
export interface RevisionSummary extends DocumentSummary {
  /** The id of the act in force it amends. */
  readonly amends: string;
  /** The edition of the act it started from. */
  readonly baseEdition: number;
  /** True when its amending act repeals the act instead of amending it. */
  readonly repeal: boolean;
}

/** `GET /api/documents/:id/revision`: what a revision amends, and the numbers of the text it started from. */
export interface RevisionInfo extends RevisionSummary {
  readonly amendedTitle: string;
  readonly base: NumberingBase;
}

/** One revision of an act as the act's page lists it. */
export interface RevisionListItem {
  readonly id: string;
  readonly title: string;
  readonly stage: string;
  readonly repeal: boolean;
  readonly open: boolean;
}

/** The amending act that brought an edition into force. */
export interface AmendedBy {
  readonly id: string;
  readonly actNumber: string;
  /** Its adoption date, YYYY-MM-DD. */
  readonly date: string;
}

/** One consolidated edition of an act: edition 1 is the act as it entered into force. */
export interface Edition {
  readonly number: number;
  /** YYYY-MM-DD: the publication of the act (edition 1) or of the amending act. */
  readonly inForceFrom: string;
  readonly amendedBy?: AmendedBy;
  /** The edition note naming the amending act, in the act's language (absent for edition 1). */
  readonly note?: string;
}

/** `GET /api/documents/:id/editions`. */
export interface EditionsResponse {
  readonly editions: readonly Edition[];
  /** Set when an amending act repealed the act. */
  readonly repealedBy?: AmendedBy & { readonly inForceFrom: string };
}

/** `?edition=N` on the text, export and compare routes. */
export const EditionQuery = z.object({ edition: z.coerce.number().int().min(1).max(100000).optional() }).strict();

/** `GET /api/documents/:id/editions/diff?from=N&to=M`. */
export const EditionDiffQuery = z.object({ from: z.coerce.number().int().min(1).max(100000), to: z.coerce.number().int().min(1).max(100000) }).strict();

/** `GET /api/documents/:revisionId/amending-act?format=json|docx`. */
export const AmendingActQuery = z.object({ format: z.enum(['json', 'docx']).optional() }).strict();

/** `GET /api/acts-in-force`: every act in force with its current edition and its open revisions. */
export interface ActInForce {
  readonly id: string;
  readonly title: string;
  readonly municipality: string;
  readonly edition: number;
  readonly inForceFrom: string;
  readonly repealedBy: string | null;
  readonly openRevisions: readonly RevisionListItem[];
}
