import type { FastifyInstance } from 'fastify';
import { apiError, validationError, type ApiErrorBody } from '../../../shared/api/errors';
import { TransitionRequestBody, WorkflowQuery } from '../../../shared/api/workflow';
import type { Workspace } from '../../workspace';
import { memberOf } from '../access';
import { documentOr404 } from './workflowRouteHelpers';
import { legalReviewGate } from '../../review/legalReviewGate';
import { readinessGate } from '../../readiness/readinessGate';
import { moveWithReadiness } from '../../readiness/moveWithReadiness';
import { currentStage } from '../../review/workflowAccess';

/** A `not_ready` body keeps its problems beside the details too, where clients before issue 15 read them. */
function withProblems(body: ApiErrorBody<'not_ready'>) {
  return { error: { ...body.error, problems: body.error.details.problems } };
}

/**
 * The workflow routes (issue 4): the workspace's definition, a document's stages, and moving it to
 * another stage. A refused move answers 409 with the reason and changes nothing.
 */
export function registerWorkflowRoutes(app: FastifyInstance, workspace: Workspace): void {
  const { workflow } = workspace;

  app.get('/api/workflow', { config: { access: 'read' } }, async (request, reply) => {
    // Issue 13 §5: the council's workflow (the workspace's own) or the Mayor's order's.
    const query = WorkflowQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send(validationError(query.error));
    return workflow.definition(query.data.adoptingBody);
  });

  app.put('/api/workflow', { config: { access: 'changeStage' } }, async (request, reply) => {
    const saved = workflow.setDefinition(request.body, memberOf(request));
    if (!saved.ok) return reply.code(400).send(apiError('invalid_workflow', saved.error));
    workspace.log(`[workflow] ${memberOf(request).name} replaced the workflow definition`);
    return saved.value;
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/stages', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    return workflow.state(doc.id, memberOf(request));
  });

  app.post<{ Params: { id: string } }>('/api/documents/:id/transitions', { config: { access: 'changeStage' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const body = TransitionRequestBody.safeParse(request.body);
    if (!body.success) return reply.code(400).send(validationError(body.error));
    // Issue 5: the act leaves legal review forward only with every article approved and no blocking comment open.
    const unreviewed = legalReviewGate(workspace, doc.id, body.data.to);
    if (unreviewed) return reply.code(409).send(apiError('review_incomplete', unreviewed.message, { articles: unreviewed.articles, blockingComments: unreviewed.blockingComments }));
    // Issue 13, §1: into the commission and beyond only when ready; warnings pass only with a reason.
    const { overrideWarnings, ...move } = body.data;
    const ready = readinessGate(workspace, doc.id, move.to, overrideWarnings);
    if (!ready.ok) return reply.code(409).send(withProblems(apiError('not_ready', ready.message, { problems: ready.problems })));
    const moved = moveWithReadiness(workspace, doc.id, move, memberOf(request), ready.overridden, overrideWarnings?.reason);
    if (!moved.ok) return reply.code(409).send(apiError('illegal_transition', moved.error, { from: currentStage(workspace, doc.id), to: body.data.to }));
    workspace.log(`[workflow] ${memberOf(request).name} moved ${doc.id} to ${moved.value.current}`);
    return moved.value;
  });
}
