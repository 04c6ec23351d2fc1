import { CURRENT_TEXT, type DiffResponse, type DiffSide } from '../../shared/api/workflow';
import type { DocumentModel } from '../../shared/model/documentModel';
import { diffModels } from '../../shared/model/diffModels';
import { fail, ok, type Parsed } from '../../shared/parsed';
import type { DocumentService } from '../services/documentService';
import type { VersionService } from './versionService';

/** One side of a comparison, resolved to its model. */
interface ResolvedSide {
  readonly side: DiffSide;
  readonly model: DocumentModel;
}

function resolve(documents: DocumentService, versions: VersionService, docId: string, ref: string): Parsed<ResolvedSide> {
  if (ref === CURRENT_TEXT) {
    const model = documents.model(docId);
    return model ? ok({ side: { id: CURRENT_TEXT, name: CURRENT_TEXT, number: null }, model }) : fail(`Unknown document '${docId}'`);
  }
  const version = versions.get(docId, ref);
  const model = version ? versions.model(docId, ref) : null;
  if (!version || !model) {
    return fail(`Unknown version '${ref.slice(0, 80)}' of document '${docId}': expected '${CURRENT_TEXT}' or the id of one of its versions (GET /api/documents/${docId}/versions)`);
  }
  return ok({ side: { id: version.id, name: version.name, number: version.number }, model });
}

/**
 * Compares two versions of a document, or a version and the text as it is now: article by article, with
 * word-level insertions and deletions, renumbered articles matched by content (diffModels).
 */
export function compareVersions(documents: DocumentService, versions: VersionService, docId: string, from: string, to: string): Parsed<DiffResponse> {
  const older = resolve(documents, versions, docId, from);
  if (!older.ok) return older;
  const newer = resolve(documents, versions, docId, to);
  if (!newer.ok) return newer;
  return ok({ from: older.value.side, to: newer.value.side, ...diffModels(older.value.model, newer.value.model) });
}
