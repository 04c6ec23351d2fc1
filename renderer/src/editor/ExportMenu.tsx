import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../connection/session';

/** The export formats offered to users, with their API suffixes. */
const FORMATS = [
  { id: 'docx', suffix: 'export.docx' },
  { id: 'akn', suffix: 'export.akn.xml' },
] as const;

/** The file name the server suggests in Content-Disposition (RFC 5987 `filename*` first). */
function suggestedName(header: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  if (star?.[1]) return decodeURIComponent(star[1]);
  return /filename="([^"]+)"/i.exec(header ?? '')?.[1] ?? fallback;
}

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
        const response = await fetch(`${session.serverUrl}/api/documents/${docId}/${suffix}?version=${encodeURIComponent(version)}`, { headers: { Authorization: `Bearer ${session.token}` } });
        if (!response.ok) throw new Error(((await response.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ?? response.statusText);
        const name = suggestedName(response.headers.get('content-disposition'), suffix);
        const data = new Uint8Array(await response.arrayBuffer());
        const desktop = window.sajaroDesktop;
        if (desktop) {
          const saved = await desktop.saveFile({ defaultPath: name, data });
          if (saved) setMessage(t('export.saved', { path: saved }));
        } else {
          const url = URL.createObjectURL(new Blob([data]));
          const link = document.createElement('a');
          link.href = url;
          link.download = name;
          link.click();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
        }
      } catch (error) {
        setMessage(t('export.failed', { message: (error as Error).message }));
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
                {t(`export.${f.id}`)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {message ? <span className="sj-export-message" role="status">{message}</span> : null}
    </div>
  );
}
