import type { FastifyReply } from 'fastify';
import type { DocumentSummary } from '../../shared/api/documents';
import { apiError } from '../../shared/api/errors';
import { parseDocId } from '../../shared/ids';
import type { Workspace } from '../workspace';

/** The HTTP status of each kind of refusal a review service gives. */
const STATUS = { not_found: 404, conflict: 409, bad_request: 400, text_changed: 409 } as const;

/** The document a route's `:id` names, or null after answering 404. */
export function documentOr404(workspace: Workspace, raw: string, reply: FastifyReply): DocumentSummary | null {
  const id = parseDocId(raw);
  const doc = id.ok ? workspace.documents.get(id.value) : null;
  if (doc) return doc;
  void reply.code(404).send(apiError('not_found', id.ok ? `Unknown document '${id.value}'` : id.error, { resource: 'document' }));
  return null;
}

/** Answers a service's refusal with its status and sentence. */
export function sendRefusal(reply: FastifyReply, failure: { readonly code: keyof typeof STATUS; readonly error: string }): FastifyReply {
  return reply.code(STATUS[failure.code]).send(apiError(failure.code, failure.error));
}
