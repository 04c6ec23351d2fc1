import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apiError, validationError } from '../../../shared/api/errors';
import { parseDocId } from '../../../shared/ids';
import { exportAct, exportSource, type ExportFormat } from '../../export/exportService';
import { contentDisposition } from '../../export/fileName';
import type { Workspace } from '../../workspace';

const ExportQuery = z.object({ version: z.string().min(1).max(80).optional() }).strict();

/** `GET /api/documents/:id/export.docx` and `export.akn.xml`, for the current text or any version. */
export function registerExportRoutes(app: FastifyInstance, workspace: Workspace): void {
  const route = (suffix: string, format: ExportFormat) =>
    app.get<{ Params: { id: string } }>(`/api/documents/:id/${suffix}`, { config: { access: 'read' } }, async (request, reply) => {
      const id = parseDocId(request.params.id);
      if (!id.ok || !workspace.documents.get(id.value)) return reply.code(404).send(apiError('not_found', id.ok ? `Unknown document '${id.value}'` : id.error, { resource: 'document' }));
      const query = ExportQuery.safeParse(request.query);
      if (!query.success) return reply.code(400).send(validationError(query.error));
      const source = exportSource(workspace, id.value, query.data.version);
      if (!source.ok) return reply.code(404).send(apiError('not_found', source.error));
      const file = await exportAct(workspace, id.value, source.value, format);
      return reply.type(file.contentType).header('Content-Disposition', contentDisposition(file.fileName)).send(Buffer.from(file.bytes));
    });
  route('export.docx', 'docx');
  route('export.akn.xml', 'akn');
}
