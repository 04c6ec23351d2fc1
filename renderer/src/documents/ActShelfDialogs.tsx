import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH, type DocumentSummary } from '../../../shared/api/documents';
import { apiFetch, ApiError } from '../connection/api';
import { useSession } from '../connection/SessionContext';
import { Dialog } from '../ui/Dialog';
import { errorText } from '../errors/errorText';

/** What the server's refusal means for the person who asked, in the UI language. */
function refusalText(e: unknown, t: TFunction): string {
  if (e instanceof ApiError && e.code === 'locked') return t('acts.renameLocked');
  if (e instanceof ApiError && e.code === 'network') return t('errors.network');
  return errorText(t, e);
}

/**
 * Renames an act (issue 15): the server writes the new title into the act's title block for everyone, so the
 * dialog says so; the field has the server's own limit.
 */
export function RenameDialog({ doc, onClose, onDone }: { doc: DocumentSummary; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [title, setTitle] = useState(doc.title);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changed = title.trim() !== '' && title.trim() !== doc.title;
  const save = async () => {
    if (!changed) return;
    setBusy(true);
    setError(null);
    try {
      await apiFetch(session, `/api/documents/${encodeURIComponent(doc.id)}`, { method: 'PATCH', body: { title: title.trim() } });
      onDone();
      onClose();
    } catch (e) {
      setError(refusalText(e, t));
      setBusy(false);
    }
  };
  return (
    <Dialog labelledBy="sj-rename-title" describedBy="sj-rename-explain" onClose={onClose} name="rename" as="form" onSubmit={() => void save()}>
      <h2 id="sj-rename-title">{t('acts.renameTitle')}</h2>
      <p id="sj-rename-explain" className="sj-muted sj-small">
        {t('acts.renameExplain')}
      </p>
      <label>
        {t('acts.renameLabel')}
        <textarea name="title" rows={3} value={title} maxLength={MAX_TITLE_LENGTH} onChange={(e) => setTitle(e.target.value)} autoFocus />
      </label>
      {error ? <p className="sj-error" role="alert">{error}</p> : null}
      <div className="sj-actions">
        <button type="button" onClick={onClose} disabled={busy}>
          {t('acts.close')}
        </button>
        <button type="submit" className="sj-primary" disabled={busy || !changed} data-action="confirm-rename">
          {busy ? t('acts.working') : t('acts.renameSave')}
        </button>
      </div>
    </Dialog>
  );
}

/** Asks before archiving an act, and says that nothing is deleted and it can be restored. */
export function ArchiveDialog({ doc, onClose, onDone }: { doc: DocumentSummary; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const archive = async () => {
    setBusy(true);
    try {
      await apiFetch(session, `/api/documents/${encodeURIComponent(doc.id)}/archive`, { method: 'POST' });
      onDone();
      onClose();
    } catch (e) {
      setError(refusalText(e, t));
      setBusy(false);
    }
  };
  return (
    <Dialog role="alertdialog" labelledBy="sj-archive-title" describedBy="sj-archive-explain" onClose={onClose} name="archive">
      <h2 id="sj-archive-title">{t('acts.archiveTitle', { title: doc.title })}</h2>
      <p id="sj-archive-explain">{t('acts.archiveExplain')}</p>
      {error ? <p className="sj-error" role="alert">{error}</p> : null}
      <div className="sj-actions">
        <button type="button" onClick={onClose} disabled={busy} autoFocus>
          {t('acts.no')}
        </button>
        <button type="button" className="sj-primary" onClick={() => void archive()} disabled={busy} data-action="confirm-archive">
          {busy ? t('acts.working') : t('acts.archiveConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
