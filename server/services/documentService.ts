import type { Database } from 'better-sqlite3';
import * as Y from 'yjs';
import type { CreateDocumentRequest, DocumentSummary } from '../../shared/api/documents';
import type { Member } from '../../shared/api/members';
import { randomId } from '../../shared/ids';
import type { Language } from '../../shared/lang/language';
import type { DocumentModel } from '../../shared/model/documentModel';
import { deriveDocumentModel, type RevisionNumbering } from '../../shared/model/deriveModel';
import type { SerializedState } from '../../shared/model/serializedState';
import { fail, ok, type Parsed } from '../../shared/parsed';
import { blankActOutline } from '../../shared/templates/blankAct';
import { defaultBody, instantiateTemplate } from '../../shared/templates/instantiate';
import { DEFAULT_ADOPTING_BODY, isAdoptingBody, type AdoptingBody } from '../../shared/workflow/adoptingBody';
import { withFullSync } from '../db/openDatabase';
import { readEditorState } from '../lexical/actEditor';
import { seedActState } from '../lexical/seed';
import type { DocStore } from '../store/docStore';
import type { TemplateLibrary } from '../templates/templateLibrary';

interface DocumentRow {
  id: string;
  title: string;
  language: Language;
  municipality: string;
  template_id: string | null;
  adopting_body: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

const toSummary = (row: DocumentRow): DocumentSummary => ({
  id: row.id,
  title: row.title,
  language: row.language,
  municipality: row.municipality,
  templateId: row.template_id,
  adoptingBody: isAdoptingBody(row.adopting_body) ? row.adopting_body : DEFAULT_ADOPTING_BODY,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  ...(row.archived_at ? { archivedAt: row.archived_at } : {}),
});

/** Documents of a workspace: their metadata, their creation from templates, and their derived text. */
export interface DocumentService {
  /** The acts in use, or with `{ archived: true }` the archived ones (issue 15). */
  list(options?: { readonly archived?: boolean }): DocumentSummary[];
  get(id: string): DocumentSummary | null;
  /**
   * The summary with the title the act's text has now (its title block, which anyone who edits may change),
   * so two acts from one template are told apart; the stored title when the text has none.
   */
  withTextTitle(doc: DocumentSummary): DocumentSummary;
  /** Stores a new title in the act's row (the text's title block is written by the caller, issue 15). */
  setTitle(id: string, title: string): void;
  /** Archives the act at `at`, or restores it with null. */
  setArchived(id: string, at: string | null): void;
  /** Creates a document; `createdBy` is recorded as the one who started its first stage (issue 4). */
  create(request: CreateDocumentRequest, createdBy?: Member | null): Parsed<DocumentSummary>;
  /** The document's current Yjs state: the live room's if it is open, else the stored one. */
  currentState(id: string): Uint8Array;
  model(id: string): DocumentModel | null;
  /** The model of any Yjs state of this document (a frozen version, say). */
  modelOf(id: string, state: Uint8Array): DocumentModel | null;
  /**
   * Creates a document from a seeded Yjs state (a revision of an act in force, issue 13). `within` runs in the
   * creation transaction before the first version is frozen, so what it stores is read by that freeze.
   */
  createSeeded(meta: SeededDocument, seed: Uint8Array, createdBy: Member | null, within: (doc: DocumentSummary) => void): DocumentSummary;
  /** Forgets the cached model of a document whose text changed (every stored update calls it). */
  textChanged(id: string): void;
  touch(id: string): void;
}

/** The row of a document created from a seeded state. */
export interface SeededDocument {
  readonly title: string;
  readonly language: Language;
  readonly municipality: string;
  readonly templateId: string | null;
  /** Who adopts it, which picks its workflow: a revision is adopted as the act it amends was. */
  readonly adoptingBody: AdoptingBody;
}

/** How a document is numbered when it is a revision of an act in force (issue 13), or null for any other. */
export type RevisionNumberingSource = (docId: string) => RevisionNumbering | null;

/** The live state of open documents, which the sync endpoint holds. */
export type LiveStateSource = (docId: string) => Y.Doc | undefined;

/**
 * Runs inside a document's creation transaction, once its row and first state are stored: the workflow
 * records the first stage, freezes the first version and writes the audit entry (issue 4); the seeded
 * state is recorded as the server's own text (issue 12).
 */
export type DocumentCreatedHook = (doc: DocumentSummary, createdBy: Member | null, now: Date, seed: Uint8Array) => void;

/** A document service on SQLite and the DocStore. */
export function createDocumentService(
  db: Database,
  store: DocStore,
  templates: TemplateLibrary,
  live: LiveStateSource,
  onCreated?: DocumentCreatedHook,
  numberingOf: RevisionNumberingSource = () => null,
): DocumentService {
  const byId = db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?');
  const insert = db.prepare('INSERT INTO documents (id, title, language, municipality, template_id, adopting_body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const touch = db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?');
  const setTitle = db.prepare('UPDATE documents SET title = ?, updated_at = ? WHERE id = ?');
  const setArchived = db.prepare('UPDATE documents SET archived_at = ? WHERE id = ?');

  const models = new Map<string, DocumentModel>();
  const service: DocumentService = {
    list(options = {}) {
      const archived = options.archived ? 'archived_at IS NOT NULL' : 'archived_at IS NULL';
      return db.prepare<[], DocumentRow>(`SELECT * FROM documents WHERE ${archived} ORDER BY updated_at DESC`).all().map(toSummary);
    },
    withTextTitle(doc) {
      const title = service.model(doc.id)?.title.trim();
      return title && title !== doc.title ? { ...doc, title } : doc;
    },
    setTitle(id, title) {
      setTitle.run(title, new Date().toISOString(), id);
    },
    setArchived(id, at) {
      setArchived.run(at, id);
    },
    get(id) {
      const row = byId.get(id);
      return row ? toSummary(row) : null;
    },
    create(request, createdBy = null) {
      const id = `doc-${randomId(12)}`;
      let outline;
      let title: string;
      let templateId: string | null = null;
      let municipality = '';
      let adoptingBody: AdoptingBody = request.adoptingBody ?? DEFAULT_ADOPTING_BODY;
      if ('templateId' in request) {
        const template = templates.get(request.templateId);
        if (!template) return fail(`Unknown template '${request.templateId}': expected the id of a template from GET /api/templates`);
        adoptingBody = request.adoptingBody ?? defaultBody(template);
        const built = instantiateTemplate(template, { language: request.language, municipality: request.municipality, values: request.values, adoptingBody });
        if (!built.ok) return built;
        outline = built.value;
        title = request.title ?? template.title[request.language];
        templateId = template.id;
        municipality = request.municipality;
      } else {
        outline = blankActOutline(request.title, request.language, request.municipality, adoptingBody);
        title = request.title;
        municipality = request.municipality ?? '';
      }
      const seed = seedActState(outline, id);
      const createdAt = new Date();
      const now = createdAt.toISOString();
      // One action, one transaction: the row, its first state and its first stage exist together or not at all.
      withFullSync(db, () => {
        insert.run(id, title, request.language, municipality, templateId, adoptingBody, now, now);
        store.append(id, seed);
        onCreated?.(toSummary(byId.get(id)!), createdBy, createdAt, seed);
      });
      return ok(toSummary(byId.get(id)!));
    },
    createSeeded(meta, seed, createdBy, within) {
      const id = `doc-${randomId(12)}`;
      const createdAt = new Date();
      const now = createdAt.toISOString();
      withFullSync(db, () => {
        insert.run(id, meta.title, meta.language, meta.municipality, meta.templateId, meta.adoptingBody, now, now);
        store.append(id, seed);
        const doc = toSummary(byId.get(id)!);
        within(doc);
        onCreated?.(doc, createdBy, createdAt, seed);
      });
      return toSummary(byId.get(id)!);
    },
    currentState(id) {
      const doc = live(id);
      return doc ? Y.encodeStateAsUpdate(doc) : (store.load(id) ?? new Uint8Array([0, 0]));
    },
    model(id) {
      // Deriving a 200-page act takes a few hundred milliseconds, and opening an act asks for its model
      // several times (reviews, comments, stages): derive once per change of the text.
      const cached = models.get(id);
      if (cached) return cached;
      const model = service.modelOf(id, service.currentState(id));
      if (model) models.set(id, model);
      return model;
    },
    textChanged(id) {
      models.delete(id);
    },
    modelOf(id, state) {
      const row = byId.get(id);
      if (!row) return null;
      return deriveDocumentModel(readEditorState(state, id) as unknown as SerializedState, row.language, numberingOf(id) ?? undefined);
    },
    touch(id) {
      touch.run(new Date().toISOString(), id);
    },
  };
  return service;
}
