import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { apiError } from '../../shared/api/errors';
import type { Member } from '../../shared/api/members';
import { invariant } from '../../shared/parsed';
import { may, PERMISSIONS, type Permission } from '../auth/permissions';
import type { MemberRegistry } from '../auth/members';
import type { AccessLimits, LimitRefusal } from '../auth/authLimiter';

/**
 * Who may call a route, declared in the route's own options (`{ config: { access } }`):
 * - `'public'`: anyone, with no token;
 * - `'member'`: any member with a valid token; the handler decides per act (e.g. comments by stage);
 * - a permission: members whose role has it.
 * Authentication is decided on the route the router matched, never on the raw request target: the router
 * decodes percent-escapes and strips absolute-form targets, a string test on `request.url` does not (issue 11).
 */
export type RouteAccess = 'public' | 'member' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** EventSource cannot send headers, so a stream route may take the token as `?token=` as well. */
    tokenInQuery?: boolean;
  }
  interface FastifyRequest {
    /** The authenticated member; set on every route that is not public. */
    member: Member | null;
  }
}

/** True when the value is a valid access declaration. */
export function isRouteAccess(value: unknown): value is RouteAccess {
  return value === 'public' || value === 'member' || (typeof value === 'string' && Object.hasOwn(PERMISSIONS, value));
}

/** Marks a context whose routes all serve public files (the built web app). */
const PUBLIC_FILES = 'servesPublicFiles';

/**
 * Makes every route declare its access: a route registered without one fails to register, with a sentence
 * naming it. Routes registered in a context made by `publicFilesContext` (the renderer's static files) are
 * public, since @fastify/static takes no route config.
 */
export function requireAccessDeclarations(app: FastifyInstance): void {
  app.addHook('onRoute', function (this: FastifyInstance, route: RouteOptions) {
    if (this.hasDecorator(PUBLIC_FILES)) {
      route.config = { ...route.config, access: 'public' };
      return;
    }
    const access = (route.config as { access?: unknown } | undefined)?.access;
    if (!isRouteAccess(access)) {
      const methods = Array.isArray(route.method) ? route.method.join(',') : route.method;
      throw new Error(
        `Route ${methods} ${route.url} declares no valid access (${JSON.stringify(access)}): expected config.access 'public', 'member' or one of ${Object.keys(PERMISSIONS).join(', ')}`,
      );
    }
  });
}

/** Marks an encapsulated context as serving public files only; call it first inside that plugin. */
export function publicFilesContext(app: FastifyInstance): void {
  app.decorate(PUBLIC_FILES, true);
}

/**
 * The onRequest hook that enforces each matched route's declaration: 401 without a valid token, 403 without
 * the permission. A request that matched no route gets no authentication work at all; the not-found handler
 * answers it. With `limits`, a rejected token counts against the caller's address and an authenticated
 * request against its member (429 beyond either; authLimiter.ts).
 */
export function accessHook(members: MemberRegistry, limits?: AccessLimits) {
  return async (request: FastifyRequest, reply: import('fastify').FastifyReply) => {
    // No route matched: the not-found handler answers (404 JSON, or the web app's page), with no act data.
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    // Deny by default: registration already refuses a route without a declaration; this is the second lock.
    if (!isRouteAccess(access)) return reply.code(403).send(apiError('forbidden', 'This route declares no access'));
    if (access === 'public') return;
    request.member = members.authenticate(requestToken(request));
    if (!request.member) {
      const limited = limits?.tokenRejected(request.ip);
      if (limited) return sendRefusal(reply, limited);
      return reply.code(401).send(apiError('unauthorized', 'Missing or invalid token: expected the header Authorization: Bearer <token>'));
    }
    const over = limits?.apiRequest(request.member.id);
    if (over) return sendRefusal(reply, over);
    if (access !== 'member' && !may(request.member.role, access)) {
      return reply.code(403).send(apiError('forbidden', `Your role '${request.member.role}' lacks the permission '${access}'`, { permission: access, role: request.member.role }));
    }
  };
}

function sendRefusal(reply: import('fastify').FastifyReply, refusal: LimitRefusal) {
  return reply.code(refusal.status).header('Retry-After', String(refusal.retryAfterSeconds)).send(refusal.body);
}

/** The token a request carries: the bearer header, or `?token=` on routes that declare `tokenInQuery`. */
export function requestToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization ?? '';
  const bearer = /^Bearer ([^\s]+)$/.exec(header)?.[1];
  if (bearer) return bearer;
  if (!request.routeOptions.config.tokenInQuery) return undefined;
  const query = request.query as { token?: unknown } | undefined;
  return typeof query?.token === 'string' ? query.token : undefined;
}

/** The member of a request on a non-public route; the access hook has set it. */
export function memberOf(request: FastifyRequest): Member {
  invariant(request.member, `Expected an authenticated member on ${request.method} ${request.routeOptions.url ?? request.url}`);
  return request.member;
}
