import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffResponse, DiffSide } from '../../../shared/api/workflow';
import type { Session } from '../connection/session';
import { workflowApi } from './workflowApi';
import { TrackedExportButton } from '../changes/TrackedExportButton';
import { AuthorTag, authorsOf, DiffParts } from './DiffParts';
import { Dialog } from '../ui/Dialog';
import { errorText } from '../errors/errorText';

/** Who changed an article, beside its heading: the authors of its word changes, when the server knows them. */
function ByLine({ parts }: { parts: Parameters<typeof authorsOf>[0] }) {
  const authors = authorsOf(parts);
  return authors.length ? (
    <span className="sj-diff-by" data-field="authors">
      <AuthorTag authors={authors} />
    </span>
  ) : null;
}

/**
 * The comparison of two versions of an act (or a version and the text now), article by article: each
 * article with what happened to it (inserted, deleted, changed, renumbered, or changed and renumbered), its
 * word changes inline and who made them, and the comparison as a Word document of tracked changes.
 */
export function DiffView(props: { session: Session; docId: string; from: string; to: string; nameOf: (id: string) => string; onClose: () => void }) {
  const { session, docId, from, to, nameOf, onClose } = props;
  const { t } = useTranslation();
  const [diff, setDiff] = useState<DiffResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showUnchanged, setShowUnchanged] = useState(false);

  useEffect(() => {
    let cancelled = false;
    workflowApi.diff(session, docId, from, to).then(
      (d) => !cancelled && setDiff(d),
      (e: unknown) => !cancelled && setError(errorText(t, e)),
    );
    return () => {
      cancelled = true;
    };
  }, [session, docId, from, to, t]);

  const sideName = (side: DiffSide) => (side.id === 'current' ? t('versions.now') : t('versions.numbered', { number: side.number, name: nameOf(side.id) }));
  const anyChange = diff !== null && (diff.frame.changed || diff.articles.some((a) => a.status !== 'unchanged'));
  const articles = diff?.articles.filter((a) => showUnchanged || a.status !== 'unchanged') ?? [];
  const unchanged = diff?.counts.unchanged ?? 0;

  return (
    <Dialog labelledBy="sj-diff-title" onClose={onClose} name="diff" className="sj-diff">
      <h2 id="sj-diff-title">{t('versions.compareTitle')}</h2>
      {diff ? (
        <>
          <div className="sj-diff-head-actions">
            <p className="sj-diff-sides">
              {sideName(diff.from)} → {sideName(diff.to)}
            </p>
            {anyChange ? <TrackedExportButton session={session} docId={docId} from={from} to={to} /> : null}
          </div>
          <p className="sj-muted sj-small" data-field="counts">
            {t('versions.counts', { inserted: diff.counts.inserted, changed: diff.counts.changed, deleted: diff.counts.deleted, moved: diff.counts.moved })}
          </p>
          {anyChange ? (
            <p className="sj-small sj-diff-legend">
              <ins>{t('versions.legendInserted')}</ins> <del>{t('versions.legendDeleted')}</del>
            </p>
          ) : (
            <p className="sj-muted">{t('versions.noChanges')}</p>
          )}
          {diff.frame.changed ? (
            <article className="sj-diff-article" data-status="changed">
              <h4>{t('versions.frame')}</h4>
              <DiffParts parts={diff.frame.parts} />
            </article>
          ) : null}
          {articles.map((a, i) => (
            <article key={`${a.fromKey ?? ''}-${a.toKey ?? ''}-${i}`} className={`sj-diff-article sj-diff-${a.status}`} data-status={a.status}>
              <h4>
                {a.fromLabel && a.toLabel && a.fromLabel !== a.toLabel ? `${a.fromLabel} → ${a.toLabel}` : (a.toLabel ?? a.fromLabel)}
                {a.toAnnex ?? a.fromAnnex ? <span className="sj-muted"> · {a.toAnnex ?? a.fromAnnex}</span> : null}
                <span className={`sj-status sj-status-${a.status}`}>{t(`versions.status.${a.status}`)}</span>
                {/* Renumbered and changed: both badges, so the substantive change is not hidden behind the new number. */}
                {a.renumbered && a.status !== 'moved' ? <span className="sj-status sj-status-moved">{t('versions.status.moved')}</span> : null}
                <ByLine parts={a.parts} />
              </h4>
              {a.textChanged ? <DiffParts parts={a.parts} /> : <p className="sj-muted sj-small">{a.heading}</p>}
            </article>
          ))}
          {unchanged > 0 ? (
            <button type="button" onClick={() => setShowUnchanged((v) => !v)}>
              {showUnchanged ? t('versions.hideUnchanged') : t('versions.showUnchanged', { count: unchanged })}
            </button>
          ) : null}
        </>
      ) : error ? (
        <p className="sj-error" role="alert">{error}</p>
      ) : (
        <p className="sj-muted">{t('versions.comparing')}</p>
      )}
      <div className="sj-actions">
        <button type="button" onClick={onClose}>
          {t('versions.close')}
        </button>
      </div>
    </Dialog>
  );
}
