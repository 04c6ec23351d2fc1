import type { FastifyInstance } from 'fastify';
import { apiError } from '../../../shared/api/errors';
import type { Workspace } from '../../workspace';
import { readinessOf } from '../../readiness/readinessService';
import { documentOr404 } from './workflowRouteHelpers';

/**
 * `GET /api/documents/:id/readiness` (issue 13, §1) → `{ ready, problems: [{ code, severity, articleKey?,
 * message: { ka, en } }] }`: every problem of the act now, for any member who may read it.
 */
export function registerReadinessRoutes(app: FastifyInstance, workspace: Workspace): void {
  app.get<{ Params: { id: string } }>('/api/documents/:id/readiness', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const report = readinessOf(workspace, doc.id);
    if (!report) return reply.code(404).send(apiError('not_found', `Document '${doc.id}' has no text to check`));
    return report;
  });
}
