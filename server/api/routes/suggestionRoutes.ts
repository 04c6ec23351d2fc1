import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiError, validationError } from '../../../shared/api/errors';
import type { Person } from '../../../shared/api/review';
import { AcceptManyRequest, AcceptRequest, NewSuggestionRequest, RejectRequest, UndoRequest, type SuggestionsResponse } from '../../../shared/api/suggestions';
import type { DocumentSummary } from '../../../shared/api/documents';
import { canEditText, mayComment } from '../../auth/permissions';
import { documentOr404 } from '../../review/routeHelpers';
import { currentStage } from '../../review/workflowAccess';
import type { SuggestionFailure } from '../../suggestions/suggestionResult';
import type { Workspace } from '../../workspace';
import { memberOf } from '../access';

type DocParams = { Params: { id: string } };
type SuggestionParams = { Params: { id: string; sid: string } };

/**
 * Suggestions (issue 12; the contract is in shared/api/suggestions.ts): list and make them, as anyone who
 * may comment on the act in its stage may; accept (one, or several at once), reject with a reason, and undo,
 * as members who may edit the text may.
 */
export function registerSuggestionRoutes(app: FastifyInstance, workspace: Workspace): void {
  const { suggestions } = workspace.review;

  const send = (reply: FastifyReply, failure: SuggestionFailure): FastifyReply => reply.code(failure.status).send(apiError(failure.code, failure.error));
  const actorOf = (request: FastifyRequest): Person => {
    const member = memberOf(request);
    return { id: member.id, name: member.name };
  };

  /**
   * The act, once the member may decide on its suggestions: the route's declaration already required
   * `editText`; the act must not be adopted either, and the role is read again (canEditText).
   */
  const decidable = (request: FastifyRequest<DocParams>, reply: FastifyReply): DocumentSummary | null => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return null;
    const refusal = canEditText(workspace, doc.id, memberOf(request));
    if (!refusal) return doc;
    void reply.code(403).send(apiError('forbidden', `Only members who may edit the text decide on suggestions (permission 'editText'): ${refusal}`, { permission: 'editText', role: memberOf(request).role }));
    return null;
  };

  app.get<DocParams>('/api/documents/:id/suggestions', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const body: SuggestionsResponse = { suggestions: suggestions.list(doc.id) };
    return body;
  });

  app.post<DocParams>('/api/documents/:id/suggestions', { config: { access: 'member' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const member = memberOf(request);
    // Whoever may comment on the act in its stage may suggest: reviewers always, observers in public consultation.
    if (!mayComment(member.role, currentStage(workspace, doc.id))) {
      return reply.code(403).send(apiError('forbidden', `Your role '${member.role}' may not suggest changes to this act in its current stage (permission 'comment')`, { permission: 'comment', role: member.role }));
    }
    const parsed = NewSuggestionRequest.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(validationError(parsed.error, 'expected { target: { blockKey, quote, occurrence?, offset? }, text, note?, anchor?, newBlocks? }'));
    const result = suggestions.create(doc.id, parsed.data, actorOf(request));
    if (!result.ok) return send(reply, result);
    return reply.code(result.value.created ? 201 : 200).send(result.value.suggestion);
  });

  app.post<DocParams>('/api/documents/:id/suggestions/accept', { config: { access: 'editText' } }, async (request, reply) => {
    const doc = decidable(request, reply);
    if (!doc) return reply;
    const parsed = AcceptManyRequest.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(validationError(parsed.error));
    const { reason, ...selection } = parsed.data;
    const result = suggestions.accept(doc.id, selection, reason, actorOf(request));
    return result.ok ? { suggestions: result.value } : send(reply, result);
  });

  app.post<SuggestionParams>('/api/documents/:id/suggestions/:sid/accept', { config: { access: 'editText' } }, async (request, reply) => {
    const doc = decidable(request, reply);
    if (!doc) return reply;
    const parsed = AcceptRequest.safeParse(request.body ?? {});
    if (!parsed.success) return reply.code(400).send(validationError(parsed.error));
    const result = suggestions.accept(doc.id, { ids: [request.params.sid] }, parsed.data.reason, actorOf(request));
    return result.ok ? result.value[0] : send(reply, result);
  });

  app.post<SuggestionParams>('/api/documents/:id/suggestions/:sid/reject', { config: { access: 'editText' } }, async (request, reply) => {
    const doc = decidable(request, reply);
    if (!doc) return reply;
    const parsed = RejectRequest.safeParse(request.body ?? {});
    if (!parsed.success) return reply.code(400).send(validationError(parsed.error));
    const result = suggestions.reject(doc.id, request.params.sid, parsed.data.reason, actorOf(request));
    return result.ok ? result.value : send(reply, result);
  });

  app.post<SuggestionParams>('/api/documents/:id/suggestions/:sid/undo', { config: { access: 'editText' } }, async (request, reply) => {
    const doc = decidable(request, reply);
    if (!doc) return reply;
    const parsed = UndoRequest.safeParse(request.body ?? {});
    if (!parsed.success) return reply.code(400).send(validationError(parsed.error));
    const result = suggestions.undo(doc.id, request.params.sid, actorOf(request));
    return result.ok ? result.value : send(reply, result);
  });
}
