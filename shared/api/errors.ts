import type { z } from 'zod';
import type { ApiErrorCode, ApiErrorDetailsByCode, ValidationIssue } from './errorCodes';

/**
 * Every API error answers with this body (CONVENTIONS.md, "Errors"): a stable code from the catalogue, its
 * structured details for the UI to put into words, and an English sentence for logs and API users.
 */
export interface ApiErrorBody<C extends ApiErrorCode = ApiErrorCode> {
  readonly error: { readonly code: C; readonly message: string; readonly details: ApiErrorDetailsByCode[C] };
}

/** The details argument: optional for the codes whose details may all be left out. */
type DetailsArg<C extends ApiErrorCode> = Record<string, never> extends ApiErrorDetailsByCode[C]
  ? [details?: ApiErrorDetailsByCode[C]]
  : Partial<ApiErrorDetailsByCode[C]> extends ApiErrorDetailsByCode[C]
    ? [details?: ApiErrorDetailsByCode[C]]
    : [details: ApiErrorDetailsByCode[C]];

/** Builds an API error body. */
export function apiError<C extends ApiErrorCode>(code: C, message: string, ...[details]: DetailsArg<C>): ApiErrorBody<C> {
  return { error: { code, message, details: (details ?? {}) as ApiErrorDetailsByCode[C] } };
}

/** One sentence from zod issues, naming each bad field and what was expected. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? `'${issue.path.join('.')}'` : 'body'}: ${issue.message}`)
    .join('; ');
}

/** The first zod issue as details a UI can translate: the field (its path), what was wrong, the limit. */
export function issueDetails(error: z.ZodError): ApiErrorDetailsByCode['bad_request'] {
  const issue = error.issues[0];
  if (!issue) return {};
  const field = issue.path.length ? issue.path.map(String).join('.') : undefined;
  const [kind, limit] = issueKind(issue);
  return { ...(field ? { field } : {}), issue: kind, ...(limit !== undefined ? { limit } : {}) };
}

function issueKind(issue: z.core.$ZodIssue): [ValidationIssue, number?] {
  switch (issue.code) {
    case 'too_big':
      return [issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set' ? 'too_long' : 'too_big', Number(issue.maximum)];
    case 'too_small':
      return [issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set' ? 'too_short' : 'too_small', Number(issue.minimum)];
    case 'invalid_type':
      return ['invalid_type'];
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return ['invalid_value'];
    case 'invalid_format':
      return ['invalid_format'];
    case 'unrecognized_keys':
      return ['unknown_field'];
    default:
      return ['invalid'];
  }
}

/** A 400 body for a request that failed its schema; `expected` adds what a whole valid body looks like. */
export function validationError(error: z.ZodError, expected?: string): ApiErrorBody<'bad_request'> {
  return apiError('bad_request', expected ? `${formatIssues(error)} (${expected})` : formatIssues(error), issueDetails(error));
}
