import type { FastifyInstance } from 'fastify';
import { CreateBlankDocument, CreateDocumentFromTemplate, DocumentListQuery, RenameDocumentRequest, type DocumentSummary } from '../../../shared/api/documents';
import { apiError, validationError } from '../../../shared/api/errors';
import { parseDocId } from '../../../shared/ids';
import { renderPlainText } from '../../../shared/model/plainText';
import type { Workspace } from '../../workspace';
import { memberOf } from '../access';
import { EditionQuery } from '../../../shared/api/amendments';
import { editionText } from '../../amendments/editionText';
import { createActLifecycle, type LifecycleOutcome } from '../../services/actLifecycle';
import type { FastifyReply } from 'fastify';

/** The document routes: list, create (blank or from a template), read, rename, archive, restore, text and model. */
export function registerDocumentRoutes(app: FastifyInstance, workspace: Workspace): void {
  const { documents } = workspace;
  const lifecycle = createActLifecycle(workspace);
  const answer = (reply: FastifyReply, outcome: LifecycleOutcome) =>
    outcome.ok ? outcome.value : reply.code(outcome.error.status).send(apiError(outcome.error.code, outcome.error.message));

  const findDocument = (raw: string): { doc: DocumentSummary; error?: undefined } | { doc?: undefined; error: string } => {
    const id = parseDocId(raw);
    if (!id.ok) return { error: id.error };
    const doc = documents.get(id.value);
    return doc ? { doc } : { error: `Unknown document '${id.value}'` };
  };

  // The list shows each act's title as its text has it, so two acts made from one template differ (issue 15).
  app.get('/api/documents', { config: { access: 'read' } }, async (request, reply) => {
    const query = DocumentListQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send(validationError(query.error));
    return { documents: documents.list({ archived: query.data.archived === 'true' }).map(documents.withTextTitle) };
  });

  app.post('/api/documents', { config: { access: 'createDocument' } }, async (request, reply) => {
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return reply.code(400).send(apiError('bad_request', 'Expected a JSON object { title, language } or { templateId, language, municipality, values }'));
    }
    const schema = 'templateId' in body ? CreateDocumentFromTemplate : CreateBlankDocument;
    const parsed = schema.safeParse(body);
    if (!parsed.success) return reply.code(400).send(validationError(parsed.error));
    const created = documents.create(parsed.data, memberOf(request));
    if (!created.ok) return reply.code(400).send(apiError('bad_request', created.error));
    return reply.code(201).send(created.value);
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id', { config: { access: 'read' } }, async (request, reply) => {
    const found = findDocument(request.params.id);
    return found.doc ? documents.withTextTitle(found.doc) : reply.code(404).send(apiError('not_found', found.error, { resource: 'document' }));
  });

  // Renaming edits the act's text, so it needs the right to edit it (issue 15).
  app.patch<{ Params: { id: string } }>('/api/documents/:id', { config: { access: 'editText' } }, async (request, reply) => {
    const found = findDocument(request.params.id);
    if (!found.doc) return reply.code(404).send(apiError('not_found', found.error, { resource: 'document' }));
    const body = RenameDocumentRequest.safeParse(request.body);
    if (!body.success) return reply.code(400).send(validationError(body.error));
    return answer(reply, lifecycle.rename(found.doc.id, body.data.title, memberOf(request)));
  });

  app.post<{ Params: { id: string } }>('/api/documents/:id/archive', { config: { access: 'archiveDocument' } }, async (request, reply) => {
    const found = findDocument(request.params.id);
    if (!found.doc) return reply.code(404).send(apiError('not_found', found.error, { resource: 'document' }));
    return answer(reply, lifecycle.archive(found.doc.id, memberOf(request)));
  });

  app.post<{ Params: { id: string } }>('/api/documents/:id/restore', { config: { access: 'archiveDocument' } }, async (request, reply) => {
    const found = findDocument(request.params.id);
    if (!found.doc) return reply.code(404).send(apiError('not_found', found.error, { resource: 'document' }));
    return answer(reply, lifecycle.restore(found.doc.id, memberOf(request)));
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/text', { config: { access: 'read' } }, async (request, reply) => {
    const found = findDocument(request.params.id);
    if (!found.doc) return reply.code(404).send(apiError('not_found', found.error, { resource: 'document' }));
    // ?edition=N: a consolidated edition of an act in force, with its edition note first (issue 13, §4).
    const query = EditionQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send(validationError(query.error));
    if (query.data.edition !== undefined) {
      const text = editionText(workspace.amendments, found.doc.id, query.data.edition);
      if (text === null) return reply.code(404).send(apiError('not_found', `Document '${found.doc.id}' has no edition ${query.data.edition}: expected a number from GET /api/documents/${found.doc.id}/editions`));
      return reply.type('text/plain; charset=utf-8').send(text);
    }
    const model = documents.model(found.doc.id);
    return reply.type('text/plain; charset=utf-8').send(model ? renderPlainText(model) : '');
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/model', { config: { access: 'read' } }, async (request, reply) => {
    const found = findDocument(request.params.id);
    if (!found.doc) return reply.code(404).send(apiError('not_found', found.error, { resource: 'document' }));
    return documents.model(found.doc.id);
  });
}
