import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import { apiError } from '../../shared/api/errors';
import type { Member } from '../../shared/api/members';
import { SERVER_DEFAULTS, type ServerOptions } from '../config';
import type { Workspace } from '../workspace';
import { may, type Permission } from '../auth/permissions';
import { registerDocumentRoutes } from './routes/documentRoutes';
import { registerTemplateRoutes } from './routes/templateRoutes';
import { registerMemberRoutes } from './routes/memberRoutes';
import { registerExportRoutes } from './routes/exportRoutes';
import { registerWorkflowRoutes } from './routes/workflowRoutes';
import { registerVersionRoutes } from './routes/versionRoutes';
import { registerDashboardRoutes } from './routes/dashboardRoutes';
import { registerAuditRoutes } from './routes/auditRoutes';
import { registerEventsRoutes } from './routes/eventsRoutes';
import { registerCommentRoutes } from './routes/commentRoutes';
import { registerReviewRoutes } from './routes/reviewRoutes';
import { SERVER_VERSION } from '../version';

declare module 'fastify' {
  interface FastifyRequest {
    member: Member | null;
  }
}

/** Answers with a permission refusal unless the request's member has the permission; returns whether it may go on. */
export function requirePermission(request: FastifyRequest, reply: FastifyReply, permission: Permission): boolean {
  const role = request.member?.role;
  if (role && may(role, permission)) return true;
  void reply.code(403).send(apiError('forbidden', `Your role '${role ?? 'none'}' lacks the permission '${permission}'`));
  return false;
}

/**
 * Builds the HTTP side of a workspace server: the JSON API under /api (bearer-token auth, schema-checked
 * bodies, JSON errors) and, when built, the renderer as a web app.
 */
export async function buildApp(workspace: Workspace, options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: SERVER_DEFAULTS.maxBodyBytes, logger: false, trustProxy: false });
  app.decorateRequest('member', null);

  await app.register(rateLimit, {
    max: options.apiRequestsPerMinute ?? SERVER_DEFAULTS.apiRequestsPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, context) => ({ statusCode: 429, ...apiError('rate_limited', `Too many requests: at most ${context.max} a minute from one address`) }),
  });

  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin && (options.allowedOrigins ?? []).includes(origin)) {
      void reply.header('Access-Control-Allow-Origin', origin).header('Vary', 'Origin');
    }
    if (!request.url.startsWith('/api/') || request.url === '/api/health') return;
    if (request.method === 'OPTIONS') return;
    const header = request.headers.authorization ?? '';
    // EventSource cannot send headers, so the events stream alone may carry the token as ?token= (issue 4).
    const queryToken = request.routeOptions.url === '/api/events' ? (request.query as { token?: unknown }).token : undefined;
    const token = /^Bearer (.+)$/.exec(header)?.[1] ?? (typeof queryToken === 'string' ? queryToken : undefined);
    request.member = workspace.members.authenticate(token);
    if (!request.member) return reply.code(401).send(apiError('unauthorized', 'Missing or invalid token: expected the header Authorization: Bearer <token>'));
  });

  app.options('/api/*', async (request, reply) => {
    return reply
      .header('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE')
      .header('Access-Control-Allow-Headers', 'Authorization, Content-Type')
      .code(204)
      .send();
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) return reply.code(413).send(apiError('payload_too_large', `Request body too large: at most ${SERVER_DEFAULTS.maxBodyBytes} bytes`));
    if (status === 429) return reply.code(429).send(error);
    if (status >= 400 && status < 500) return reply.code(status).send(apiError('bad_request', `Bad request: ${error.message}`));
    workspace.log(`[api] ${request.method} ${request.url} failed: ${error.message}`);
    return reply.code(500).send(apiError('internal', 'The server could not complete this request; nothing was changed'));
  });

  app.get('/api/health', async () => ({ ok: true, version: SERVER_VERSION }));
  registerDocumentRoutes(app, workspace);
  registerTemplateRoutes(app, workspace);
  registerMemberRoutes(app, workspace);
  registerExportRoutes(app, workspace);
  registerWorkflowRoutes(app, workspace);
  registerVersionRoutes(app, workspace);
  registerDashboardRoutes(app, workspace);
  registerAuditRoutes(app, workspace);
  registerEventsRoutes(app, workspace);
  registerCommentRoutes(app, workspace);
  registerReviewRoutes(app, workspace);

  const rendererDir = options.rendererDir;
  const hasRenderer = rendererDir !== undefined && existsSync(rendererDir);
  if (hasRenderer) await app.register(fastifyStatic, { root: rendererDir, index: 'index.html', wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any page that is not an API or a file gets index.html.
    if (hasRenderer && request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/sync/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send(apiError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
  });

  app.server.on('upgrade', (request, socket, head) => workspace.sync.handleUpgrade(request, socket, head));
  return app;
}
