import type { FastifyInstance, FastifyReply } from 'fastify';
import { apiError, validationError } from '../../../shared/api/errors';
import { CreateMemberRequest, UpdateMeRequest, UpdateMemberRequest } from '../../../shared/api/members';
import type { MemberRefusal } from '../../auth/members';
import type { Workspace } from '../../workspace';
import { memberOf } from '../access';

/** The HTTP status of each refusal of the member registry. */
const STATUS = { not_found: 404, last_coordinator: 409 } as const;

function sendRefusal(reply: FastifyReply, refusal: MemberRefusal): FastifyReply {
  return reply.code(STATUS[refusal.code]).send(apiError(refusal.code, refusal.error));
}

/**
 * The member routes: coordinators add members, change roles and names and revoke tokens; every member sets
 * their own name. Each change is audited in its
 * own transaction (members.ts); ending what a changed access opened (sync sockets, event streams) follows the
 * commit, wired in workspace.ts.
 */
export function registerMemberRoutes(app: FastifyInstance, workspace: Workspace): void {
  const { members } = workspace;

  app.get('/api/me', { config: { access: 'member' } }, async (request) => memberOf(request));

  // Issue 15: the name given at the first prompt is the member's name everywhere, so every member may set
  // their own; only their own (the id is the token's, never the body's).
  app.patch('/api/me', { config: { access: 'member' } }, async (request, reply) => {
    const parsed = UpdateMeRequest.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(validationError(parsed.error));
    const me = memberOf(request);
    const result = members.update(me.id, { name: parsed.data.name }, me.id);
    return result.ok ? result.member : sendRefusal(reply, result);
  });

  app.get('/api/members', { config: { access: 'manageMembers' } }, async () => {
    return { members: members.list() };
  });

  app.post('/api/members', { config: { access: 'manageMembers' } }, async (request, reply) => {
    const parsed = CreateMemberRequest.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(validationError(parsed.error));
    const { member, token } = members.create(parsed.data.name, parsed.data.role, memberOf(request).id);
    const origin = `${request.protocol}://${request.headers.host ?? 'localhost'}`;
    return reply.code(201).send({ ...member, token, inviteUrl: `${origin}/#token=${token}` });
  });

  app.patch<{ Params: { id: string } }>('/api/members/:id', { config: { access: 'manageMembers' } }, async (request, reply) => {
    const parsed = UpdateMemberRequest.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(validationError(parsed.error));
    const result = members.update(request.params.id, parsed.data, memberOf(request).id);
    return result.ok ? result.member : sendRefusal(reply, result);
  });

  app.delete<{ Params: { id: string } }>('/api/members/:id', { config: { access: 'manageMembers' } }, async (request, reply) => {
    const actor = memberOf(request);
    if (actor.id === request.params.id) return reply.code(409).send(apiError('conflict', 'You cannot revoke your own token'));
    const result = members.revoke(request.params.id, actor.id);
    return result.ok ? reply.code(204).send() : sendRefusal(reply, result);
  });
}
