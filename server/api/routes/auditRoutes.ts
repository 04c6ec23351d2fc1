import type { FastifyInstance } from 'fastify';
import { AuditQuery, type AuditListResponse } from '../../../shared/api/audit';
import { apiError, issueDetails } from '../../../shared/api/errors';
import type { AuditVerifyResponse } from '../../../shared/api/workflow';
import { listAuditAfter, verifyAuditChain } from '../../audit/auditLog';
import type { Workspace } from '../../workspace';

/**
 * The audit routes: `GET /api/audit/verify` walks the hash chain and names the first entry that breaks it;
 * `GET /api/audit?docId=&after=&limit=` (coordinators) reads the entries, oldest first (issue 11).
 */
export function registerAuditRoutes(app: FastifyInstance, workspace: Workspace): void {
  app.get('/api/audit/verify', { config: { access: 'read' } }, async (): Promise<AuditVerifyResponse> => {
    const report = verifyAuditChain(workspace.db);
    if (!report.ok) workspace.log(`[audit] the chain is broken: ${report.firstBad?.reason ?? 'unknown reason'}`);
    return report;
  });

  app.get('/api/audit', { config: { access: 'readAudit' } }, async (request, reply) => {
    const query = AuditQuery.safeParse(request.query ?? {});
    // Each message names its parameter and the value it got, so no path prefix is added.
    if (!query.success) return reply.code(400).send(apiError('bad_request', query.error.issues.slice(0, 5).map((i) => i.message).join('; '), issueDetails(query.error)));
    const entries = listAuditAfter(workspace.db, query.data);
    const answer: AuditListResponse = {
      entries: entries.map(({ seq, at, actor, action, docId, payload }) => ({ seq, at, actor, action, docId, payload })),
    };
    return answer;
  });
}
