import type { FastifyInstance } from 'fastify';
import { SaveTemplateRequest } from '../../../shared/api/documents';
import { apiError, validationError } from '../../../shared/api/errors';
import { templateFromModel } from '../../../shared/templates/templateFromModel';
import { saveTemplateRecorded } from '../../templates/recordTemplate';
import type { Workspace } from '../../workspace';
import { memberOf } from '../access';

/** The template routes: the library with its load errors, and saving a document as a template. */
export function registerTemplateRoutes(app: FastifyInstance, workspace: Workspace): void {
  app.get('/api/templates', { config: { access: 'read' } }, async () => workspace.templates.list());

  app.post('/api/templates', { config: { access: 'manageTemplates' } }, async (request, reply) => {
    const parsed = SaveTemplateRequest.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(validationError(parsed.error));
    const { fromDocumentId, id, title } = parsed.data;
    const doc = workspace.documents.get(fromDocumentId);
    if (!doc) return reply.code(404).send(apiError('not_found', `Unknown document '${fromDocumentId}'`));
    if (workspace.templates.get(id)) return reply.code(409).send(apiError('conflict', `A template with id '${id}' already exists: choose another id`));
    const model = workspace.documents.model(doc.id);
    if (!model) return reply.code(404).send(apiError('not_found', `Unknown document '${fromDocumentId}'`));
    const template = templateFromModel(model, id, typeof title === 'string' ? { ka: title, en: title } : title);
    saveTemplateRecorded(workspace.db, workspace.templates, template, { fromDocumentId: doc.id, actor: memberOf(request) });
    const summary = workspace.templates.list().templates.find((t) => t.id === id);
    return reply.code(201).send(summary);
  });
}
