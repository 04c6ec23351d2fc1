import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { DiffResponse, DiffSide } from '../../../shared/api/workflow';
import type { DiffPart } from '../../../shared/model/diffModels';
import { ApiError } from '../connection/api';
import type { Session } from '../connection/session';
import { workflowApi } from './workflowApi';

/** Word changes inline: insertions green and underlined, deletions red and struck through. */
function Parts({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <div className="sj-diff-text">
      {parts.map((part, i) =>
        part.kind === 'insert' ? <ins key={i}>{part.text}</ins> : part.kind === 'delete' ? <del key={i}>{part.text}</del> : <span key={i}>{part.text}</span>,
      )}
    </div>
  );
}

/**
 * The comparison of two versions of an act (or a version and the text now), article by article: each
 * article with what happened to it (inserted, deleted, changed, renumbered) and its word changes inline.
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
      (e: unknown) => !cancelled && setError(e instanceof ApiError && e.code === 'network' ? t('errors.network') : t('errors.generic', { message: (e as Error).message })),
    );
    return () => {
      cancelled = true;
    };
  }, [session, docId, from, to, t]);

  const sideName = (side: DiffSide) => (side.id === 'current' ? t('versions.now') : t('versions.numbered', { number: side.number, name: nameOf(side.id) }));
  const anyChange = diff !== null && (diff.frame.changed || diff.articles.some((a) => a.status !== 'unchanged'));
  const articles = diff?.articles.filter((a) => showUnchanged || a.status !== 'unchanged') ?? [];
  const unchanged = diff?.counts.unchanged ?? 0;

  return createPortal(
    <div className="sj-modal" role="dialog" aria-modal="true" aria-labelledby="sj-diff-title">
      <div className="sj-modal-body sj-diff" data-dialog="diff">
        <h2 id="sj-diff-title">{t('versions.compareTitle')}</h2>
        {diff ? (
          <>
            <p className="sj-diff-sides">
              {sideName(diff.from)} → {sideName(diff.to)}
            </p>
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
                <Parts parts={diff.frame.parts} />
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
                </h4>
                {a.textChanged ? <Parts parts={a.parts} /> : <p className="sj-muted sj-small">{a.heading}</p>}
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
      </div>
    </div>,
    document.body,
  );
}
