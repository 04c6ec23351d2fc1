import type { Database } from 'better-sqlite3';
import { canonicalJson } from '../../shared/canonicalJson';
import type { DocumentModel } from '../../shared/model/documentModel';

/** A stored revision: the document that amends an act in force. */
export interface RevisionRow {
  readonly id: string;
  readonly amends: string;
  readonly baseEdition: number;
  readonly repeal: boolean;
  readonly createdAt: string;
  readonly createdBy: string;
}

/** A stored consolidated edition (2 and later). */
export interface EditionRow {
  readonly docId: string;
  readonly number: number;
  readonly inForceFrom: string;
  readonly amendedBy: string;
  readonly versionId: string;
}

/** A stored repeal. */
export interface RepealRow {
  readonly docId: string;
  readonly repealedBy: string;
  readonly inForceFrom: string;
}

/** The SQL side of revisions, editions and repeals (amendmentSchema.ts). */
export interface AmendmentStore {
  revision(id: string): RevisionRow | null;
  revisionsOf(actId: string): RevisionRow[];
  addRevision(row: RevisionRow): void;
  editions(actId: string): EditionRow[];
  addEdition(row: EditionRow, model: DocumentModel, at: string): void;
  /** The consolidated text of an edition (2 and later). */
  editionModel(actId: string, edition: number): DocumentModel | null;
  repeal(actId: string): RepealRow | null;
  addRepeal(row: RepealRow, at: string): void;
}

interface RawRevision {
  id: string;
  amends: string;
  base_edition: number;
  repeal: number;
  created_at: string;
  created_by: string;
}

const toRevision = (r: RawRevision): RevisionRow => ({ id: r.id, amends: r.amends, baseEdition: r.base_edition, repeal: r.repeal === 1, createdAt: r.created_at, createdBy: r.created_by });

/** An amendment store on SQLite. */
export function createAmendmentStore(db: Database): AmendmentStore {
  const revision = db.prepare<[string], RawRevision>('SELECT * FROM revisions WHERE id = ?');
  const revisionsOf = db.prepare<[string], RawRevision>('SELECT * FROM revisions WHERE amends = ? ORDER BY created_at, id');
  const insertRevision = db.prepare('INSERT INTO revisions (id, amends, base_edition, repeal, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)');
  const editions = db.prepare<[string], { doc_id: string; number: number; in_force_from: string; amended_by: string; version_id: string }>(
    'SELECT doc_id, number, in_force_from, amended_by, version_id FROM editions WHERE doc_id = ? ORDER BY number',
  );
  const insertEdition = db.prepare('INSERT INTO editions (doc_id, number, in_force_from, amended_by, version_id, model, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const editionModel = db.prepare<[string, number], { model: string }>('SELECT model FROM editions WHERE doc_id = ? AND number = ?');
  const repeal = db.prepare<[string], { doc_id: string; repealed_by: string; in_force_from: string }>('SELECT doc_id, repealed_by, in_force_from FROM repeals WHERE doc_id = ?');
  const insertRepeal = db.prepare('INSERT INTO repeals (doc_id, repealed_by, in_force_from, created_at) VALUES (?, ?, ?, ?)');
  return {
    revision: (id) => {
      const row = revision.get(id);
      return row ? toRevision(row) : null;
    },
    revisionsOf: (actId) => revisionsOf.all(actId).map(toRevision),
    addRevision: (r) => void insertRevision.run(r.id, r.amends, r.baseEdition, r.repeal ? 1 : 0, r.createdAt, r.createdBy),
    editions: (actId) => editions.all(actId).map((e) => ({ docId: e.doc_id, number: e.number, inForceFrom: e.in_force_from, amendedBy: e.amended_by, versionId: e.version_id })),
    addEdition: (e, model, at) => void insertEdition.run(e.docId, e.number, e.inForceFrom, e.amendedBy, e.versionId, canonicalJson(model), at),
    editionModel: (actId, edition) => {
      const row = editionModel.get(actId, edition);
      return row ? (JSON.parse(row.model) as DocumentModel) : null;
    },
    repeal: (actId) => {
      const row = repeal.get(actId);
      return row ? { docId: row.doc_id, repealedBy: row.repealed_by, inForceFrom: row.in_force_from } : null;
    },
    addRepeal: (r, at) => void insertRepeal.run(r.docId, r.repealedBy, r.inForceFrom, at),
  };
}
