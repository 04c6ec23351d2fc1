import { z } from 'zod';

/**
 * "Who changed what" (issue 12). The server records which member first wrote under each Yjs client id and
 * who sent every deletion, and the documents keep their history, so the text inserted and deleted since any
 * base can be read back with its author.
 */

/** The base that names "my last visit" instead of a version id. */
export const LAST_VISIT = 'lastVisit';

/** The author of a change: a member of the workspace, `system` (seeded text) or `unknown` (text older than the record). */
export interface ChangeAuthor {
  readonly id: string;
  readonly name: string;
}

/** The author of text written by the server itself (the seed of a new act). */
export const SYSTEM_AUTHOR: ChangeAuthor = { id: 'system', name: 'system' };
/** The author of text written before the server kept the record (documents older than issue 12). */
export const UNKNOWN_AUTHOR: ChangeAuthor = { id: 'unknown', name: 'unknown' };

/** One continuous insertion or deletion by one member in one block. */
export interface TextChange {
  readonly kind: 'insert' | 'delete';
  readonly text: string;
  readonly member: ChangeAuthor;
}

/**
 * The changes of one article, in document order. `label` is the article's current number ("მუხლი 3"), or
 * for an article deleted since the base its number at the base. Text outside any article (title, preamble,
 * chapter headings, signature) comes as groups with `articleKey: ''` and the block's kind as label
 * ("პრეამბულა", "Title").
 */
export interface ArticleChanges {
  readonly articleKey: string;
  readonly label: string;
  readonly changes: readonly TextChange[];
}

/** `GET /api/documents/:id/changes?since=<versionId|lastVisit>`. */
export interface ChangesResponse {
  readonly articles: readonly ArticleChanges[];
}

/**
 * The query of `GET …/changes`: a version id of the document, or `lastVisit` for the state the asking member
 * last recorded with `POST …/visits` (a member who never recorded a visit gets the changes since the act was
 * created).
 */
export const ChangesQuery = z
  .object({
    since: z
      .string({ error: `expected ?since=<versionId> or ?since=${LAST_VISIT}` })
      .min(1, `expected ?since=<versionId> or ?since=${LAST_VISIT}`)
      .max(80, 'expected a version id of at most 80 characters'),
  })
  .strict();

/**
 * `POST /api/documents/:id/visits` (no body): remembers the act's current text as the asking member's last
 * visit, for `?since=lastVisit`. The renderer posts it when the member leaves the act (or marks its changes
 * as seen); one visit per member per act is kept, the newest.
 */
export interface VisitResponse {
  readonly visitedAt: string;
}

/** `GET /api/documents/:id/diff/export.docx?from=<versionId>&to=<versionId|current>`. */
export const TrackedDiffQuery = z
  .object({
    from: z.string({ error: "expected ?from=<versionId>" }).min(1, 'expected ?from=<versionId>').max(80, 'expected a version id of at most 80 characters'),
    to: z.string().min(1, "expected ?to=<versionId> or 'current'").max(80, 'expected a version id of at most 80 characters').default('current'),
  })
  .strict();
