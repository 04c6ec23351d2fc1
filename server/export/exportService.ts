import type { DocumentModel } from '../../shared/model/documentModel';
import type { ExportContext } from '../../shared/model/exportContext';
import { fail, ok, type Parsed } from '../../shared/parsed';
import type { Workspace } from '../workspace';
import { exportAkomaNtoso } from './akn/exportAkomaNtoso';
import { exportDocx } from './docx/exportDocx';
import { exportFileName } from './fileName';

/** The export formats, as the CLI and the API name them. */
export const EXPORT_FORMATS = ['docx', 'akn'] as const;
/** An export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A finished export: the bytes, and how to name and label them. */
export interface ExportedFile {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly contentType: string;
}

/** The text to export: the current state, or a frozen version, with what the workflow knows of adoption. */
export interface ExportSource {
  readonly model: DocumentModel;
  readonly version?: ExportContext['version'];
  readonly adoption?: ExportContext['adoption'];
}

/**
 * Finds what to export of a document: `current` (or nothing) is the live text; anything else must be the
 * id of one of its frozen versions. The version store and the adoption record are the workflow's; they
 * are looked up through the workspace when present.
 */
export function exportSource(workspace: Workspace, docId: string, version: string | undefined): Parsed<ExportSource> {
  const adoption = workspace.adoptionRecord?.(docId) ?? undefined;
  if (!version || version === 'current') {
    const model = workspace.documents.model(docId);
    return model ? ok({ model, ...(adoption ? { adoption } : {}) }) : fail(`Unknown document '${docId}'`);
  }
  const frozen = workspace.frozenVersion?.(docId, version) ?? null;
  if (!frozen) return fail(`Unknown version '${version}' of document '${docId}': expected 'current' or the id of one of its versions`);
  return ok({ model: frozen.model, version: { id: frozen.id, name: frozen.name, createdAt: frozen.createdAt }, ...(adoption ? { adoption } : {}) });
}

/** Exports an act in a format; the file name comes from its type, number and title. */
export async function exportAct(workspace: Workspace, docId: string, source: ExportSource, format: ExportFormat): Promise<ExportedFile> {
  const summary = workspace.documents.get(docId);
  const context: ExportContext = {
    municipality: summary?.municipality ?? '',
    exportedAt: new Date().toISOString(),
    ...(source.adoption ? { adoption: source.adoption } : {}),
    ...(source.version ? { version: source.version } : {}),
  };
  if (format === 'docx') {
    return {
      bytes: await exportDocx(source.model, context),
      fileName: exportFileName(source.model, 'docx', context),
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    };
  }
  return {
    bytes: new TextEncoder().encode(exportAkomaNtoso(source.model, context)),
    fileName: exportFileName(source.model, 'akn.xml', context),
    contentType: 'application/akn+xml; charset=utf-8',
  };
}
