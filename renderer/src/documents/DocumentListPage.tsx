import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { DocumentSummary } from '../../../shared/api/documents';
import { MUNICIPALITIES } from '../../../shared/lang/municipalities';
import { apiFetch, ApiError } from '../connection/api';
import { useSession } from '../connection/SessionContext';
import { NewDocumentDialog } from './NewDocumentDialog';

/** The acts of the workspace, newest first, with "New act". */
export function DocumentListPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [, navigate] = useLocation();
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    apiFetch<{ documents: DocumentSummary[] }>(session, '/api/documents')
      .then((r) => setDocuments(r.documents))
      .catch((e: unknown) => setError(e instanceof ApiError && e.code === 'network' ? t('errors.network') : t('errors.generic', { message: (e as Error).message })));
  }, [session, t]);

  const municipalityName = (raw: string) => MUNICIPALITIES.find((m) => m.id === raw)?.name[i18n.language === 'en' ? 'en' : 'ka'] ?? raw;
  const formatDate = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'ka-GE', { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <main className="sj-list">
      <div className="sj-list-head">
        <h1>{t('list.title')}</h1>
        <button type="button" className="sj-primary" onClick={() => setCreating(true)} data-action="new-document">
          + {t('list.new')}
        </button>
      </div>
      {error ? <p className="sj-error" role="alert">{error}</p> : null}
      {documents === null && !error ? <p className="sj-muted">{t('list.loading')}</p> : null}
      {documents?.length === 0 ? <p className="sj-empty">{t('list.empty')}</p> : null}
      {documents && documents.length > 0 ? (
        <table className="sj-doc-table">
          <thead>
            <tr>
              <th>{t('create.actTitle')}</th>
              <th>{t('list.municipality')}</th>
              <th>{t('list.languageColumn')}</th>
              <th>{t('list.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link href={`/documents/${d.id}`} className="sj-doc-link">
                    {d.title}
                  </Link>
                </td>
                <td>{municipalityName(d.municipality)}</td>
                <td>{d.language === 'ka' ? 'ქართული' : 'English'}</td>
                <td>{formatDate(d.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {creating ? <NewDocumentDialog onClose={() => setCreating(false)} onCreated={(d) => navigate(`/documents/${d.id}`)} /> : null}
    </main>
  );
}
