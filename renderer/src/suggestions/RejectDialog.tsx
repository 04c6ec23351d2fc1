import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUGGESTION_LIMITS, type Suggestion } from '../../../shared/api/suggestions';
import { memberColor } from '../ui/userIdentity';
import { Dialog } from '../ui/Dialog';

/** Asks for the reason of a rejection, which the author and the record will read; Reject stays off until there is one. */
export function RejectDialog({ suggestion, onConfirm, onClose }: { suggestion: Suggestion; onConfirm: (reason: string) => Promise<boolean>; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    if (!reason.trim()) return;
    setBusy(true);
    const done = await onConfirm(reason.trim());
    setBusy(false);
    if (done) onClose();
  };
  return (
    <Dialog labelledBy="sj-reject-title" onClose={onClose} name="reject-suggestion" as="form" onSubmit={() => void confirm()}>
      <h2 id="sj-reject-title">{t('suggest.rejectTitle')}</h2>
      <p className="sj-muted sj-small">{suggestion.author.name}{suggestion.articleLabel ? ` · ${suggestion.articleLabel}` : ''}</p>
      <p className="sj-suggestion-change" style={{ ['--sj-rl-color' as string]: memberColor(suggestion.author.id) }}>
        {suggestion.quote ? <del>{suggestion.quote}</del> : null} {suggestion.text ? <ins>{suggestion.text}</ins> : null}
      </p>
      <p className="sj-muted sj-small">{t('suggest.rejectExplain')}</p>
      <label>
        {t('suggest.reasonLabel')}
        <textarea aria-label={t('suggest.reasonLabel')} placeholder={t('suggest.reasonPlaceholder')} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={SUGGESTION_LIMITS.reasonChars} autoFocus />
      </label>
      <div className="sj-actions">
        <button type="button" onClick={onClose} disabled={busy}>
          {t('suggest.cancel')}
        </button>
        <button type="submit" className="sj-danger" disabled={busy || !reason.trim()} data-action="confirm-reject">
          {t('suggest.confirmReject')}
        </button>
      </div>
    </Dialog>
  );
}
