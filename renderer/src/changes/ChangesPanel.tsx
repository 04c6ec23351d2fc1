import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LAST_VISIT } from '../../../shared/api/changes';
import { CURRENT_TEXT, type VersionSummary } from '../../../shared/api/workflow';
import type { WorkflowDefinition } from '../../../shared/workflow/workflowDefinition';
import type { Session } from '../connection/session';
import { jumpToArticle } from '../editor/jumpTo';
import { stageLabel } from '../workflow/stageText';
import { ChangeLegend, ChangeList } from './ChangeList';
import { summarizeChanges } from './changeSummary';
import { TrackedExportButton } from './TrackedExportButton';
import type { ChangesView } from './useChangesView';
import { errorText } from '../errors/errorText';
import { shortDateTime } from '../../../shared/format/dates';

/** What the changes panel needs of its page. */
export interface ChangesPanelProps {
  readonly session: Session;
  readonly docId: string;
  readonly meId: string | undefined;
  readonly definition: WorkflowDefinition | null;
  readonly view: ChangesView;
}

/**
 * "Changes since…" (issue 12), in the act's side column: the base (the reader's last visit or any frozen
 * version), then per article what was added and removed since, by whom, in their colours. Mounted inside
 * the editor, so that a click on an article shows it in the text.
 */
export function ChangesPanel({ session, docId, meId, definition, view }: ChangesPanelProps) {
  const { t, i18n } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const summary = useMemo(() => (view.data ? summarizeChanges(view.data) : null), [view.data]);
  const title = (v: VersionSummary) => (v.kind === 'stage' && v.stage ? t('versions.onStage', { stage: stageLabel(definition, v.stage, i18n.language) }) : v.name);
  const baseIsVersion = view.base !== LAST_VISIT;

  // Shown (from the offer, say): bring the panel to the top of the side column, where the reader looks next.
  useEffect(() => {
    if (view.active) document.querySelector('[data-panel="changes"]')?.scrollIntoView({ block: 'nearest' });
  }, [view.active]);

  // A badge in the margin was clicked: bring that article's changes into view here.
  useEffect(() => {
    if (!view.focused) return;
    document.querySelector(`[data-change-article="${CSS.escape(view.focused)}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [view.focused, view.data]);

  return (
    <section className={`sj-changes-panel${view.active ? ' sj-changes-active' : ''}`} aria-labelledby="sj-changes-heading" data-panel="changes">
      <h3 id="sj-changes-heading">{t('changes.title')}</h3>
      <label className="sj-changes-base">
        {t('changes.base')}
        <select value={view.base} onChange={(e) => view.setBase(e.target.value)} data-field="changes-base">
          <option value={LAST_VISIT}>{view.visitedAt ? t('changes.lastVisitAt', { date: shortDateTime(view.visitedAt) }) : t('changes.lastVisit')}</option>
          {[...view.versions].reverse().map((v) => (
            <option key={v.id} value={v.id}>
              {t('changes.version', { number: v.number, name: title(v), date: shortDateTime(v.createdAt) })}
            </option>
          ))}
        </select>
      </label>
      <div className="sj-changes-buttons">
        {view.active ? (
          <>
            <button type="button" onClick={view.hide} data-action="hide-changes">
              {t('changes.hide')}
            </button>
            <button type="button" onClick={view.refresh} disabled={view.loading} data-action="refresh-changes">
              ↻ {t('changes.refresh')}
            </button>
          </>
        ) : (
          <button type="button" className="sj-primary" onClick={() => view.show()} data-action="show-changes">
            {t('changes.show')}
          </button>
        )}
      </div>
      {view.active ? (
        <>
          {view.error ? (
            <p className="sj-error sj-small" role="alert">
              {view.error.network ? t('errors.network') : t('changes.failed', { message: errorText(t, view.error.cause) })}
            </p>
          ) : null}
          {!view.data && view.loading ? <p className="sj-muted sj-small">{t('changes.loading')}</p> : null}
          {summary ? (
            summary.changes === 0 ? (
              <p className="sj-muted sj-small" data-field="changes-summary">
                {t('changes.none')}
              </p>
            ) : (
              <>
                <p className="sj-small sj-changes-summary" data-field="changes-summary">
                  {t('changes.summary', {
                    changes: t('changes.changeCount', { count: summary.changes }),
                    articles: t('changes.articleCount', { count: summary.articles }),
                    members: t('changes.memberCount', { count: summary.contributors.length }),
                  })}
                </p>
                <ChangeLegend contributors={summary.contributors} meId={meId} />
                <p className="sj-small sj-diff-legend">
                  <ins>{t('versions.legendInserted')}</ins> <del>{t('versions.legendDeleted')}</del>
                </p>
                <ChangeList articles={view.data?.articles ?? []} meId={meId} focused={view.focused} onShow={(key) => jumpToArticle(editor, key)} />
              </>
            )
          ) : null}
          <div className="sj-changes-footer">
            <TrackedExportButton session={session} docId={docId} from={baseIsVersion ? view.base : null} to={CURRENT_TEXT} />
            <button type="button" className="sj-link-button" title={t('changes.markSeenHint')} onClick={() => void view.markSeen()} data-action="mark-seen">
              ✓ {t('changes.markSeen')}
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
