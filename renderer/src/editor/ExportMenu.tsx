import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../connection/session';
import { downloadFile, ExportNeedsConnection } from './downloadFile';
import { errorText } from '../errors/errorText';

/** The export formats offered to users, with their API suffixes. */
const FORMATS = [
  { id: 'docx', suffix: 'export.docx' },
  { id: 'akn', suffix: 'export.akn.xml' },
  // The act's explanatory note (issue 13, §3); its label is under `note`.
  { id: 'note', suffix: 'note/export.docx' },
] as const;

/**
 * Exports the act as .docx (the council's official form) or Akoma Ntoso XML. In the desktop app the file
 * goes through the native save dialog (also File → Export…, Ctrl+E); in a browser it downloads.
 */
export function ExportMenu({ session, docId, version = 'current' }: { session: Session; docId: string; version?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const run = useCallback(
    async (suffix: string) => {
      setOpen(false);
      setBusy(true);
      setMessage(null);
      try {
        const saved = await downloadFile(session, `/api/documents/${docId}/${suffix}?version=${encodeURIComponent(version)}`, suffix);
        if (saved) setMessage(t('export.saved', { path: saved }));
      } catch (error) {
        setMessage(error instanceof ExportNeedsConnection ? t('export.offline') : t('export.failed', { message: errorText(t, error) }));
      } finally {
        setBusy(false);
      }
    },
    [session, docId, version, t],
  );

  useEffect(() => window.sajaroDesktop?.onMenuCommand((command) => command === 'export' && void run(FORMATS[0].suffix)), [run]);

  return (
    <div className="sj-export">
      <button type="button" data-action="export" onClick={() => setOpen(!open)} disabled={busy} aria-haspopup="menu" aria-expanded={open}>
        {busy ? t('export.working') : `⤓ ${t('export.button')}`}
      </button>
      {open ? (
        <ul className="sj-menu" role="menu">
          {FORMATS.map((f) => (
            <li key={f.id} role="none">
              <button type="button" role="menuitem" data-format={f.id} onClick={() => void run(f.suffix)}>
                {f.id === 'note' ? t('note.export') : t(`export.${f.id}`)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {message ? <span className="sj-export-message" role="status">{message}</span> : null}
    </div>
  );
}
