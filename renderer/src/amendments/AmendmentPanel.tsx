import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { EditionsResponse, RevisionInfo, RevisionListItem, RevisionSummary } from '../../../shared/api/amendments';
import type { ModelDiff } from '../../../shared/model/diffModels';
import { apiFetch } from '../connection/api';
import type { Session } from '../connection/session';
import { downloadFile } from '../editor/downloadFile';
import { errorText } from '../errors/errorText';

interface Props {
  readonly session: Session;
  readonly docId: string;
  readonly stage: string | undefined;
  readonly revision: RevisionInfo | null;
  readonly canStart: boolean;
}

/**
 * The act's legal life (issue 13, §4): on a revision, the act it amends and the amending act derived from it;
 * on an act in force, "Start a revision", its editions (each viewable, comparable with the one before, and
 * exportable), its open revisions, and the repealing act once there is one.
 */
export function AmendmentPanel({ session, docId, stage, revision, canStart }: Props) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [editions, setEditions] = useState<EditionsResponse | null>(null);
  const [revisions, setRevisions] = useState<readonly RevisionListItem[]>([]);
  const [shown, setShown] = useState<{ title: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/documents/${encodeURIComponent(docId)}`;

  useEffect(() => {
    let cancelled = false;
    if (revision) return;
    Promise.all([apiFetch<EditionsResponse>(session, `${base}/editions`), apiFetch<{ revisions: RevisionListItem[] }>(session, `${base}/revisions`)])
      .then(([e, r]) => {
        if (cancelled) return;
        setEditions(e);
        setRevisions(r.revisions);
      })
      .catch((e: unknown) => !cancelled && setError(errorText(t, e)));
    return () => {
      cancelled = true;
    };
  }, [session, base, revision, stage]);

  const start = useCallback(
    async (repeal: boolean) => {
      setBusy(true);
      setError(null);
      try {
        const created = await apiFetch<RevisionSummary>(session, `${base}/revisions`, { method: 'POST', body: repeal ? { repeal: true } : {} });
        navigate(`/documents/${created.id}`);
      } catch (e) {
        setError(errorText(t, e));
      } finally {
        setBusy(false);
      }
    },
    [session, base, navigate],
  );

  const show = useCallback(
    async (title: string, path: string) => {
      try {
        const body = await apiFetch<string | { text: string }>(session, path);
        setShown({ title, text: typeof body === 'string' ? body : body.text });
      } catch (e) {
        setError(errorText(t, e));
      }
    },
    [session],
  );

  const compare = useCallback(
    async (to: number) => {
      try {
        const diff = await apiFetch<ModelDiff>(session, `${base}/editions/diff?from=${to - 1}&to=${to}`);
        const { changed, moved, inserted, deleted } = diff.counts;
        setShown({ title: t('amendments.compare', { number: to - 1 }), text: t('amendments.changedArticles', { count: changed + moved, inserted, deleted }) });
      } catch (e) {
        setError(errorText(t, e));
      }
    },
    [session, base, t],
  );

  if (revision) {
    return (
      <section className="sj-panel sj-amendments" aria-label={t('amendments.title')} data-panel="revision">
        <h2>{t('amendments.title')}</h2>
        <p data-field="revision-of">
          {t('amendments.revisionOf')} <Link href={`/documents/${revision.amends}`}>{revision.amendedTitle}</Link> ({t('amendments.fromEdition', { number: revision.baseEdition })})
        </p>
        {revision.repeal ? <p>{t('amendments.repealing')}</p> : null}
        <button type="button" onClick={() => void show(t('amendments.amendingAct'), `${base}/amending-act`)}>
          {t('amendments.amendingAct')}
        </button>{' '}
        <button type="button" onClick={() => void downloadFile(session, `${base}/amending-act?format=docx`, 'amending-act.docx')}>
          {t('amendments.amendingActDocx')}
        </button>
        {shown ? <pre className="sj-amending-text" data-field="amending-act">{shown.text}</pre> : null}
        {error ? <p className="sj-error" role="alert">{t('amendments.failed', { message: error })}</p> : null}
      </section>
    );
  }
  if (!editions || (editions.editions.length === 0 && stage !== 'in_force')) return null;
  const open = revisions.filter((r) => r.open);
  return (
    <section className="sj-panel sj-amendments" aria-label={t('amendments.title')} data-panel="editions">
      <h2>{t('amendments.title')}</h2>
      {editions.repealedBy ? (
        <p className="sj-badge" data-field="repealed">
          <Link href={`/documents/${editions.repealedBy.id}`}>{t('amendments.repealedBy', { number: editions.repealedBy.actNumber, date: editions.repealedBy.date })}</Link>
        </p>
      ) : canStart && stage === 'in_force' && open.length === 0 ? (
        <p>
          <button type="button" disabled={busy} onClick={() => void start(false)} data-action="start-revision">
            {busy ? t('amendments.starting') : t('amendments.startRevision')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => void start(true)}>
            {t('amendments.startRepeal')}
          </button>
        </p>
      ) : null}
      <h3>{t('amendments.editions')}</h3>
      <ol className="sj-editions" data-field="editions">
        {editions.editions.map((e) => (
          <li key={e.number} data-edition={e.number}>
            <strong>{t('amendments.edition', { number: e.number })}</strong> — {t('amendments.inForceFrom', { date: e.inForceFrom })}
            {e.amendedBy ? (
              <>
                {' · '}
                <Link href={`/documents/${e.amendedBy.id}`}>{t('amendments.amendedBy', { number: e.amendedBy.actNumber, date: e.amendedBy.date })}</Link>
              </>
            ) : null}{' '}
            <button type="button" onClick={() => void show(t('amendments.edition', { number: e.number }), `${base}/text?edition=${e.number}`)}>
              {t('amendments.view')}
            </button>
            {e.number > 1 ? (
              <button type="button" onClick={() => void compare(e.number)}>
                {t('amendments.compare', { number: e.number - 1 })}
              </button>
            ) : null}
            <button type="button" onClick={() => void downloadFile(session, `${base}/editions/${e.number}/export.docx`, `edition-${e.number}.docx`)}>
              {t('amendments.docx')}
            </button>
          </li>
        ))}
      </ol>
      {open.length ? (
        <>
          <h3>{t('amendments.openRevisions')}</h3>
          <ul>
            {open.map((r) => (
              <li key={r.id}>
                <Link href={`/documents/${r.id}`}>{r.title}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {shown ? (
        <div className="sj-edition-view">
          <p>
            <strong>{shown.title}</strong>{' '}
            <button type="button" onClick={() => setShown(null)}>
              {t('amendments.hide')}
            </button>
          </p>
          <pre className="sj-amending-text">{shown.text}</pre>
        </div>
      ) : null}
      {error ? <p className="sj-error" role="alert">{t('amendments.failed', { message: error })}</p> : null}
    </section>
  );
}
