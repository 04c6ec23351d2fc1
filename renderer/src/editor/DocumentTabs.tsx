import { useTranslation } from 'react-i18next';

/** What the act's page shows: the act's text, or its explanatory note (issue 13, §3). */
export type DocumentView = 'act' | 'note';

/** The tabs above the editor: the act and its explanatory note. */
export function DocumentTabs({ view, onView }: { view: DocumentView; onView: (view: DocumentView) => void }) {
  const { t } = useTranslation();
  return (
    <div className="sj-doc-tabs" role="tablist" aria-label={t('note.tabs')}>
      {(['act', 'note'] as const).map((tab) => (
        <button key={tab} type="button" role="tab" data-tab={tab} aria-selected={view === tab} className={view === tab ? 'sj-tab sj-tab-active' : 'sj-tab'} onClick={() => onView(tab)}>
          {t(tab === 'act' ? 'note.actTab' : 'note.noteTab')}
        </button>
      ))}
    </div>
  );
}
