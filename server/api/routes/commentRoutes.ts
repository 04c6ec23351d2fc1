import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiError, validationError } from '../../../shared/api/errors';
import { NewThreadRequest, ReopenRequest, ReplyRequest, ResolveRequest, type CommentsResponse } from '../../../shared/api/review';
import type { Role } from '../../../shared/api/members';
import { may, mayComment, type Permission } from '../../auth/permissions';
import { RECORD_WORDS, recordCsv, recordRows } from '../../comments/commentRecord';
import { recordDocx } from '../../comments/recordDocx';
import { contentDisposition, safeBaseName } from '../../export/fileName';
import { documentOr404, sendRefusal } from '../../review/routeHelpers';
import { currentSnapshot, currentStage, releaseSnapshot, versionSnapshot } from '../../review/workflowAccess';
import type { Workspace } from '../../workspace';
import { memberOf } from '../access';

const ExportQuery = z.object({ version: z.string().min(1).max(80).default('current') }).strict();

/**
 * Comment threads anchored in an act's text (issue 5): list, start or answer a thread, resolve it with an
 * outcome and a reason, reopen it, and export the "comments and responses" record as .docx or CSV. The
 * working group answers remarks, so resolving takes the right to edit the text; anyone who may comment
 * may reopen.
 */
export function registerCommentRoutes(app: FastifyInstance, workspace: Workspace): void {
  const { comments } = workspace.review;

  // Every refusal names the missing permission (issue 7).
  const refuse = (reply: FastifyReply, role: Role, what: string, permission: Permission): FastifyReply =>
    reply.code(403).send(apiError('forbidden', `Your role '${role}' may not ${what} (permission '${permission}')`, { permission, role }));

  /** The member may comment on the act in its current stage (observers only in public consultation). */
  const mayCommentHere = (request: FastifyRequest, docId: string): boolean => {
    return mayComment(memberOf(request).role, currentStage(workspace, docId));
  };

  app.get<{ Params: { id: string } }>('/api/documents/:id/comments', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const body: CommentsResponse = { threads: comments.list(doc.id) };
    return body;
  });

  app.post<{ Params: { id: string } }>('/api/documents/:id/comments', { config: { access: 'member' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const member = memberOf(request);
    if (!mayCommentHere(request, doc.id)) return refuse(reply, member.role, 'comment on this act in its current stage', 'comment');
    const body = request.body;
    const isReply = typeof body === 'object' && body !== null && 'threadId' in body;
    const actor = { id: member.id, name: member.name };
    if (isReply) {
      const parsed = ReplyRequest.safeParse(body);
      if (!parsed.success) return reply.code(400).send(validationError(parsed.error));
      const result = comments.reply(doc.id, parsed.data, actor);
      return result.ok ? reply.code(201).send(result.value) : sendRefusal(reply, result);
    }
    const parsed = NewThreadRequest.safeParse(body);
    if (!parsed.success) return reply.code(400).send(validationError(parsed.error, 'expected { anchor, text, blocking? } or { threadId, text }'));
    const result = comments.create(doc.id, parsed.data, actor);
    return result.ok ? reply.code(201).send(result.value) : sendRefusal(reply, result);
  });

  app.post<{ Params: { id: string; threadId: string } }>('/api/documents/:id/comments/:threadId/resolve', { config: { access: 'member' } }, async (request, reply) => {
    const member = memberOf(request);
    if (!may(member.role, 'editText')) return refuse(reply, member.role, 'resolve comments: the working group (coordinators and drafters) answers them', 'editText');
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const parsed = ResolveRequest.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(validationError(parsed.error));
    const result = comments.resolve(doc.id, request.params.threadId, parsed.data, { id: member.id, name: member.name });
    return result.ok ? result.value : sendRefusal(reply, result);
  });

  app.post<{ Params: { id: string; threadId: string } }>('/api/documents/:id/comments/:threadId/reopen', { config: { access: 'member' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const member = memberOf(request);
    if (!mayCommentHere(request, doc.id)) return refuse(reply, member.role, 'reopen comments on this act in its current stage', 'comment');
    const parsed = ReopenRequest.safeParse(request.body ?? {});
    if (!parsed.success) return reply.code(400).send(validationError(parsed.error));
    const result = comments.reopen(doc.id, request.params.threadId, parsed.data, { id: member.id, name: member.name });
    return result.ok ? result.value : sendRefusal(reply, result);
  });

  const exportRoute = (format: 'docx' | 'csv') =>
    app.get<{ Params: { id: string } }>(`/api/documents/:id/comments/export.${format}`, { config: { access: 'read' } }, async (request, reply) => {
      const doc = documentOr404(workspace, request.params.id, reply);
      if (!doc) return reply;
      const query = ExportQuery.safeParse(request.query);
      if (!query.success) return reply.code(400).send(validationError(query.error));
      // The record of the current text shows anchors placed after the latest edits.
      if (query.data.version === 'current') comments.refresh(doc.id);
      const snapshot = query.data.version === 'current' ? currentSnapshot(workspace, doc.id) : versionSnapshot(workspace, doc.id, query.data.version);
      if (typeof snapshot === 'string') return reply.code(404).send(apiError('not_found', snapshot));
      let rows;
      try {
        // Suggestions stand in the record next to the comments (issue 12).
        rows = recordRows(comments.inState(doc.id, snapshot), doc.language, workspace.review.suggestions.inState(doc.id, snapshot));
      } finally {
        releaseSnapshot(snapshot);
      }
      const words = RECORD_WORDS[doc.language];
      const fileName = `${safeBaseName(`${words.title} — ${doc.title}${snapshot.name ? ` (${snapshot.name})` : ''}`)}.${format}`;
      const bytes = format === 'csv' ? recordCsv(rows, doc.language) : await recordDocx(rows, { actTitle: doc.title, versionName: snapshot.name, language: doc.language });
      const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      return reply.type(type).header('Content-Disposition', contentDisposition(fileName)).send(Buffer.from(bytes));
    });
  exportRoute('docx');
  exportRoute('csv');
}
