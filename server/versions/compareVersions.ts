import { CURRENT_TEXT, type DiffResponse, type DiffSide } from '../../shared/api/workflow';
import type { DocumentModel } from '../../shared/model/documentModel';
import { diffModels } from '../../shared/model/diffModels';
import { fail, ok, type Parsed } from '../../shared/parsed';
import type { DocumentService } from '../services/documentService';
import { attributeDiff } from '../attribution/attributeDiff';
import type { DatedArticleChanges } from '../attribution/changesBetween';
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

/** The kept history between two sides, when it can tell (the older side is a version); null otherwise. */
export type HistoryBetween = (from: string, to: string) => readonly DatedArticleChanges[] | null;

/** A comparison with the models it was made of, for exporters. */
export interface Comparison {
  readonly older: DocumentModel;
  readonly newer: DocumentModel;
  readonly diff: DiffResponse;
  /** The history it was attributed from, empty when there was none. */
  readonly history: readonly DatedArticleChanges[];
}

/** Resolves both sides, compares their models and attributes the changes where the history tells. */
export function compareSides(documents: DocumentService, versions: VersionService, docId: string, from: string, to: string, history?: HistoryBetween): Parsed<Comparison> {
  const older = resolve(documents, versions, docId, from);
  if (!older.ok) return older;
  const newer = resolve(documents, versions, docId, to);
  if (!newer.ok) return newer;
  const diff: DiffResponse = { from: older.value.side, to: newer.value.side, ...diffModels(older.value.model, newer.value.model) };
  const changes = history?.(from, to) ?? null;
  return ok({ older: older.value.model, newer: newer.value.model, diff: changes ? attributeDiff(diff, changes) : diff, history: changes ?? [] });
}

/**
 * Compares two versions of a document, or a version and the text as it is now: article by article, with
 * word-level insertions and deletions, renumbered articles matched by content (diffModels). With `history`,
 * each insertion and deletion names who made it where the document's history tells (issue 12).
 */
export function compareVersions(documents: DocumentService, versions: VersionService, docId: string, from: string, to: string, history?: HistoryBetween): Parsed<DiffResponse> {
  const comparison = compareSides(documents, versions, docId, from, to, history);
  return comparison.ok ? ok(comparison.value.diff) : comparison;
}
