import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../connection/SessionContext';
import { dropLocalCopy, listLocalCopies, type DropOutcome } from '../connection/localCopies';
import { copiesToDrop, formatBytes, LOCAL_COPY, type LocalCopyInfo } from '../connection/localCopyPolicy';
import { Dialog } from './Dialog';

/**
 * "Local copies" (issue 14, part 6): the acts kept on this computer, with their size and when they were last
 * opened, and an offer to drop the copies of acts not opened for N days. It asks first, and each copy is saved
 * to the server before it goes; one that cannot be confirmed, or holds queued comments, stays.
 */
export function LocalCopiesDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [copies, setCopies] = useState<LocalCopyInfo[] | null>(null);
  const [days, setDays] = useState<number>(LOCAL_COPY.staleAfterDays);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Record<string, DropOutcome>>({});
  const load = useCallback(() => void listLocalCopies(session).then(setCopies, () => setCopies([])), [session]);
  useEffect(load, [load]);

  const chosen = copies ? copiesToDrop(copies, days, new Date()) : [];
  const formatDate = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'ka-GE', { dateStyle: 'medium', timeStyle: 'short' }) : t('localCopies.unknown'));
  const drop = async () => {
    setBusy(true);
    const next: Record<string, DropOutcome> = {};
    // One at a time: each opens a connection and waits for the server's confirmation.
    for (const copy of chosen) next[copy.docId] = await dropLocalCopy(session, copy.docId).catch((): DropOutcome => 'kept_unconfirmed');
    setOutcomes(next);
    setAsking(false);
    setBusy(false);
    load();
  };
  const kept = Object.entries(outcomes).filter(([, outcome]) => outcome !== 'dropped');

  return (
    <Dialog labelledBy="sj-local-title" describedBy="sj-local-explain" onClose={busy ? undefined : onClose} name="local-copies">
      <h2 id="sj-local-title">{t('localCopies.title')}</h2>
      <p id="sj-local-explain" className="sj-muted sj-small">
        {t('localCopies.explain')}
      </p>
      {copies === null ? <p className="sj-muted">{t('localCopies.reading')}</p> : null}
      {copies?.length === 0 ? <p className="sj-muted">{t('localCopies.none')}</p> : null}
      {copies && copies.length > 0 ? (
        <table className="sj-local-copies">
          <thead>
            <tr>
              <th>{t('localCopies.act')}</th>
              <th>{t('localCopies.size')}</th>
              <th>{t('localCopies.opened')}</th>
            </tr>
          </thead>
          <tbody>
            {copies.map((copy) => (
              <tr key={copy.docId} data-local-copy={copy.docId} data-bytes={copy.bytes}>
                <td>
                  {copy.title ?? copy.docId}
                  {copy.queued > 0 ? <span className="sj-muted sj-small"> · {t('localCopies.queued', { count: copy.queued })}</span> : null}
                </td>
                <td>{formatBytes(copy.bytes)}</td>
                <td>{formatDate(copy.openedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {kept.length > 0 ? (
        <p className="sj-error" role="alert" data-kept={kept.length}>
          {t('localCopies.kept', { count: kept.length })}
        </p>
      ) : null}
      {asking ? (
        <div className="sj-confirm" role="group" aria-labelledby="sj-local-ask">
          <p id="sj-local-ask">{t('localCopies.ask', { count: chosen.length, size: formatBytes(chosen.reduce((sum, c) => sum + c.bytes, 0)) })}</p>
          <div className="sj-actions">
            <button type="button" onClick={() => setAsking(false)} disabled={busy}>
              {t('localCopies.cancel')}
            </button>
            <button type="button" className="sj-primary" onClick={() => void drop()} disabled={busy} data-action="confirm-drop-copies">
              {busy ? t('localCopies.saving') : t('localCopies.confirm')}
            </button>
          </div>
        </div>
      ) : (
        <div className="sj-actions">
          <label>
            {t('localCopies.days')}{' '}
            <input type="number" min={0} max={3650} name="days" value={days} onChange={(e) => setDays(Math.max(0, Math.min(3650, Number(e.target.value) || 0)))} />
          </label>
          <button type="button" onClick={() => setAsking(true)} disabled={chosen.length === 0} data-action="drop-copies">
            {t('localCopies.drop', { count: chosen.length })}
          </button>
          <button type="button" onClick={onClose}>
            {t('localCopies.close')}
          </button>
        </div>
      )}
    </Dialog>
  );
}
