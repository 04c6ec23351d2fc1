import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_LIMITS } from '../../../shared/api/review';

/** The form of a new comment on the selected text: the quote, the comment, and whether it blocks legal review. */
export function CommentComposer({ quote, allowBlocking, onSend, onCancel }: { quote: string; allowBlocking: boolean; onSend(text: string, blocking: boolean): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [blocking, setBlocking] = useState(false);
  return (
    <form
      className="sj-composer"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) onSend(text.trim(), blocking);
      }}
    >
      <div className="sj-small sj-muted">{t('review.newComment')}</div>
      <blockquote className="sj-thread-quote">{quote}</blockquote>
      <textarea aria-label={t('review.placeholder')} placeholder={t('review.placeholder')} value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={REVIEW_LIMITS.commentChars} autoFocus />
      {allowBlocking ? (
        <label className="sj-check">
          <input type="checkbox" checked={blocking} onChange={(e) => setBlocking(e.target.checked)} /> {t('review.blocking')}
        </label>
      ) : null}
      <div className="sj-actions">
        <button type="button" onClick={onCancel}>
          {t('review.cancel')}
        </button>
        <button type="submit" className="sj-primary" disabled={!text.trim()}>
          {t('review.send')}
        </button>
      </div>
    </form>
  );
}
