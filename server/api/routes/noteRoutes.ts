import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { apiError, validationError } from '../../../shared/api/errors';
import type { DocumentSummary } from '../../../shared/api/documents';
import type { NoteModel } from '../../../shared/note/noteModel';
import { contentDisposition } from '../../export/fileName';
import { exportNoteDocx, noteFileName } from '../../note/noteDocx';
import type { Workspace } from '../../workspace';
import { memberOf } from '../access';
import { documentOr404 } from './workflowRouteHelpers';

const NoteQuery = z.object({ version: z.string().min(1).max(80).optional() }).strict();

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The explanatory note's routes (issue 13, §3): the workspace's section list, and an act's note (current or
 * as frozen in a version) as its model or as .docx. The note's text itself is edited live at
 * `/sync/<docId>--note`, under the act's own rules.
 */
export function registerNoteRoutes(app: FastifyInstance, workspace: Workspace): void {
  const { notes, versions } = workspace;

  app.get('/api/note-sections', { config: { access: 'read' } }, async () => notes.sections.get());

  // The section list is a workspace setting like the workflow definition, so it is the coordinators' too.
  app.put('/api/note-sections', { config: { access: 'changeStage' } }, async (request, reply) => {
    const saved = notes.sections.set(request.body, memberOf(request));
    if (!saved.ok) return reply.code(400).send(apiError('invalid_note_sections', saved.error));
    workspace.log(`[note] ${memberOf(request).name} replaced the note sections (${saved.value.sections.length})`);
    return saved.value;
  });

  /** The note a request asks for, or null after answering 400/404. */
  const noteOf = (doc: DocumentSummary, query: unknown, reply: FastifyReply): NoteModel | null => {
    const parsed = NoteQuery.safeParse(query);
    if (!parsed.success) {
      void reply.code(400).send(validationError(parsed.error));
      return null;
    }
    const version = parsed.data.version;
    const current = !version || version === 'current';
    if (current || !versions.get(doc.id, version)) {
      const model = current ? notes.model(doc.id) : null;
      if (model) return model;
      void reply.code(404).send(apiError('not_found', current ? `Document '${doc.id}' has no explanatory note` : `Unknown version '${version}' of document '${doc.id}': expected 'current' or an id from GET /api/documents/${doc.id}/versions`));
      return null;
    }
    const frozen = versions.noteModel(doc.id, version);
    if (!frozen) void reply.code(404).send(apiError('not_found', `Version '${version}' of document '${doc.id}' was frozen before acts had explanatory notes`));
    return frozen;
  };

  app.get<{ Params: { id: string } }>('/api/documents/:id/note', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    return noteOf(doc, request.query, reply) ?? reply;
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/note/export.docx', { config: { access: 'read' } }, async (request, reply) => {
    const doc = documentOr404(workspace, request.params.id, reply);
    if (!doc) return reply;
    const note = noteOf(doc, request.query, reply);
    if (!note) return reply;
    const bytes = await exportNoteDocx(note, new Date().toISOString());
    return reply.type(DOCX).header('Content-Disposition', contentDisposition(noteFileName(note))).send(Buffer.from(bytes));
  });
}
