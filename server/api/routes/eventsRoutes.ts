import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { WorkspaceEvent } from '../../../shared/api/workflow';
import type { Workspace } from '../../workspace';
import { memberOf } from '../access';
import { endEventStream, type StreamEndReason } from '../../auth/memberStreams';

/** The events stream's settings, named once. */
export const EVENTS_DEFAULTS = {
  /** A comment line this often keeps proxies and idle timers from closing a quiet stream. */
  keepAliveMs: 25_000,
  /** How soon EventSource reconnects after the stream dropped. */
  retryMs: 2_000,
} as const;

/**
 * `GET /api/events`: Server-Sent Events that tell every open client what changed in the workspace (a stage,
 * a version, a new act), so a stage change shows everywhere without a reload (issue 4). EventSource cannot
 * send headers, so this one route also takes the member's token as `?token=` (app.ts), as /sync does. The
 * events name only ids and stages; clients read the details through the API with their own permissions.
 */
export function registerEventsRoutes(app: FastifyInstance, workspace: Workspace): void {
  const streams = new Set<ServerResponse>();
  // Open streams would keep the server from closing.
  app.addHook('preClose', async () => {
    for (const stream of streams) endEventStream(stream, 'shutdown');
    streams.clear();
  });

  app.get('/api/events', { config: { access: 'read', tokenInQuery: true } }, async (request, reply) => {
    const member = memberOf(request);
    reply.hijack();
    const stream = reply.raw;
    // Hijacked, the reply sends nothing itself: carry over what the hooks set (CORS, rate-limit headers).
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) stream.setHeader(name, value);
    stream.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    streams.add(stream);
    let unsubscribe = (): void => undefined;
    let unregister = (): void => undefined;
    const stop = () => {
      clearInterval(keepAlive);
      unsubscribe();
      unregister();
      streams.delete(stream);
    };
    const end = (reason: StreamEndReason) => {
      stop();
      endEventStream(stream, reason);
    };
    const send = (event: WorkspaceEvent) => {
      // Revocation ends the stream at once (memberStreams); this catches a token revoked in between.
      if (!workspace.members.get(member.id)) return end('revoked');
      write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    };
    // A stream the client has gone from must not be written to: Node would emit an error no one catches.
    const write = (chunk: string) => {
      if (!stream.writableEnded && !stream.destroyed) stream.write(chunk);
    };
    stream.on('error', stop);
    unsubscribe = workspace.events.subscribe(send);
    unregister = workspace.memberStreams.add(member.id, end);
    const keepAlive = setInterval(() => write(': keep-alive\n\n'), EVENTS_DEFAULTS.keepAliveMs);
    request.raw.on('close', stop);
    write(`retry: ${EVENTS_DEFAULTS.retryMs}\nevent: ready\ndata: {}\n\n`);
  });
}
