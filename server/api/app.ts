import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { apiError } from '../../shared/api/errors';
import { SERVER_DEFAULTS, type ServerOptions } from '../config';
import type { Workspace } from '../workspace';
import { decodedPath } from './decodedPath';
import { accessHook, publicFilesContext, requireAccessDeclarations } from './access';
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
import { registerSuggestionRoutes } from './routes/suggestionRoutes';
import { registerChangeRoutes } from './routes/changeRoutes';
import { registerNoteRoutes } from './routes/noteRoutes';
import { registerReadinessRoutes } from './routes/readinessRoutes';
import { registerAmendmentRoutes } from './routes/amendmentRoutes';
import { registerSnapshotRoutes } from './routes/snapshotRoutes';
import { SERVER_VERSION } from '../version';
import { registerCompression, staticCacheHeaders, TRANSFER_DEFAULTS } from './transfer';

/**
 * Builds the HTTP side of a workspace server: the JSON API under /api (bearer-token auth, schema-checked
 * bodies, JSON errors) and, when built, the renderer as a web app.
 */
export async function buildApp(workspace: Workspace, options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: SERVER_DEFAULTS.maxBodyBytes,
    requestTimeout: SERVER_DEFAULTS.requestTimeoutMs,
    logger: false,
    trustProxy: false,
    // A JSON body with __proto__ or constructor.prototype keys is refused (400), never merged.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  app.decorateRequest('member', null);
  // Before any route: the compression hook attaches to routes as they are registered (transfer.ts).
  await registerCompression(app);

  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin && (options.allowedOrigins ?? []).includes(origin)) {
      void reply.header('Access-Control-Allow-Origin', origin).header('Vary', 'Origin');
    }
  });
  requireAccessDeclarations(app);
  // Limits count after authentication, per member, and rejected tokens per address (authLimiter.ts):
  // @fastify/rate-limit keyed every request by address, which an office behind one address shares.
  app.addHook('onRequest', accessHook(workspace.members, workspace.limits));

  app.options('/api/*', { config: { access: 'public' } }, async (request, reply) => {
    return reply
      .header('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE')
      .header('Access-Control-Allow-Headers', 'Authorization, Content-Type')
      .code(204)
      .send();
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) return reply.code(413).send(apiError('payload_too_large', `Request body too large: at most ${SERVER_DEFAULTS.maxBodyBytes} bytes`, { limitBytes: SERVER_DEFAULTS.maxBodyBytes }));
    if (status >= 400 && status < 500) return reply.code(status).send(apiError('bad_request', `Bad request: ${error.message}`));
    workspace.log(`[api] ${request.method} ${request.url} failed: ${error.message}`);
    return reply.code(500).send(apiError('internal', 'The server could not complete this request; nothing was changed'));
  });

  app.get('/api/health', { config: { access: 'public' } }, async () => ({ ok: true, version: SERVER_VERSION }));
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
  registerSuggestionRoutes(app, workspace);
  registerChangeRoutes(app, workspace);
  registerNoteRoutes(app, workspace);
  registerReadinessRoutes(app, workspace);
  registerAmendmentRoutes(app, workspace);
  registerSnapshotRoutes(app, workspace);

  const rendererDir = options.rendererDir;
  const indexHtml = rendererDir !== undefined && existsSync(join(rendererDir, 'index.html')) ? readFileSync(join(rendererDir, 'index.html')) : null;
  if (rendererDir !== undefined && indexHtml) {
    // The built web app's files are public; their routes are marked so in their own context.
    await app.register(async (files) => {
      publicFilesContext(files);
      await files.register(fastifyStatic, {
        root: rendererDir,
        // An array: with preCompressed on, @fastify/static 10.1 finds a directory's index only in an array, and
        // a string would send `/` to the fallback below, which has no ETag.
        index: ['index.html'],
        wildcard: false,
        // Cache-Control is ours (immutable for hashed assets, no-cache otherwise); ETag and Last-Modified stay,
        // so a revalidation of an unchanged page is a 304 with no body.
        cacheControl: false,
        // The build writes Brotli 11 and gzip 9 variants of the scripts and styles (renderer/vite.config.ts): sent
        // as they are, smaller than per-request compression and with no CPU per request; other files fall back to
        // per-request compression.
        preCompressed: true,
        setHeaders: staticCacheHeaders(rendererDir),
      });
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any page that is not an API or a file gets index.html.
    const path = decodedPath(request.url);
    if (indexHtml && request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/sync/')) {
      return reply.type('text/html; charset=utf-8').header('Cache-Control', TRANSFER_DEFAULTS.revalidateCacheControl).send(indexHtml);
    }
    return reply.code(404).send(apiError('not_found', `No route ${request.method} ${path.slice(0, 200)}`));
  });

  // A raw upgrade runs outside Fastify's error handling: the sync server catches its own errors, and this is
  // the last guard, so one bad request costs at most its own socket (issue 11).
  app.server.on('upgrade', (request, socket, head) => {
    try {
      workspace.sync.handleUpgrade(request, socket, head);
    } catch (error) {
      workspace.log(`[sync] upgrade ${String(request.url).slice(0, 200)} failed: ${(error as Error).message}`);
      socket.destroy();
    }
  });
  return app;
}
