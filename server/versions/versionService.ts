import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { VersionSummary } from '../../shared/api/workflow';
import { canonicalJson } from '../../shared/canonicalJson';
import { randomId } from '../../shared/ids';
import type { DocumentModel } from '../../shared/model/documentModel';
import type { NoteModel } from '../../shared/note/noteModel';
import { invariant } from '../../shared/parsed';
import { appendAudit } from '../audit/auditLog';
import { withFullSync } from '../db/openDatabase';
import type { WorkspaceEvents } from '../events/workspaceEvents';
import type { DocumentService } from '../services/documentService';
import type { Actor } from '../workflow/actor';

/** What a frozen version is called and why it was made. */
export interface VersionSpec {
  readonly name: string;
  readonly kind: VersionSummary['kind'];
  readonly stage: string | null;
}

/**
 * Frozen versions of acts: the exact Yjs state of a moment with the DocumentModel derived from it, stored
 * once and never changed (the table's triggers refuse UPDATE and DELETE). Each version is an audit entry.
 */
export interface VersionService {
  /**
   * Freezes the document's current state as a version and records it in the audit log. Runs inside the
   * caller's transaction (a stage change freezes its version in its own transaction); throws otherwise.
   * `state` is the state to freeze when the caller's transaction changes the text before it is applied (the
   * adoption data a move writes into the act, issue 13 §2).
   */
  freeze(docId: string, spec: VersionSpec, actor: Actor, now: Date, state?: Uint8Array): VersionSummary;
  /** Saves a named version by hand, in its own transaction, and tells the open clients. */
  save(docId: string, name: string, actor: Actor, now?: Date): VersionSummary;
  /** The document's versions, oldest first. */
  list(docId: string): VersionSummary[];
  get(docId: string, versionId: string): VersionSummary | null;
  /** The model derived when the version was frozen. */
  model(docId: string, versionId: string): DocumentModel | null;
  /** The exact Yjs state that was frozen. */
  state(docId: string, versionId: string): Uint8Array | null;
  /** The explanatory note as it was frozen with the version; null for versions frozen before notes existed. */
  noteModel(docId: string, versionId: string): NoteModel | null;
}

/** What a version freezes of the act's explanatory note beside its text (issue 13, §3). */
export interface NoteSource {
  currentState(docId: string): Uint8Array | null;
  modelOf(docId: string, state: Uint8Array): NoteModel | null;
}

interface VersionRow {
  id: string;
  doc_id: string;
  number: number;
  name: string;
  kind: VersionSummary['kind'];
  stage: string | null;
  created_at: string;
  by_id: string;
  by_name: string;
  state_sha256: string;
  model_sha256: string;
}

// Who froze a version is shown by the member's name now (issue 15: renaming reaches the records), and by the
// name stored with it for the workspace itself ('system') and for members no longer in the table.
const SUMMARY_COLUMNS = 'v.id, v.doc_id, v.number, v.name, v.kind, v.stage, v.created_at, v.by_id, COALESCE(m.name, v.by_name) AS by_name, v.state_sha256, v.model_sha256';
const SUMMARY_FROM = 'versions v LEFT JOIN members m ON m.id = v.by_id';

const toSummary = (row: VersionRow): VersionSummary => ({
  id: row.id,
  docId: row.doc_id,
  number: row.number,
  name: row.name,
  kind: row.kind,
  stage: row.stage,
  createdAt: row.created_at,
  by: row.by_name,
  byId: row.by_id,
  stateSha256: row.state_sha256,
  modelSha256: row.model_sha256,
});

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/**
 * A version service on SQLite; `documents` gives the current state and derives its model, `notes` the same
 * of the explanatory note, which is frozen beside the act.
 */
export function createVersionService(db: Database, documents: DocumentService, events: WorkspaceEvents, notes?: NoteSource): VersionService {
  const insert = db.prepare(
    'INSERT INTO versions (id, doc_id, number, name, kind, stage, created_at, by_id, by_name, state, model, state_sha256, model_sha256, note_state, note_model) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const noteModelOf = db.prepare<[string, string], { note_model: string | null }>('SELECT note_model FROM versions WHERE doc_id = ? AND id = ?');
  const nextNumber = db.prepare<[string], { n: number }>('SELECT COALESCE(MAX(number), 0) + 1 AS n FROM versions WHERE doc_id = ?');
  const byDoc = db.prepare<[string], VersionRow>(`SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} WHERE v.doc_id = ? ORDER BY v.number`);
  const one = db.prepare<[string, string], VersionRow>(`SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} WHERE v.doc_id = ? AND v.id = ?`);
  const modelOf = db.prepare<[string, string], { model: string }>('SELECT model FROM versions WHERE doc_id = ? AND id = ?');
  const stateOf = db.prepare<[string, string], { state: Buffer }>('SELECT state FROM versions WHERE doc_id = ? AND id = ?');

  const service: VersionService = {
    freeze(docId, spec, actor, now, given) {
      invariant(db.inTransaction, 'Expected a version to be frozen inside the transaction of the action that freezes it');
      const state = given ?? documents.currentState(docId);
      const model = documents.modelOf(docId, state);
      invariant(model, `Expected document '${docId}' to exist when freezing a version of it`);
      const modelJson = canonicalJson(model);
      const id = `ver-${randomId(12)}`;
      const number = nextNumber.get(docId)?.n ?? 1;
      const at = now.toISOString();
      const [stateSha256, modelSha256] = [sha256(state), sha256(modelJson)];
      const noteState = notes?.currentState(docId) ?? null;
      const noteModel = noteState ? notes?.modelOf(docId, noteState) : null;
      const noteJson = noteModel ? canonicalJson(noteModel) : null;
      const note = noteState && noteJson ? { noteStateSha256: sha256(noteState), noteModelSha256: sha256(noteJson) } : {};
      insert.run(id, docId, number, spec.name, spec.kind, spec.stage, at, actor.id, actor.name, Buffer.from(state), modelJson, stateSha256, modelSha256, noteState && noteJson ? Buffer.from(noteState) : null, noteJson);
      // The hashes tie the audit entry to the exact text: a version swapped in the file no longer matches.
      appendAudit(db, {
        at,
        actor: actor.id,
        action: 'version.frozen',
        docId,
        payload: { versionId: id, number, name: spec.name, kind: spec.kind, stage: spec.stage, by: actor.name, stateSha256, modelSha256, ...note },
      });
      return toSummary(one.get(docId, id)!);
    },
    save(docId, name, actor, now = new Date()) {
      const version = withFullSync(db, () => service.freeze(docId, { name, kind: 'manual', stage: null }, actor, now));
      events.publish({ type: 'version', docId, versionId: version.id, at: version.createdAt });
      return version;
    },
    list(docId) {
      return byDoc.all(docId).map(toSummary);
    },
    get(docId, versionId) {
      const row = one.get(docId, versionId);
      return row ? toSummary(row) : null;
    },
    model(docId, versionId) {
      const row = modelOf.get(docId, versionId);
      return row ? (JSON.parse(row.model) as DocumentModel) : null;
    },
    state(docId, versionId) {
      const row = stateOf.get(docId, versionId);
      return row ? new Uint8Array(row.state) : null;
    },
    noteModel(docId, versionId) {
      const row = noteModelOf.get(docId, versionId);
      return row?.note_model ? (JSON.parse(row.note_model) as NoteModel) : null;
    },
  };
  return service;
}
