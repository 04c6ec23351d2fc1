import type { FastifyInstance } from 'fastify';
import { ChangesQuery, TrackedDiffQuery } from '../../../shared/api/changes';
import { apiError, validationError } from '../../../shared/api/errors';
import { CURRENT_TEXT } from '../../../shared/api/workflow';
import { createPartAttributor } from '../../attribution/attributeDiff';
import { historyBetween } from '../../attribution/changeService';
import { exportTrackedDocx } from '../../export/docx/exportTrackedDocx';
import { contentDisposition, safeBaseName } from '../../export/fileName';
import { compareSides } from '../../versions/compareVersions';
import type { Workspace } from '../../workspace';
import { memberOf } from '../access';
import { documentOr404 } from './workflowRouteHelpers';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Who changed what (issue 12): the changes since a version or the member's last visit, recording a visit,
 * and a comparison exported as a Word document of tracked changes. Every member who may read the act may
 * see who changed it; the raw Yjs state stays behind its own route.
 */
export function registerChangeRoutes(app: FastifyInstance, workspace: Workspace): void {
  app.get<{ Params: { id: string } }>('/api/documents/:id/changes', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const query = ChangesQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send(validationError(query.error));
    const changes = workspace.changes.since(doc.id, query.data.since, memberOf(request));
    return changes.ok ? changes.value : reply.code(404).send(apiError('not_found', changes.error));
  });

  app.post<{ Params: { id: string } }>('/api/documents/:id/visits', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    return workspace.changes.recordVisit(doc.id, memberOf(request));
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/diff/export.docx', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const query = TrackedDiffQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send(validationError(query.error));
    const { from, to } = query.data;
    const comparison = compareSides(workspace.documents, workspace.versions, doc.id, from, to, historyBetween(workspace.changes, doc.id));
    if (!comparison.ok) return reply.code(404).send(apiError('not_found', comparison.error));
    const { older, newer, diff, history } = comparison.value;
    const sideName = (side: { id: string; name: string; number: number | null }) => (side.id === CURRENT_TEXT ? CURRENT_TEXT : `v${side.number} ${side.name}`);
    const description = `${sideName(diff.from)} → ${sideName(diff.to)}`;
    const bytes = await exportTrackedDocx({
      from: older,
      to: newer,
      diff,
      attributeFrame: createPartAttributor(history.filter((group) => group.articleKey === '').flatMap((group) => group.changes)),
      description,
      exportedAt: new Date().toISOString(),
    });
    const fileName = `${safeBaseName(`${newer.title || doc.title} (${description})`)}.docx`;
    return reply.type(DOCX).header('Content-Disposition', contentDisposition(fileName)).send(Buffer.from(bytes));
  });
}
