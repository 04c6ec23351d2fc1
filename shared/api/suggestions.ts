import { z } from 'zod';
import type { SpanRef } from '../review/suggestionSpan';
import { AnchorInput, type Person } from './review';

/**
 * Suggestions (issue 12): a member who may comment proposes to replace a quoted span of one block of an act
 * by new text; a member who may edit the text accepts it (the server then makes the edit, live for every
 * client) or rejects it with a reason, and may undo that decision.
 *
 * `POST /api/documents/:id/suggestions` → 201 with the `Suggestion` (200 with the stored one when a retry
 * sends the same client `id` again). Body `NewSuggestionRequest`:
 * - `target.blockKey` names a top-level block: the `key` of an article, clause, chapter or annex in `GET
 *   …/model`, or `title:0`, `preamble:1`, `signature:0`, `paragraph:0` … for blocks without one (their kind
 *   and place among blocks of that kind; shared/review/blockKeys.ts).
 * - `target.quote` must stand in that block's text, which is the block's characters as comment anchors see
 *   them: cross-references and line breaks are not characters of it. Not there: 409 `quote_not_found`; more
 *   than once without `target.occurrence` (0 = the first) or `target.offset`: 409 `ambiguous_quote`.
 *   `target.offset`, the character offset where the quote starts, may be given instead of `occurrence`.
 * - Empty `text` deletes the quote. A deletion of a block's whole text removes the block (a paragraph, an
 *   article heading, a preamble line), except the title, the header lines and the enacting formula, which
 *   are left empty. (An article heading removed, its paragraphs belong to the article before it, as in the
 *   editor: to delete an article, suggest deleting each of its blocks.)
 * - An empty `quote` is an insertion at `target.offset` (required then: 0 … the block's length).
 * - `text` may hold several paragraphs, separated by '\n': the first continues the block at the quote, each
 *   further one is a new block after it, and the rest of the block after the quote moves to the end of the
 *   last one (as pressing Enter would). Each new block is of the kind `newBlocks[i]` says (for the i-th
 *   new block, i.e. the (i+1)-th line), or, when that is null or missing, of the kind Enter makes: a clause at
 *   the same depth after a clause, a paragraph (depth 0) after an article heading, an article after a chapter
 *   or annex heading, another line after a preamble or signature line. So "a new paragraph after clause K" is
 *   `{ target: { blockKey: K, quote: '', offset: <length of K> }, text: '\n<the paragraph>' }`, and a new
 *   article with one paragraph after it is `text: '\n<heading>\n<paragraph>', newBlocks: [{ type: 'article' }, { type: 'clause', depth: 0 }]`.
 * - `anchor`, a comment-style anchor (shared/review/textAnchor.ts) on the quote placed in the client's copy,
 *   is used when it resolves to the quote in that block; otherwise the quote is looked up in the block.
 * - 403 for a member who may not comment on the act in its stage (observers outside public consultation);
 *   409 `locked` for an adopted act; 409 `conflict` for a client `id` already used by another member or for
 *   other content.
 *
 * `GET /api/documents/:id/suggestions` → `SuggestionsResponse`, in document order. `status` is `stale` for
 * an open suggestion whose quote no longer stands, whole, at its anchor.
 *
 * Deciding takes the permission `editText` on an act that is not adopted (403 otherwise):
 * - `POST …/suggestions/:sid/accept` `{ reason? }` → 200 `Suggestion`: the server applies the change to the
 *   shared text as one update, which every connected client receives. 409 `already_decided` when decided,
 *   409 `stale` (nothing changed) when its quote no longer stands.
 * - `POST …/suggestions/:sid/reject` `{ reason }` → 200 `Suggestion`; a missing or empty reason is 400.
 * - `POST …/suggestions/accept` `{ ids: [...] }` or `{ authorId, articleKey }` (every open suggestion of that
 *   member whose quote is in that article), with an optional `reason` → 200 `{ suggestions }`: one decision per
 *   suggestion, all in one transaction and one text update, in document order; any unknown (404), decided
 *   (409 `already_decided`) or stale (409 `stale`, naming it) one and nothing changes.
 * - `POST …/suggestions/:sid/undo` `{}` → 200 `Suggestion`, open again: only the member who made the latest
 *   decision may undo it (403 otherwise), 409 `not_decided` for an open one. Undoing an accept puts the quote
 *   back in place of the accepted text, as one update again; when that text has been edited since, 409
 *   `stale` and nothing changes.
 *
 * Every change is one SQLite transaction with its audit entry (`suggestion.created`, `.accepted`,
 * `.rejected`, `.undone`), the text update included, and the review stream
 * (`GET …/review/events`) sends `event: suggestions` so that open clients read them again.
 */
export const SUGGESTION_LIMITS = {
  textChars: 20_000,
  quoteChars: 20_000,
  /** Paragraphs one suggestion may propose. */
  lines: 200,
  noteChars: 2_000,
  reasonChars: 4_000,
  blockKeyChars: 80,
  /** Suggestions one accept-many request may name. */
  batch: 500,
} as const;

const clientId = z.string().regex(/^[a-z0-9][a-z0-9-]{7,63}$/, "expected 8-64 characters of a-z, 0-9, '-'");

/** The kinds of block a suggestion's extra paragraphs may make. */
export const NEW_BLOCK_TYPES = ['article', 'clause', 'chapter'] as const;

/** The kind of one new block of a multi-paragraph suggestion; `depth` is for clauses (0 = paragraph). */
export const NewBlockSpec = z
  .object({
    type: z.enum(NEW_BLOCK_TYPES, { error: "expected 'article', 'clause' or 'chapter'" }),
    depth: z.number().int().min(0).max(3).optional(),
  })
  .strict();
/** A parsed new-block kind. */
export type NewBlockSpec = z.infer<typeof NewBlockSpec>;

/** Which span of which block a suggestion replaces. */
export const SuggestionTarget = z
  .object({
    blockKey: z.string().min(1, 'expected the key of a block').max(SUGGESTION_LIMITS.blockKeyChars),
    quote: z.string().max(SUGGESTION_LIMITS.quoteChars),
    occurrence: z.number().int().min(0).max(100_000).optional(),
    offset: z.number().int().min(0).max(10_000_000).optional(),
  })
  .strict()
  .refine((t) => t.occurrence === undefined || t.offset === undefined, { message: 'expected either target.occurrence or target.offset, not both' })
  .refine((t) => t.quote !== '' || t.offset !== undefined, { message: 'an insertion (empty quote) needs target.offset, the character offset to insert at' });

/** `POST /api/documents/:id/suggestions`; `id` (chosen by the client) makes a retried offline request harmless. */
export const NewSuggestionRequest = z
  .object({
    id: clientId.optional(),
    target: SuggestionTarget,
    // Line ends from Windows clipboards count as one break.
    text: z
      .string()
      .max(SUGGESTION_LIMITS.textChars)
      .transform((t) => t.replace(/\r\n?/g, '\n')),
    note: z.string().trim().max(SUGGESTION_LIMITS.noteChars).optional(),
    anchor: AnchorInput.optional(),
    newBlocks: z.array(NewBlockSpec.nullable()).max(SUGGESTION_LIMITS.lines).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const lines = s.text.split('\n').length;
    if (lines > SUGGESTION_LIMITS.lines) ctx.addIssue({ code: 'custom', path: ['text'], message: `expected at most ${SUGGESTION_LIMITS.lines} paragraphs, got ${lines}` });
    if ((s.newBlocks?.length ?? 0) > lines - 1) {
      ctx.addIssue({ code: 'custom', path: ['newBlocks'], message: `expected at most one entry per new paragraph (${lines - 1}), got ${s.newBlocks?.length}` });
    }
    if (s.text === s.target.quote) ctx.addIssue({ code: 'custom', path: ['text'], message: 'the new text equals the quote: a suggestion must change something' });
    if (s.anchor && s.anchor.text !== s.target.quote) ctx.addIssue({ code: 'custom', path: ['anchor', 'text'], message: 'expected the anchor on the quoted text itself' });
  });
/** A parsed new suggestion. */
export type NewSuggestionRequest = z.infer<typeof NewSuggestionRequest>;

/** `POST …/suggestions/:sid/accept`. */
export const AcceptRequest = z.object({ reason: z.string().trim().max(SUGGESTION_LIMITS.reasonChars).optional() }).strict();

/** `POST …/suggestions/:sid/reject`: the reason is what the record tells the author and the commission. */
export const RejectRequest = z
  .object({ reason: z.string().trim().min(1, 'expected the reason for rejecting the suggestion').max(SUGGESTION_LIMITS.reasonChars) })
  .strict();

/** `POST …/suggestions/:sid/undo`. */
export const UndoRequest = z.object({}).strict();

/** `POST …/suggestions/accept`: by ids, or every open suggestion of one member in one article. */
export const AcceptManyRequest = z.union(
  [
    z
      .object({
        ids: z.array(z.string().min(1).max(64)).min(1, 'expected at least one suggestion id').max(SUGGESTION_LIMITS.batch),
        reason: z.string().trim().max(SUGGESTION_LIMITS.reasonChars).optional(),
      })
      .strict(),
    z
      .object({
        authorId: z.string().min(1).max(64),
        articleKey: z.string().min(1).max(64),
        reason: z.string().trim().max(SUGGESTION_LIMITS.reasonChars).optional(),
      })
      .strict(),
  ],
  { error: 'expected { ids: [...] } or { authorId, articleKey }, each with an optional reason' },
);
/** A parsed accept-many request. */
export type AcceptManyRequest = z.infer<typeof AcceptManyRequest>;

/** Where a suggestion is: open, decided, or open with its quote gone (`stale`, computed). */
export type SuggestionStatus = 'open' | 'accepted' | 'rejected' | 'stale';

/** A suggestion as the API returns it. */
export interface Suggestion {
  readonly id: string;
  readonly blockKey: string;
  /** The article the quote is in (its stable key), or null outside articles. */
  readonly articleKey: string | null;
  /** "მუხლი 3" / "Article 3", or the kind of block outside articles ("Title"); '' when unknown. */
  readonly articleLabel: string;
  readonly quote: string;
  readonly text: string;
  readonly newBlocks: readonly (NewBlockSpec | null)[];
  readonly note: string | null;
  readonly author: Person;
  readonly createdAt: string;
  readonly status: SuggestionStatus;
  readonly decidedBy?: Person;
  readonly decidedAt?: string;
  readonly reason?: string;
  /** Made while the act was in public consultation. */
  readonly publicConsultation: boolean;
  /** Where the quote stands now (open suggestions only): its block's key and the character offset it starts at. */
  readonly at: { readonly blockKey: string; readonly offset: number } | null;
  /** The stored position of the quote, for clients that resolve it in their own copy (`resolveSpan`). */
  readonly position: SpanRef;
}

/** `GET /api/documents/:id/suggestions`. */
export interface SuggestionsResponse {
  readonly suggestions: readonly Suggestion[];
}
