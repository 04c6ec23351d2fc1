import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessEnded } from './useAccessEnded';
import { clockTime } from '../../../shared/format/dates';

/**
 * Says in plain words that the member's access ended while the act was open, that the act is now read-only,
 * and whether the last changes reached the server. Unsent changes stay in this browser's copy of the act; the
 * notice offers the text to copy, since this window can no longer send it (issue 11, point 6).
 */
export function AccessEndedNotice({ ended, unsent, actText }: { ended: AccessEnded; unsent: boolean; actText: () => string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(actText());
      setCopied('yes');
    } catch {
      // Plain http on another host has no clipboard API.
      setCopied('failed');
    }
  };
  const time = clockTime(ended.at);
  return (
    <div className="sj-access-ended" role="alert" data-notice="access-ended" data-unsent={unsent}>
      <svg className="sj-access-ended-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
        <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2.2" />
        <path d="M5 19 19 5" stroke="currentColor" strokeWidth="2.2" />
      </svg>
      <div className="sj-access-ended-body">
        <strong>{t('members.accessEnded.title')}</strong>
        <p>{t('members.accessEnded.explain', { time })}</p>
        <p data-field="save-state">{unsent ? t('members.accessEnded.unsent') : t('members.accessEnded.allSaved')}</p>
        {copied === 'failed' ? <p className="sj-error">{t('members.accessEnded.copyFailed')}</p> : null}
      </div>
      {unsent ? (
        <button type="button" onClick={() => void copy()} data-action="copy-act-text">
          {copied === 'yes' ? t('members.accessEnded.copied') : t('members.accessEnded.copy')}
        </button>
      ) : null}
    </div>
  );
}
