import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { DocumentSummary } from '../../../shared/api/documents';
import { MUNICIPALITIES } from '../../../shared/lang/municipalities';
import { apiFetch } from '../connection/api';
import { useSession } from '../connection/SessionContext';
import { useMe } from '../members/useMe';
import { useMayDo } from '../ui/useMayDo';
import { ArchiveDialog, RenameDialog } from './ActShelfDialogs';
import { NewDocumentDialog } from './NewDocumentDialog';
import { errorText } from '../errors/errorText';
import { shortDateTime } from '../../../shared/format/dates';

type Asking = { kind: 'rename' | 'archive'; doc: DocumentSummary } | null;

/**
 * The acts of the workspace, newest first, with "New act" for those whose role creates acts (issue 15), each
 * act's real title and municipality, renaming and archiving; archived acts are one click away, to restore.
 */
export function DocumentListPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const me = useMe(session);
  const can = useMayDo(me);
  const [, navigate] = useLocation();
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [archived, setArchived] = useState<DocumentSummary[]>([]);
  const [showArchived, setShowArchived] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [asking, setAsking] = useState<Asking>(null);

  const load = useCallback(() => {
    Promise.all([
      apiFetch<{ documents: DocumentSummary[] }>(session, '/api/documents'),
      apiFetch<{ documents: DocumentSummary[] }>(session, '/api/documents?archived=true'),
    ])
      .then(([active, old]) => {
        setDocuments(active.documents);
        setArchived(old.documents);
      })
      .catch((e: unknown) => setError(errorText(t, e)));
  }, [session, t]);
  useEffect(load, [load]);

  const restore = async (doc: DocumentSummary) => {
    try {
      await apiFetch(session, `/api/documents/${encodeURIComponent(doc.id)}/restore`, { method: 'POST' });
      load();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  const municipalityName = (raw: string) => MUNICIPALITIES.find((m) => m.id === raw)?.name[i18n.language === 'en' ? 'en' : 'ka'] ?? raw;
  const shown = showArchived ? archived : documents;
  const canArchive = can.may('archiveDocument');
  const canRename = can.may('editText');

  return (
    <main className="sj-list">
      <div className="sj-list-head">
        <h1>{showArchived ? t('acts.archived') : t('list.title')}</h1>
        {can.may('createDocument') && !showArchived ? (
          <button type="button" className="sj-primary" onClick={() => setCreating(true)} data-action="new-document">
            + {t('list.new')}
          </button>
        ) : null}
      </div>
      {error ? <p className="sj-error" role="alert">{error}</p> : null}
      {documents === null && !error ? <p className="sj-muted">{t('list.loading')}</p> : null}
      {shown?.length === 0 ? <p className="sj-empty">{showArchived ? t('acts.archivedEmpty') : t('list.empty')}</p> : null}
      {shown && shown.length > 0 ? (
        <table className="sj-doc-table">
          <thead>
            <tr>
              <th>{t('create.actTitle')}</th>
              <th>{t('list.municipality')}</th>
              <th>{t('list.languageColumn')}</th>
              <th>{showArchived ? t('acts.archived') : t('list.updated')}</th>
              {canRename || canArchive ? <th className="sj-visually-hidden">{t('acts.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => (
              <tr key={d.id} data-doc-id={d.id}>
                <td>
                  <Link href={`/documents/${d.id}`} className="sj-doc-link">
                    {d.title}
                  </Link>
                </td>
                <td>{municipalityName(d.municipality)}</td>
                <td>{d.language === 'ka' ? 'ქართული' : 'English'}</td>
                <td>{shortDateTime(d.archivedAt ?? d.updatedAt)}</td>
                {canRename || canArchive ? (
                  <td className="sj-row-actions">
                    {showArchived ? (
                      canArchive ? (
                        <button type="button" className="sj-small-button" data-action="restore-document" onClick={() => void restore(d)}>
                          {t('acts.restore')}
                        </button>
                      ) : null
                    ) : (
                      <>
                        {canRename ? (
                          <button type="button" className="sj-small-button" data-action="rename-document" onClick={() => setAsking({ kind: 'rename', doc: d })}>
                            {t('acts.rename')}
                          </button>
                        ) : null}
                        {canArchive ? (
                          <button type="button" className="sj-small-button" data-action="archive-document" onClick={() => setAsking({ kind: 'archive', doc: d })}>
                            {t('acts.archive')}
                          </button>
                        ) : null}
                      </>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canArchive && (archived.length > 0 || showArchived) ? (
        <p>
          <button type="button" className="sj-link-button" data-action="toggle-archived" onClick={() => setShowArchived(!showArchived)}>
            {showArchived ? t('acts.showActive') : t('acts.showArchived', { count: archived.length })}
          </button>
        </p>
      ) : null}
      {creating ? <NewDocumentDialog documents={documents ?? []} onClose={() => setCreating(false)} onCreated={(d) => navigate(`/documents/${d.id}`)} /> : null}
      {asking?.kind === 'rename' ? <RenameDialog doc={asking.doc} onClose={() => setAsking(null)} onDone={load} /> : null}
      {asking?.kind === 'archive' ? <ArchiveDialog doc={asking.doc} onClose={() => setAsking(null)} onDone={load} /> : null}
    </main>
  );
}
