import type { FastifyReply } from 'fastify';
import type { DocumentSummary } from '../../../shared/api/documents';
import { apiError } from '../../../shared/api/errors';
import { parseDocId } from '../../../shared/ids';
import type { Workspace } from '../../workspace';

/**
 * The document a route's `:id` names, or null after answering 404 with a sentence naming the bad id. Used
 * by the workflow, version and audit routes (issue 4).
 */
export function documentOr404(workspace: Workspace, raw: string, reply: FastifyReply): DocumentSummary | null {
  const id = parseDocId(raw);
  const doc = id.ok ? workspace.documents.get(id.value) : null;
  if (doc) return doc;
  void reply.code(404).send(apiError('not_found', id.ok ? `Unknown document '${id.value}': expected the id of a document from GET /api/documents` : id.error, { resource: 'document' }));
  return null;
}
