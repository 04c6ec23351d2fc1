import type { FastifyInstance, FastifyReply } from 'fastify';
import { AmendingActQuery, EditionDiffQuery, StartRevisionRequest } from '../../../shared/api/amendments';
import { apiError, validationError } from '../../../shared/api/errors';
import type { ExportContext } from '../../../shared/model/exportContext';
import { diffModels } from '../../../shared/model/diffModels';
import type { DocumentModel } from '../../../shared/model/documentModel';
import { exportDocx } from '../../export/docx/exportDocx';
import { contentDisposition, exportFileName } from '../../export/fileName';
import type { Workspace } from '../../workspace';
import { memberOf } from '../access';
import { documentOr404 } from './workflowRouteHelpers';

type IdParams = { Params: { id: string } };
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Issue 13, §4: start a revision of an act in force, read the amending act derived from it, and read, compare
 * and export the act's consolidated editions. The edition text itself is `GET /api/documents/:id/text?edition=N`.
 */
export function registerAmendmentRoutes(app: FastifyInstance, workspace: Workspace): void {
  const { amendments } = workspace;

  const sendDocx = async (reply: FastifyReply, docId: string, model: DocumentModel, adoption: ExportContext['adoption'] | null) => {
    const context: ExportContext = { municipality: workspace.documents.get(docId)?.municipality ?? '', exportedAt: new Date().toISOString(), ...(adoption ? { adoption } : {}) };
    const bytes = await exportDocx(model, context);
    return reply.type(DOCX).header('Content-Disposition', contentDisposition(exportFileName(model, 'docx', context))).send(Buffer.from(bytes));
  };

  app.post<IdParams>('/api/documents/:id/revisions', { config: { access: 'createDocument' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const body = StartRevisionRequest.safeParse(request.body ?? {});
    if (!body.success) return reply.code(400).send(validationError(body.error));
    const started = amendments.start(doc.id, body.data.repeal ?? false, memberOf(request));
    if (!started.ok) return reply.code(started.status).send(apiError(started.code, started.message));
    workspace.log(`[amendments] ${memberOf(request).name} started revision ${started.value.id} of ${doc.id}`);
    return reply.code(201).send(started.value);
  });

  app.get<IdParams>('/api/documents/:id/revisions', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    return { revisions: amendments.revisionsOf(doc.id) };
  });

  app.get<IdParams>('/api/documents/:id/revision', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const info = amendments.revisionInfo(doc.id);
    return info ?? reply.code(404).send(apiError('not_a_revision', `Document '${doc.id}' is not a revision of an act in force`));
  });

  app.get<IdParams>('/api/documents/:id/amending-act', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const query = AmendingActQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send(validationError(query.error));
    const act = amendments.amendingAct(doc.id);
    if (!act) return reply.code(404).send(apiError('not_a_revision', `Document '${doc.id}' is not a revision of an act in force, so it has no amending act`));
    if (query.data.format === 'docx') return sendDocx(reply, doc.id, act.model, workspace.workflow.adoptionRecord(doc.id));
    return { model: act.model, text: act.text, changes: act.changes };
  });

  app.get<IdParams>('/api/documents/:id/editions', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    return amendments.editions(doc.id);
  });

  const editionOr404 = (docId: string, n: number, reply: FastifyReply): DocumentModel | null => {
    const model = amendments.editionModel(docId, n);
    if (!model) void reply.code(404).send(apiError('not_found', `Document '${docId}' has no edition ${n}: expected a number from GET /api/documents/${docId}/editions`));
    return model;
  };

  app.get<IdParams>('/api/documents/:id/editions/diff', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const query = EditionDiffQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send(validationError(query.error));
    const from = editionOr404(doc.id, query.data.from, reply);
    const to = from && editionOr404(doc.id, query.data.to, reply);
    return from && to ? diffModels(from, to) : reply;
  });

  app.get<{ Params: { id: string; n: string } }>('/api/documents/:id/editions/:n/export.docx', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const n = /^\d{1,6}$/.test(request.params.n) ? Number(request.params.n) : NaN;
    if (!Number.isInteger(n) || n < 1) return reply.code(400).send(apiError('bad_request', `Invalid edition '${request.params.n.slice(0, 20)}': expected a whole number from 1`));
    const model = editionOr404(doc.id, n, reply);
    return model ? sendDocx(reply, doc.id, model, workspace.workflow.adoptionRecord(doc.id)) : reply;
  });

  app.get('/api/acts-in-force', { config: { access: 'read' } }, async () => ({ acts: amendments.actsInForce() }));
}
