import type { z } from 'zod';

/** Every API error answers with this body (CONVENTIONS.md, "Errors"). */
export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

/** Builds an API error body. */
export function apiError(code: string, message: string): ApiErrorBody {
  return { error: { code, message } };
}

/** One sentence from zod issues, naming each bad field and what was expected. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? `'${issue.path.join('.')}'` : 'body'}: ${issue.message}`)
    .join('; ');
}
