import type { FastifyInstance } from 'fastify';
import type { AuditVerifyResponse } from '../../../shared/api/workflow';
import { verifyAuditChain } from '../../audit/auditLog';
import type { Workspace } from '../../workspace';

/** `GET /api/audit/verify`: walks the hash chain of the audit log and names the first entry that breaks it. */
export function registerAuditRoutes(app: FastifyInstance, workspace: Workspace): void {
  app.get('/api/audit/verify', { config: { access: 'read' } }, async (): Promise<AuditVerifyResponse> => {
    const report = verifyAuditChain(workspace.db);
    if (!report.ok) workspace.log(`[audit] the chain is broken: ${report.firstBad?.reason ?? 'unknown reason'}`);
    return report;
  });
}
