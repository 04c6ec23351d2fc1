import { useTranslation } from 'react-i18next';
import { useStaleSince } from '../connection/apiCache';

/** "14:02" today, "2 Dec 14:02" on another day: when the copy shown was saved. */
export function savedAtLabel(at: string, language: string, now: Date = new Date()): string {
  const date = new Date(at);
  const time = date.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
  return date.toDateString() === now.toDateString() ? time : `${date.toLocaleDateString(language, { day: 'numeric', month: 'short' })} ${time}`;
}

/**
 * Says that what a panel shows is this computer's saved copy of the server's answer, possibly out of date,
 * while any of the answers under `prefix` is one (apiCache.ts, issue 14, part 3). Nothing when all are fresh.
 */
export function SavedCopyNote({ prefix }: { prefix: string }) {
  const { t, i18n } = useTranslation();
  const since = useStaleSince(prefix);
  if (!since) return null;
  return (
    <p className="sj-saved-copy" data-saved-copy={since} role="note" title={t('savedCopy.detail')}>
      {t('savedCopy.short', { time: savedAtLabel(since, i18n.language) })}
    </p>
  );
}
