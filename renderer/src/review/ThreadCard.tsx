import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOMES, REVIEW_LIMITS, type Outcome } from '../../../shared/api/review';
import { shortDateTime } from '../../../shared/format/dates';
import type { ThreadView } from './threadViews';
import { storedRefusalText } from '../errors/errorText';

/** What a member may do with a thread. */
export interface ThreadRights {
  readonly reply: boolean;
  readonly resolve: boolean;
  readonly reopen: boolean;
}

/** What a thread card reports back. */
export interface ThreadActions {
  onFocus(id: string): void;
  onReply(id: string, text: string): void;
  onResolve(id: string, outcome: Outcome, reason: string): void;
  onReopen(id: string): void;
}

/** When a comment, reply or decision was made, as every list and history shows it (shared/format/dates.ts). */
export function useWhen(): (iso: string) => string {
  return shortDateTime;
}

/**
 * One comment thread in the side panel: where it points (article and text, or the quoted original once the
 * text is gone), the comment and its replies, and the controls to reply, resolve with an outcome and a
 * reason, or reopen. Clicking it scrolls the act to its text.
 */
export function ThreadCard({ thread, active, rights, actions }: { thread: ThreadView; active: boolean; rights: ThreadRights; actions: ThreadActions }) {
  const { t } = useTranslation();
  const when = useWhen();
  const [reply, setReply] = useState('');
  const [resolving, setResolving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>('accepted');
  const [reason, setReason] = useState('');
  const removed = thread.state === 'removed';

  return (
    <li
      className={`sj-thread sj-thread-${thread.status}${active ? ' sj-thread-active' : ''}${removed ? ' sj-thread-removed' : ''}`}
      data-thread-id={thread.id}
      data-status={thread.status}
      onClick={() => actions.onFocus(thread.id)}
    >
      <div className="sj-thread-where">
        <strong>{thread.articleLabel || t('review.outsideArticles')}</strong>
        {thread.blocking ? <span className="sj-badge sj-badge-bad">{t('review.blockingBadge')}</span> : null}
        {thread.publicConsultation ? <span className="sj-badge">{t('review.publicConsultation')}</span> : null}
        {removed ? <span className="sj-badge sj-badge-warn">{t('review.textRemoved')}</span> : null}
      </div>
      {removed ? <div className="sj-muted sj-small">{t('review.textRemovedHint')}</div> : null}
      {thread.state === 'unsynced' ? <div className="sj-muted sj-small">{t('review.unsynced')}</div> : null}
      <blockquote className="sj-thread-quote">{removed || thread.state === 'unsynced' ? thread.quote : thread.currentText}</blockquote>
      <div className="sj-comment">
        <div className="sj-comment-meta">
          {thread.author.name} · {when(thread.createdAt)}
        </div>
        <div className="sj-comment-text">{thread.text}</div>
      </div>
      {thread.replies.map((r) => (
        <div key={r.id} className="sj-comment sj-reply">
          <div className="sj-comment-meta">
            {r.author.name} · {when(r.createdAt)}
            {r.pending ? ` · ${t('review.pending')}` : ''}
          </div>
          <div className="sj-comment-text">{r.text}</div>
        </div>
      ))}
      {thread.resolution ? (
        <div className={`sj-outcome sj-outcome-${thread.resolution.outcome}`} data-outcome={thread.resolution.outcome}>
          <div>{t('review.resolvedBy', { outcome: t(`review.outcomes.${thread.resolution.outcome}`), name: thread.resolution.by.name, date: when(thread.resolution.at) })}</div>
          <div className="sj-outcome-reason">{thread.resolution.reason}</div>
        </div>
      ) : null}
      {thread.pending ? <div className="sj-muted sj-small">{t('review.pending')}</div> : null}
      {thread.error ? <div className="sj-error sj-small" role="alert">{t('review.failed', { message: storedRefusalText(t, thread.error) })}</div> : null}
      {active && !thread.pending ? (
        <div className="sj-thread-controls" onClick={(e) => e.stopPropagation()}>
          {rights.reply ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (!reply.trim()) return;
                actions.onReply(thread.id, reply.trim());
                setReply('');
              }}
            >
              <textarea aria-label={t('review.reply')} placeholder={t('review.replyPlaceholder')} value={reply} onChange={(e) => setReply(e.target.value)} rows={2} maxLength={REVIEW_LIMITS.commentChars} />
              <button type="submit" disabled={!reply.trim()}>
                {t('review.reply')}
              </button>
            </form>
          ) : null}
          {thread.status === 'open' && rights.resolve && !resolving ? <button onClick={() => setResolving(true)}>{t('review.resolve')}…</button> : null}
          {thread.status === 'resolved' && rights.reopen ? <button onClick={() => actions.onReopen(thread.id)}>{t('review.reopen')}</button> : null}
          {resolving ? (
            <form
              className="sj-resolve-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (!reason.trim()) return;
                actions.onResolve(thread.id, outcome, reason.trim());
                setResolving(false);
                setReason('');
              }}
            >
              <label>
                {t('review.outcome')}
                <select aria-label={t('review.outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
                  {OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {t(`review.outcomes.${o}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('review.reason')}
                <textarea aria-label={t('review.reason')} placeholder={t('review.reasonPlaceholder')} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={REVIEW_LIMITS.reasonChars} required />
              </label>
              <div className="sj-actions">
                <button type="button" onClick={() => setResolving(false)}>
                  {t('review.cancel')}
                </button>
                <button type="submit" className="sj-primary" disabled={!reason.trim()}>
                  {t('review.resolve')}
                </button>
              </div>
            </form>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
