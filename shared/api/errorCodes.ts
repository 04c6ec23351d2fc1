import type { ReadinessProblem } from '../readiness/readinessTypes';
import type { Role } from './members';
import type { Permission } from './permissions';
import type { ArticleReviewStatus } from './review';

/**
 * What was wrong with one field of a request, in words a UI can translate (issue 15): a string or list too
 * long or too short, a number out of range, a value of the wrong kind or not one of the allowed ones.
 */
export const VALIDATION_ISSUES = ['too_long', 'too_short', 'too_big', 'too_small', 'invalid_type', 'invalid_value', 'invalid_format', 'unknown_field', 'invalid'] as const;
/** One of VALIDATION_ISSUES. */
export type ValidationIssue = (typeof VALIDATION_ISSUES)[number];

/** The kinds of thing a 404 can be about, so the UI can say "this act" rather than repeat an id. */
export type MissingResource = 'document' | 'version' | 'edition' | 'note' | 'member' | 'article' | 'thread' | 'suggestion' | 'template' | 'route';

/** An article the legal review gate names: its number as shown ("მუხლი 2") and why it is not approved. */
export interface UnapprovedArticle {
  readonly label: string;
  readonly status: Exclude<ArticleReviewStatus, 'approved'>;
}

/**
 * The structured details of each error code the API can answer with: the catalogue the renderer turns into
 * a sentence in the UI language. The server's `message` stays English, for logs and API users.
 */
export interface ApiErrorDetailsByCode {
  /** A request that does not parse; from zod, the first bad field, what was wrong and the limit it broke. */
  readonly bad_request: { readonly field?: string; readonly issue?: ValidationIssue; readonly limit?: number };
  readonly unauthorized: Readonly<Record<string, never>>;
  /** The permission the member's role lacks (absent when the route declares none: a server bug). */
  readonly forbidden: { readonly permission?: Permission; readonly role?: Role };
  readonly not_found: { readonly resource?: MissingResource };
  readonly conflict: Readonly<Record<string, never>>;
  readonly internal: Readonly<Record<string, never>>;
  readonly payload_too_large: { readonly limitBytes: number };
  readonly rate_limited: { readonly retryAfterSeconds: number };
  readonly illegal_transition: { readonly from?: string; readonly to?: string };
  readonly review_incomplete: { readonly articles: readonly UnapprovedArticle[]; readonly blockingComments: number };
  readonly not_ready: { readonly problems: readonly ReadinessProblem[] };
  readonly invalid_note_sections: Readonly<Record<string, never>>;
  readonly invalid_workflow: Readonly<Record<string, never>>;
  readonly last_coordinator: Readonly<Record<string, never>>;
  readonly locked: Readonly<Record<string, never>>;
  readonly already_archived: Readonly<Record<string, never>>;
  readonly not_archived: Readonly<Record<string, never>>;
  readonly text_changed: Readonly<Record<string, never>>;
  readonly not_a_revision: Readonly<Record<string, never>>;
  readonly is_revision: Readonly<Record<string, never>>;
  readonly not_in_force: { readonly stage?: string };
  readonly repealed: Readonly<Record<string, never>>;
  readonly revision_open: Readonly<Record<string, never>>;
  readonly stale: Readonly<Record<string, never>>;
  readonly already_decided: Readonly<Record<string, never>>;
  readonly not_decided: Readonly<Record<string, never>>;
  readonly block_not_found: Readonly<Record<string, never>>;
  readonly offset_out_of_range: Readonly<Record<string, never>>;
  readonly quote_not_found: Readonly<Record<string, never>>;
  readonly ambiguous_quote: Readonly<Record<string, never>>;
  /** A snapshot's `sv` is not a base64 Yjs state vector. */
  readonly bad_state_vector: Readonly<Record<string, never>>;
  /** A snapshot's Range header does not parse, or asks for more than one range. */
  readonly bad_range: Readonly<Record<string, never>>;
  /** A snapshot's Range starts beyond its end (416). */
  readonly range_not_satisfiable: { readonly totalBytes?: number };
  /** A .sajaro file that cannot be loaded, and which of UPDATE_FILE_PROBLEMS it is. */
  readonly bad_update_file: { readonly problem: UpdateFileProblem };
}

/** Why a .sajaro update file is refused as a whole (issue 14, part 4). */
export const UPDATE_FILE_PROBLEMS = ['not_an_update_file', 'act_copy', 'unknown_member', 'signature', 'revoked', 'bad_update'] as const;
/** One of UPDATE_FILE_PROBLEMS. */
export type UpdateFileProblem = (typeof UPDATE_FILE_PROBLEMS)[number];

/** A stable error code of the API. */
export type ApiErrorCode = keyof ApiErrorDetailsByCode;

/** What each code means, one line each; its keys are the list of every code (a missing one fails tsc). */
export const API_ERROR_CATALOGUE: { readonly [C in ApiErrorCode]: string } = {
  bad_request: 'the request does not parse (details: field, issue, limit)',
  unauthorized: 'no token, or a token the workspace does not know',
  forbidden: "the member's role lacks a permission (details: permission, role)",
  not_found: 'no such act, version, member, … (details: resource)',
  conflict: 'the thing already exists, or is already in that state',
  internal: 'the server failed; nothing was changed',
  payload_too_large: 'the body is over the limit (details: limitBytes)',
  rate_limited: 'too many requests (details: retryAfterSeconds)',
  illegal_transition: 'the workflow does not allow this stage move now (details: from, to)',
  review_incomplete: 'legal review cannot be left forward (details: articles, blockingComments)',
  not_ready: 'the readiness check stops the move (details: problems)',
  invalid_note_sections: 'the explanatory note sections do not parse',
  invalid_workflow: 'the workflow definition does not parse',
  last_coordinator: 'the workspace would have no active coordinator',
  locked: "the act's text is locked (adopted)",
  already_archived: 'the act is already archived',
  not_archived: 'the act is not archived',
  text_changed: 'the article changed since the reviewer read it',
  not_a_revision: 'the act is not a revision of an act in force',
  is_revision: 'a revision cannot itself be revised',
  not_in_force: 'only an act in force can be amended (details: stage)',
  repealed: 'the act was repealed',
  revision_open: 'the act already has an open revision',
  stale: 'the suggestion no longer matches the text',
  already_decided: 'the suggestion was already decided',
  not_decided: 'the suggestion has no decision to undo',
  block_not_found: 'the suggestion names a block the act does not have',
  offset_out_of_range: 'the suggestion points beyond its block',
  quote_not_found: 'the quoted text is not in its block',
  ambiguous_quote: 'the quoted text occurs more than once',
  bad_state_vector: 'the state vector is not base64 of a Yjs state vector',
  bad_range: 'the Range header does not parse or asks for several ranges',
  range_not_satisfiable: 'the Range starts beyond the end (details: totalBytes)',
  bad_update_file: 'the .sajaro file cannot be loaded (details: problem)',
};

/** Every code, in catalogue order. */
export const API_ERROR_CODES = Object.keys(API_ERROR_CATALOGUE) as readonly ApiErrorCode[];

/** True when the string is a code of the catalogue (an API answer is outside input to the renderer). */
export function isApiErrorCode(code: string): code is ApiErrorCode {
  return Object.prototype.hasOwnProperty.call(API_ERROR_CATALOGUE, code);
}
