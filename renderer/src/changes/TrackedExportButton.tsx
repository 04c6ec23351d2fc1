import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../connection/session';
import { downloadFile, ExportNeedsConnection } from '../editor/downloadFile';
import { errorText } from '../errors/errorText';

/** The path of the tracked-changes export of a comparison (issue 12). */
export function trackedExportPath(docId: string, from: string, to: string): string {
  return `/api/documents/${encodeURIComponent(docId)}/diff/export.docx?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
}

/**
 * "Export as Word tracked changes": downloads a comparison as a .docx whose changes are real tracked changes
 * with their authors, for a lawyer to accept or reject in Word or LibreOffice. `from` must be a version; a
 * base that is no version (a last visit) cannot be exported, and the button says so.
 */
export function TrackedExportButton({ session, docId, from, to }: { session: Session; docId: string; from: string | null; to: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const run = async () => {
    if (!from) return;
    setBusy(true);
    setMessage(null);
    try {
      const saved = await downloadFile(session, trackedExportPath(docId, from, to), 'changes.docx');
      if (saved) setMessage(t('export.saved', { path: saved }));
    } catch (error) {
      setMessage(error instanceof ExportNeedsConnection ? t('export.offline') : t('export.failed', { message: errorText(t, error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="sj-tracked-export">
      <button type="button" data-action="export-tracked" disabled={busy || !from} title={from ? t('changes.exportTrackedHint') : t('changes.exportNeedsVersion')} onClick={() => void run()}>
        {busy ? t('changes.exporting') : `⤓ ${t('changes.exportTracked')}`}
      </button>
      {message ? (
        <span className="sj-export-message" role="status">
          {message}
        </span>
      ) : null}
    </span>
  );
}
