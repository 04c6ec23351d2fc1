import type { FastifyInstance } from 'fastify';
import { apiError } from '../../../shared/api/errors';
import { IMPORT_CHANGES_MAX_BYTES, UPDATE_FILE_MEDIA_TYPE } from '../../../shared/api/updateFiles';
import { contentDisposition, safeBaseName } from '../../export/fileName';
import { exportChanges, parseSince } from '../../updateFiles/exportChanges';
import { importChanges } from '../../updateFiles/importChanges';
import type { Workspace } from '../../workspace';
import { memberOf } from '../access';
import { documentOr404 } from './workflowRouteHelpers';

/**
 * Work carried by hand (issue 14, part 4; the contract is in shared/api/updateFiles.ts): load a member's
 * `.sajaro` file, and save an act for a member offline. The file body is raw bytes up to 50 MB, parsed only
 * in this scope, so the rest of the API keeps its JSON bodies and 1 MiB limit.
 */
export function registerUpdateFileRoutes(app: FastifyInstance, workspace: Workspace): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser(UPDATE_FILE_MEDIA_TYPE, { parseAs: 'buffer', bodyLimit: IMPORT_CHANGES_MAX_BYTES }, (_request, body, done) => done(null, body));
    // The 50 MB limit belongs to the file's parser only (a route's bodyLimit would raise it for JSON too).
    scope.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
      if (error.statusCode === 413 && request.headers['content-type'] === UPDATE_FILE_MEDIA_TYPE) return reply.code(413).send(apiError('payload_too_large', `The file is too large: at most ${IMPORT_CHANGES_MAX_BYTES} bytes`, { limitBytes: IMPORT_CHANGES_MAX_BYTES }));
      if (error.statusCode === 415) return reply.code(400).send(apiError('bad_update_file', `Expected the .sajaro file as ${UPDATE_FILE_MEDIA_TYPE}`));
      throw error;
    });

    // Every member may load their own file; whose file it is can be read only from the file (importChanges).
    scope.post('/api/documents/import-changes', { config: { access: 'read' } }, async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) return reply.code(400).send(apiError('bad_update_file', `Expected the .sajaro file as ${UPDATE_FILE_MEDIA_TYPE}`));
      const result = importChanges(workspace, memberOf(request), new Uint8Array(request.body));
      if (result.ok) return result.value;
      const { status, code, message } = result.error;
      return reply.code(status).send(code === 'forbidden' ? apiError('forbidden', message, { permission: 'manageMembers', role: memberOf(request).role }) : apiError('bad_update_file', message));
    });
  });

  // Raw Yjs updates keep deleted text, so they are for members who may edit, as a version's state is.
  app.get<{ Params: { id: string }; Querystring: { since?: string } }>('/api/documents/:id/export-changes', { config: { access: 'editText' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const since = parseSince(request.query.since);
    if (!since.ok) return reply.code(400).send(apiError('bad_request', since.error));
    const bytes = exportChanges(workspace, memberOf(request), doc.id, since.value);
    return reply.type(UPDATE_FILE_MEDIA_TYPE).header('Content-Disposition', contentDisposition(`${safeBaseName(doc.title)}.sajaro`)).send(Buffer.from(bytes));
  });
}
