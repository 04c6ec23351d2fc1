import type { FastifyInstance } from 'fastify';
import { apiError, validationError } from '../../../shared/api/errors';
import { DashboardQuery } from '../../../shared/api/workflow';
import { dashboardRows } from '../../workflow/dashboard';
import type { Workspace } from '../../workspace';

/** `GET /api/dashboard?municipality=&stage=`: one row per act in use (archived ones are left out) with its stage, days in it and what is due. */
export function registerDashboardRoutes(app: FastifyInstance, workspace: Workspace): void {
  app.get('/api/dashboard', { config: { access: 'read' } }, async (request, reply) => {
    const query = DashboardQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send(validationError(query.error));
    const definition = workspace.workflow.definition();
    const { stage, municipality } = query.data;
    const stageIds = definition.stages.map((s) => s.id);
    if (stage && !stageIds.includes(stage)) {
      return reply.code(400).send(apiError('bad_request', `Invalid stage '${stage.slice(0, 40)}': expected one of ${stageIds.join(', ')}`));
    }
    const rows = dashboardRows((doc) => workspace.workflow.definition(doc.adoptingBody), workspace.documents.list().map(workspace.documents.withTextTitle), workspace.workflow.histories(), { stage, municipality }, new Date());
    return { rows };
  });
}
