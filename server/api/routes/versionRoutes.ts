import type { FastifyInstance } from 'fastify';
import { apiError, validationError } from '../../../shared/api/errors';
import { DiffQuery, SaveVersionRequest } from '../../../shared/api/workflow';
import { compareVersions } from '../../versions/compareVersions';
import { historyBetween } from '../../attribution/changeService';
import type { Workspace } from '../../workspace';
import { memberOf } from '../access';
import { documentOr404 } from './workflowRouteHelpers';

type VersionParams = { Params: { id: string; versionId: string } };

/**
 * The version routes (issue 4): list a document's frozen versions, save one by hand, read a version's
 * model or (for those who may edit the text) its exact Yjs state, and compare two versions (or a version and
 * now) article by article.
 */
export function registerVersionRoutes(app: FastifyInstance, workspace: Workspace): void {
  const { versions, documents } = workspace;

  app.get<{ Params: { id: string } }>('/api/documents/:id/versions', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    return { versions: versions.list(doc.id) };
  });

  app.post<{ Params: { id: string } }>('/api/documents/:id/versions', { config: { access: 'saveVersion' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const body = SaveVersionRequest.safeParse(request.body);
    if (!body.success) return reply.code(400).send(validationError(body.error));
    const version = versions.save(doc.id, body.data.name, memberOf(request));
    workspace.log(`[versions] ${memberOf(request).name} saved version ${version.number} of ${doc.id}`);
    return reply.code(201).send(version);
  });

  const versionOr404 = (docId: string, versionId: string) => {
    const version = versions.get(docId, versionId);
    return version ? null : apiError('not_found', `Unknown version '${versionId.slice(0, 80)}' of document '${docId}': expected an id from GET /api/documents/${docId}/versions`);
  };

  app.get<VersionParams>('/api/documents/:id/versions/:versionId/model', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const missing = versionOr404(doc.id, request.params.versionId);
    if (missing) return reply.code(404).send(missing);
    return versions.model(doc.id, request.params.versionId);
  });

  // The exact Yjs state keeps deleted text (the documents keep their history on purpose), so it is for those
  // who may edit the text; observers and reviewers read the version's model (issue 11, point 10).
  app.get<VersionParams>('/api/documents/:id/versions/:versionId/state', { config: { access: 'editText' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const missing = versionOr404(doc.id, request.params.versionId);
    if (missing) return reply.code(404).send(missing);
    return reply.type('application/octet-stream').send(Buffer.from(versions.state(doc.id, request.params.versionId)!));
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/diff', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const query = DiffQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send(validationError(query.error));
    const diff = compareVersions(documents, versions, doc.id, query.data.from, query.data.to, historyBetween(workspace.changes, doc.id));
    return diff.ok ? diff.value : reply.code(404).send(apiError('not_found', diff.error));
  });
}
