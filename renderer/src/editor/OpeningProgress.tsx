import { useTranslation } from 'react-i18next';
import type { SnapshotProgress } from './snapshotDownload';

/** "Opening the act… 40 %" while the act's snapshot arrives in pieces (issue 14): long work shows its progress. */
export function OpeningProgress({ progress }: { readonly progress: SnapshotProgress }) {
  const { t } = useTranslation();
  const percent = progress.total ? Math.floor((progress.received * 100) / progress.total) : null;
  return (
    <div className="sj-opening" role="status" aria-live="polite">
      {percent === null ? t('opening.starting') : t('opening.progress', { percent })}
      {percent === null ? null : <progress className="sj-opening-bar" max={100} value={percent} aria-hidden="true" />}
    </div>
  );
}
