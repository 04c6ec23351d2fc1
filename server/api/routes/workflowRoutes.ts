import type { FastifyInstance } from 'fastify';
import { apiError, formatIssues } from '../../../shared/api/errors';
import { TransitionRequestBody } from '../../../shared/api/workflow';
import type { Workspace } from '../../workspace';
import { requirePermission } from '../app';
import { documentOr404 } from './workflowRouteHelpers';
import { legalReviewGate } from '../../review/legalReviewGate';

/**
 * The workflow routes (issue 4): the workspace's definition, a document's stages, and moving it to
 * another stage. A refused move answers 409 with the reason and changes nothing.
 */
export function registerWorkflowRoutes(app: FastifyInstance, workspace: Workspace): void {
  const { workflow } = workspace;

  app.get('/api/workflow', async () => workflow.definition());

  app.put('/api/workflow', async (request, reply) => {
    if (!requirePermission(request, reply, 'changeStage')) return reply;
    const saved = workflow.setDefinition(request.body, request.member!);
    if (!saved.ok) return reply.code(400).send(apiError('invalid_workflow', saved.error));
    workspace.log(`[workflow] ${request.member!.name} replaced the workflow definition`);
    return saved.value;
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/stages', async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    return workflow.state(doc.id, request.member);
  });

  app.post<{ Params: { id: string } }>('/api/documents/:id/transitions', async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    if (!requirePermission(request, reply, 'changeStage')) return reply;
    const body = TransitionRequestBody.safeParse(request.body);
    if (!body.success) return reply.code(400).send(apiError('bad_request', formatIssues(body.error)));
    // Issue 5: the act leaves legal review forward only with every article approved and no blocking comment open.
    const unreviewed = legalReviewGate(workspace, doc.id, body.data.to);
    if (unreviewed) return reply.code(409).send(apiError('review_incomplete', unreviewed));
    const moved = workflow.transition(doc.id, body.data, request.member!);
    if (!moved.ok) return reply.code(409).send(apiError('illegal_transition', moved.error));
    workspace.log(`[workflow] ${request.member!.name} moved ${doc.id} to ${moved.value.current}`);
    return moved.value;
  });
}
