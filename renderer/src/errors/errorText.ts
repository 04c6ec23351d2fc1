import type { TFunction } from 'i18next';
import { isApiErrorCode, VALIDATION_ISSUES, type ApiErrorDetailsByCode, type UnapprovedArticle, type ValidationIssue } from '../../../shared/api/errorCodes';
import { PERMISSIONS } from '../../../shared/api/permissions';
import { ApiError } from '../connection/api';

/** What the sentence may name beyond the details: the stages by their label in the UI language. */
export interface ErrorTextContext {
  readonly stageLabel?: (stageId: string) => string;
}

const has = (record: object, key: unknown): key is string => typeof key === 'string' && Object.prototype.hasOwnProperty.call(record, key);

/**
 * The sentence the UI shows for a failed request, in the UI language, made from the error's code and details
 * (issue 15). The server's English message never reaches the screen; it goes to the console for whoever
 * debugs. An unknown code (an older or newer server) gets a general sentence.
 */
export function errorText(t: TFunction, error: unknown, context: ErrorTextContext = {}): string {
  if (error instanceof ApiError && error.code === 'network') return t('apiErrors.network');
  if (!(error instanceof ApiError) || !isApiErrorCode(error.code)) {
    console.warn(`[api] ${error instanceof Error ? error.message : String(error)}`);
    return t('apiErrors.unknown');
  }
  console.warn(`[api] ${error.status} ${error.code}: ${error.message}`);
  const d = error.details;
  switch (error.code) {
    case 'bad_request':
      return t('apiErrors.codes.bad_request', { problem: validationProblem(t, d as ApiErrorDetailsByCode['bad_request']) });
    case 'forbidden': {
      const role = has({ coordinator: 1, drafter: 1, reviewer: 1, observer: 1 }, d.role) ? t(`members.roles.${d.role}`) : t('apiErrors.someRole');
      const action = has(PERMISSIONS, d.permission) ? t(`apiErrors.actions.${d.permission}`) : t('apiErrors.actions.any');
      return t('apiErrors.codes.forbidden', { role, action });
    }
    case 'not_found': {
      const resources = t('apiErrors.resources', { returnObjects: true }) as Record<string, string>;
      return t('apiErrors.codes.not_found', { what: has(resources, d.resource) ? resources[d.resource] : t('apiErrors.resources.any') });
    }
    case 'payload_too_large':
      return t('apiErrors.codes.payload_too_large', { limit: typeof d.limitBytes === 'number' ? Math.floor(d.limitBytes / 1024 / 1024) : '?' });
    case 'rate_limited':
      return t('apiErrors.codes.rate_limited', { seconds: typeof d.retryAfterSeconds === 'number' ? d.retryAfterSeconds : 60 });
    case 'illegal_transition': {
      const stage = (id: unknown): string => (typeof id === 'string' && context.stageLabel ? context.stageLabel(id) : t('apiErrors.someStage'));
      return t('apiErrors.codes.illegal_transition', { from: stage(d.from), to: stage(d.to) });
    }
    case 'review_incomplete':
      return t('apiErrors.codes.review_incomplete', { reasons: reviewReasons(t, d as Partial<ApiErrorDetailsByCode['review_incomplete']>) });
    case 'bad_update_file': {
      const problems = t('apiErrors.updateFileProblem', { returnObjects: true }) as Record<string, string>;
      return t('apiErrors.codes.bad_update_file', { problem: has(problems, d.problem) ? problems[d.problem] : problems.not_an_update_file });
    }
    default:
      return t(`apiErrors.codes.${error.code}`);
  }
}

function validationProblem(t: TFunction, details: ApiErrorDetailsByCode['bad_request']): string {
  const issue: ValidationIssue = (VALIDATION_ISSUES as readonly string[]).includes(details.issue ?? '') ? details.issue! : 'invalid';
  // A nested path ("values.date") is named by its first part: the form field the member filled in.
  const head = (details.field ?? '').split('.')[0];
  const fields = t('apiErrors.fields', { returnObjects: true }) as Record<string, string>;
  const field = has(fields, head) ? fields[head] : t('apiErrors.fields.any');
  return t(`apiErrors.problem.${issue}`, { field, limit: details.limit ?? '?' });
}

function reviewReasons(t: TFunction, details: Partial<ApiErrorDetailsByCode['review_incomplete']>): string {
  const reasons: string[] = [];
  const articles = Array.isArray(details.articles) ? (details.articles as readonly UnapprovedArticle[]) : [];
  if (articles.length) {
    // Grouped by why, so fifteen unreviewed articles read as one list: "მუხლი 1, მუხლი 2 (არ განხილულა)".
    const groups = new Map<string, string[]>();
    for (const a of articles) groups.set(String(a.status), [...(groups.get(String(a.status)) ?? []), String(a.label)]);
    const named = [...groups].map(([status, labels]) => `${labels.join(', ')} (${t(`apiErrors.articleStatus.${status}`, { defaultValue: '' })})`.replace(' ()', '')).join('; ');
    reasons.push(t('apiErrors.unapproved', { articles: named }));
  }
  if (typeof details.blockingComments === 'number' && details.blockingComments > 0) reasons.push(t('apiErrors.blockingComments', { count: details.blockingComments }));
  return reasons.join('; ');
}

/** A refusal kept with a queued action in localStorage, so its sentence is made in the language shown later. */
export interface StoredRefusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** The refusal to keep beside a queued action that the server turned down. */
export function storedRefusal(error: unknown): StoredRefusal {
  return error instanceof ApiError
    ? { status: error.status, code: error.code, message: error.message, details: error.details }
    : { status: 0, code: 'error', message: error instanceof Error ? error.message : String(error), details: {} };
}

/** The sentence for a kept refusal; a plain string is an entry queued before issue 15, worded generally. */
export function storedRefusalText(t: TFunction, stored: StoredRefusal | string): string {
  if (typeof stored === 'string') return t('apiErrors.unknown');
  return errorText(t, new ApiError(stored.status, stored.code, stored.message, stored.details ?? {}));
}
