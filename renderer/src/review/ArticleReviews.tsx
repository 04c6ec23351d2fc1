import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_LIMITS, type ArticleReview, type ArticleReviewStatus, type ReviewDecision, type ReviewsResponse } from '../../../shared/api/review';
import { ApiError } from '../connection/api';
import { useWhen } from './ThreadCard';
import { errorText } from '../errors/errorText';

/**
 * The status of an article in this window: the server's decision, but an approval of a text that has
 * changed here since shows "needs re-review" at once, before the server is asked again.
 */
export function liveStatus(review: ArticleReview, hashes: ReadonlyMap<string, string>): ArticleReviewStatus {
  const hash = hashes.get(review.articleKey);
  if (review.status === 'approved' && hash && review.textHash && hash !== review.textHash) return 'needs_rereview';
  if (review.status === 'needs_rereview' && hash && hash === review.textHash) return 'approved';
  return review.status;
}

/**
 * Lawyers' sign-off per article: each article of the act with its status, reviewer and time, and for
 * reviewers and coordinators the controls to approve it or ask for changes (with a note). A decision is of
 * the text this window shows (`hashNow`); when the server's text has changed since, it says so here.
 */
export function ArticleReviews({
  reviews,
  hashes,
  hashNow,
  canDecide,
  online,
  onDecide,
  onShow,
}: {
  reviews: ReviewsResponse | null;
  hashes: ReadonlyMap<string, string>;
  hashNow(articleKey: string): string | undefined;
  canDecide: boolean;
  online: boolean;
  onDecide(articleKey: string, status: ReviewDecision, textHash: string, note?: string): Promise<void>;
  onShow(articleKey: string): void;
}) {
  const { t } = useTranslation();
  const when = useWhen();
  const [asking, setAsking] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ key: string; message: string } | null>(null);
  if (!reviews) return null;
  const decide = async (key: string, status: ReviewDecision, text?: string): Promise<void> => {
    const shown = hashNow(key);
    if (!shown) {
      setRefusal({ key, message: t('review.textChanged') });
      return;
    }
    setBusy(key);
    setRefusal(null);
    try {
      await onDecide(key, status, shown, text);
      setAsking(null);
      setNote('');
    } catch (e) {
      const changed = e instanceof ApiError && e.code === 'text_changed';
      setRefusal({ key, message: changed ? t('review.textChanged') : t('review.failed', { message: errorText(t, e) }) });
    } finally {
      setBusy(null);
    }
  };
  const statuses = reviews.articles.map((a) => liveStatus(a, hashes));
  const blocked = statuses.some((s) => s !== 'approved');

  return (
    <section className="sj-article-reviews" aria-label={t('review.articlesTitle')}>
      <h3>{t('review.articlesTitle')}</h3>
      <p className={`sj-small ${blocked || reviews.blockers ? 'sj-warn-text' : 'sj-ok-text'}`}>{blocked || reviews.blockers ? t('review.blockers') : t('review.allApproved')}</p>
      {canDecide && !online ? <p className="sj-muted sj-small">{t('review.offlineReview')}</p> : null}
      <ol>
        {reviews.articles.map((a, i) => {
          const status = statuses[i]!;
          return (
            <li key={a.articleKey} className={`sj-article-review sj-review-${status}`} data-article-key={a.articleKey} data-status={status}>
              <button className="sj-link" onClick={() => onShow(a.articleKey)} title={a.heading}>
                <strong>{a.label}</strong> {a.heading}
              </button>
              <div className="sj-review-line">
                <span className={`sj-badge sj-status-${status}`}>{t(`review.status.${status}`)}</span>
                {a.reviewer && a.at ? <span className="sj-muted sj-small">{t('review.reviewedBy', { name: a.reviewer.name, date: when(a.at) })}</span> : null}
              </div>
              {a.note ? <div className="sj-small">{a.note}</div> : null}
              {refusal?.key === a.articleKey ? (
                <div className="sj-error sj-small sj-review-refusal" role="alert">
                  {refusal.message}
                </div>
              ) : null}
              {canDecide ? (
                <div className="sj-review-buttons">
                  <button disabled={!online || busy === a.articleKey || status === 'approved'} onClick={() => void decide(a.articleKey, 'approved')}>
                    {t('review.approve')}
                  </button>
                  <button disabled={!online || busy === a.articleKey} onClick={() => setAsking(asking === a.articleKey ? null : a.articleKey)}>
                    {t('review.requestChanges')}
                  </button>
                </div>
              ) : null}
              {asking === a.articleKey ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    void decide(a.articleKey, 'changes_requested', note.trim() || undefined);
                  }}
                >
                  <textarea aria-label={t('review.requestChanges')} placeholder={t('review.notePlaceholder')} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={REVIEW_LIMITS.noteChars} />
                  <button type="submit" className="sj-primary">
                    {t('review.requestChanges')}
                  </button>
                </form>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
