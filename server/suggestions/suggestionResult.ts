import type { ApiErrorCode } from '../../shared/api/errorCodes';
/** A refusal of a suggestion action, with its HTTP status and error code. */
export interface SuggestionFailure {
  readonly ok: false;
  readonly status: 400 | 403 | 404 | 409;
  readonly code: ApiErrorCode;
  readonly error: string;
}

/** The result of a suggestion action. */
export type SuggestionResult<T> = { readonly ok: true; readonly value: T } | SuggestionFailure;

/** Builds a refusal. */
export function refuse(status: SuggestionFailure['status'], code: ApiErrorCode, error: string): SuggestionFailure {
  return { ok: false, status, code, error };
}
