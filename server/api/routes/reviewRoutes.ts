import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import { validationError } from '../../../shared/api/errors';
import { ReviewRequest, type ReviewsResponse } from '../../../shared/api/review';
import { legalReviewBlockers } from '../../review/legalReviewGate';
import { documentOr404, sendRefusal } from '../../review/routeHelpers';
import type { Workspace } from '../../workspace';
import { memberOf } from '../access';
import { endEventStream, type StreamEndReason } from '../../auth/memberStreams';

/** The review stream's settings, named once. */
export const REVIEW_STREAM_DEFAULTS = {
  /** A comment line this often keeps proxies and idle timers from closing a quiet stream. */
  keepAliveMs: 25_000,
} as const;

/**
 * Lawyers' sign-off per article (issue 5): `GET /api/documents/:id/reviews`, `PUT
 * /api/documents/:id/reviews/:articleKey`, and `GET /api/documents/:id/review/events`, a stream of
 * Server-Sent Events ("comments" or "reviews") that tells open clients to read the review data again.
 */
export function registerReviewRoutes(app: FastifyInstance, workspace: Workspace): void {
  const { review } = workspace;

  app.get<{ Params: { id: string } }>('/api/documents/:id/reviews', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const body: ReviewsResponse = { articles: review.reviews.articles(doc.id), blockers: legalReviewBlockers(workspace, doc.id)?.message ?? null };
    return body;
  });

  app.put<{ Params: { id: string; articleKey: string } }>('/api/documents/:id/reviews/:articleKey', { config: { access: 'review' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const parsed = ReviewRequest.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(validationError(parsed.error));
    const member = memberOf(request);
    const result = review.reviews.decide(doc.id, request.params.articleKey, parsed.data, { id: member.id, name: member.name });
    return result.ok ? result.value : sendRefusal(reply, result);
  });

  const streams = new Set<ServerResponse>();
  // Open streams would keep the server from closing.
  app.addHook('preClose', async () => {
    for (const stream of streams) endEventStream(stream, 'shutdown');
    streams.clear();
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/review/events', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const member = memberOf(request);
    reply.hijack();
    const stream = reply.raw;
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) stream.setHeader(name, value);
    stream.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    streams.add(stream);
    // A stream the client has gone from must not be written to: Node would emit an error no one catches.
    const write = (chunk: string) => {
      if (!stream.writableEnded && !stream.destroyed) stream.write(chunk);
    };
    const keepAlive = setInterval(() => write(': keep-alive\n\n'), REVIEW_STREAM_DEFAULTS.keepAliveMs);
    const stop = (): void => {
      clearInterval(keepAlive);
      unsubscribe();
      unregister();
      streams.delete(stream);
    };
    const end = (reason: StreamEndReason): void => {
      stop();
      endEventStream(stream, reason);
    };
    const unsubscribe = review.events.subscribe(doc.id, (change) => {
      // Revocation ends the stream at once (memberStreams); this catches a token revoked in between.
      if (!workspace.members.get(member.id)) return end('revoked');
      write(`event: ${change}\ndata: {"change":"${change}"}\n\n`);
    });
    const unregister = workspace.memberStreams.add(member.id, end);
    request.raw.on('close', stop);
    stream.on('error', stop);
    write('event: ready\ndata: {}\n\n');
  });
}
