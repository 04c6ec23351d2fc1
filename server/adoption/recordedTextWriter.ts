import * as Y from 'yjs';
import type { TransitionData } from '../../shared/workflow/requirements';
import { editPrivateCopy } from '../lexical/privateCopy';
import type { DocumentService } from '../services/documentService';
import type { SyncServer } from '../sync/syncServer';
import { $writeRecordedLines, isEmpty, recordedLines } from './recordedText';

/** The origin of the server's edits that write a move's recorded data into the act (CONVENTIONS: tag origins). */
export const RECORDED_DATA_ORIGIN = 'workflow-recorded-data';

/** A planned edit of the act's text, and the state the act has once it is applied (for the frozen version). */
export interface RecordedTextEdit {
  readonly update: Uint8Array;
  readonly stateAfter: Uint8Array;
}

/**
 * Writes what a stage move records (the number and date of adoption, the signatory and signing date, the
 * publication) into the act's own header and signature (issue 13 §2), as a server edit of the live document:
 * computed on a private bound copy, then stored and broadcast through `SyncServer.applyServerEdit` with the
 * move's own rows in the same transaction. The edit passes the text lock, which refuses clients only.
 */
export interface RecordedTextWriter {
  /** The edit that writes `data` into the act, or null when the move records nothing or the text already says it. */
  plan(docId: string, data: TransitionData): RecordedTextEdit | null;
  /** Stores and broadcasts the edit as `memberId`'s; `alongside` runs in its transaction, before the text changes. */
  apply(docId: string, edit: RecordedTextEdit, alongside: () => void, memberId: string): void;
}

/** A writer over the documents (their state, language and adopting body) and the live rooms. */
export function createRecordedTextWriter(documents: DocumentService, sync: () => SyncServer): RecordedTextWriter {
  return {
    plan(docId, data) {
      const doc = documents.get(docId);
      if (!doc) return null;
      const lines = recordedLines(data, doc.language, doc.adoptingBody);
      if (isEmpty(lines)) return null;
      const before = documents.currentState(docId);
      const made = editPrivateCopy(before, docId, (editor) => {
        let changed = false;
        editor.update(() => void (changed = $writeRecordedLines(lines, doc.language, doc.adoptingBody)), { discrete: true });
        return changed;
      });
      if (!made.value) return null;
      return { update: made.update, stateAfter: Y.mergeUpdates([before, made.update]) };
    },
    apply(docId, edit, alongside, memberId) {
      sync().applyServerEdit(docId, edit.update, RECORDED_DATA_ORIGIN, alongside, memberId);
    },
  };
}
