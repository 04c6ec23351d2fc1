import type { z } from 'zod';
import type { NewSuggestionRequest, Suggestion, SuggestionsResponse } from '../../../shared/api/suggestions';
import { apiFetch } from '../connection/api';
import type { Session } from '../connection/session';

const base = (docId: string): string => `/api/documents/${encodeURIComponent(docId)}/suggestions`;
const one = (docId: string, sid: string, action: string): string => `${base(docId)}/${encodeURIComponent(sid)}/${action}`;

/** The suggestions API of one act (issue 12), typed by the shared contract (shared/api/suggestions.ts). */
export const suggestionsApi = {
  list: (session: Session, docId: string) => apiFetch<SuggestionsResponse>(session, base(docId)),
  create: (session: Session, docId: string, body: z.input<typeof NewSuggestionRequest>) => apiFetch<Suggestion>(session, base(docId), { method: 'POST', body }),
  accept: (session: Session, docId: string, sid: string) => apiFetch<Suggestion>(session, one(docId, sid, 'accept'), { method: 'POST', body: {} }),
  reject: (session: Session, docId: string, sid: string, reason: string) => apiFetch<Suggestion>(session, one(docId, sid, 'reject'), { method: 'POST', body: { reason } }),
  undo: (session: Session, docId: string, sid: string) => apiFetch<Suggestion>(session, one(docId, sid, 'undo'), { method: 'POST', body: {} }),
  /** Every open suggestion of one member in one article, one decision each, in one request. */
  acceptAll: (session: Session, docId: string, authorId: string, articleKey: string) =>
    apiFetch<SuggestionsResponse>(session, `${base(docId)}/accept`, { method: 'POST', body: { authorId, articleKey } }),
};
