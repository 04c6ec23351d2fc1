import type { FastifyInstance } from 'fastify';
import { apiError, formatIssues } from '../../../shared/api/errors';
import { CreateMemberRequest, UpdateMemberRequest } from '../../../shared/api/members';
import type { Workspace } from '../../workspace';
import { memberOf } from '../access';

/** The member routes: coordinators add members, change roles and revoke tokens. */
export function registerMemberRoutes(app: FastifyInstance, workspace: Workspace): void {
  const { members } = workspace;

  app.get('/api/me', { config: { access: 'member' } }, async (request) => memberOf(request));

  app.get('/api/members', { config: { access: 'manageMembers' } }, async () => {
    return { members: members.list() };
  });

  app.post('/api/members', { config: { access: 'manageMembers' } }, async (request, reply) => {
    const parsed = CreateMemberRequest.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(apiError('bad_request', formatIssues(parsed.error)));
    const { member, token } = members.create(parsed.data.name, parsed.data.role);
    const origin = `${request.protocol}://${request.headers.host ?? 'localhost'}`;
    return reply.code(201).send({ ...member, token, inviteUrl: `${origin}/#token=${token}` });
  });

  app.patch<{ Params: { id: string } }>('/api/members/:id', { config: { access: 'manageMembers' } }, async (request, reply) => {
    const parsed = UpdateMemberRequest.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send(apiError('bad_request', formatIssues(parsed.error)));
    const member = members.setRole(request.params.id, parsed.data.role);
    return member ?? reply.code(404).send(apiError('not_found', `Unknown member '${request.params.id}'`));
  });

  app.delete<{ Params: { id: string } }>('/api/members/:id', { config: { access: 'manageMembers' } }, async (request, reply) => {
    if (memberOf(request).id === request.params.id) return reply.code(409).send(apiError('conflict', 'You cannot revoke your own token'));
    if (!members.revoke(request.params.id)) return reply.code(404).send(apiError('not_found', `Unknown member '${request.params.id}'`));
    workspace.sync.closeMember(request.params.id);
    return reply.code(204).send();
  });
}
