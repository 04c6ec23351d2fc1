import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { blockElement } from './blockPoints';
import { RejectDialog } from './RejectDialog';
import { SuggestionCard, type CardActions } from './SuggestionCard';
import { useSuggestions } from './SuggestionsContext';
import { useOpenSideTab } from '../editor/SideTabs';
import { groupKey, suggestionLists, type SuggestionView } from './suggestionViews';
import { errorText } from '../errors/errorText';

/**
 * The suggestions of the act in the side column (issue 12): open ones in document order with Accept and
 * Reject for members who may edit, "accept all of this author's suggestions in this article", Undo of the
 * member's own last decision, and the decided ones on request.
 */
export function SuggestionsPanel() {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const { data, typing, placed, me, rights, activeId, setActive } = useSuggestions();
  const openTab = useOpenSideTab();
  const [showDecided, setShowDecided] = useState(false);
  const [rejecting, setRejecting] = useState<SuggestionView | null>(null);
  const lists = useMemo(() => suggestionLists(data.suggestions, data.queued, typing, placed, me, new Date().toISOString()), [data.suggestions, data.queued, typing, placed, me]);

  const focus = useCallback(
    (view: SuggestionView) => {
      setActive(view.id);
      if (view.top >= 0) blockElement(editor, view.top)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
    [editor, setActive],
  );
  // A change picked in the text shows its card.
  useEffect(() => {
    // A redline clicked in the act opens the Review tab, where its card is (issue 15).
    if (activeId) openTab('review');
    if (activeId) document.querySelector(`[data-suggestion-id="${CSS.escape(activeId)}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [activeId, openTab]);

  const firstOfGroup = new Set<string>();
  const actionsFor = (view: SuggestionView): CardActions => {
    const key = view.articleKey && view.server && view.status === 'open' ? groupKey(view.author.id, view.articleKey) : null;
    const first = key !== null && !firstOfGroup.has(key);
    if (key) firstOfGroup.add(key);
    return {
      decide: rights.edit && view.server !== null,
      undo: lists.lastMine?.id === view.id,
      acceptAll: first && key ? (lists.groups.get(key) ?? 0) : 0,
      busy: data.busy !== null,
      onFocus: focus,
      onAccept: (v) => void data.accept(v.id),
      onReject: setRejecting,
      onUndo: (v) => void data.undo(v.id),
      onAcceptAll: (v) => v.articleKey && void data.acceptAll(v.author.id, v.articleKey),
      onDismiss: (v) => data.dismiss(v.id),
    };
  };

  if (!rights.suggest && !rights.edit && !data.suggestions.length) return null;
  const last = lists.lastMine;
  return (
    <section className="sj-suggestions" aria-label={t('suggest.title')}>
      <div className="sj-suggestions-head">
        <h3>{t('suggest.title')}</h3>
        <span className="sj-badge" data-count={lists.open.length}>
          {lists.open.length}
        </span>
      </div>
      {data.decisionError ? (
        <div className="sj-error sj-small" role="alert">
          {data.decisionError === 'network' ? t('suggest.network') : t('suggest.refused', { message: errorText(t, data.decisionError) })}{' '}
          <button type="button" className="sj-link-button" onClick={data.clearError}>
            {t('suggest.dismiss')}
          </button>
        </div>
      ) : null}
      {last && last.server ? (
        <div className="sj-last-decision" data-last-decision={last.id}>
          <span>{t('suggest.lastDecision', { action: t(`suggest.actions.${last.status === 'accepted' ? 'accepted' : 'rejected'}`), name: last.author.name })}</span>
          <button type="button" className="sj-small-button" data-action="undo-last" disabled={data.busy !== null} onClick={() => void data.undo(last.id)}>
            ↶ {t('suggest.undo')}
          </button>
        </div>
      ) : null}
      {lists.open.length === 0 ? <p className="sj-muted sj-small">{t('suggest.empty')}</p> : null}
      <ol className="sj-suggestion-list">
        {lists.open.map((view) => (
          <SuggestionCard key={view.id} view={view} active={activeId === view.id} actions={actionsFor(view)} />
        ))}
      </ol>
      {lists.decided.length ? (
        <button type="button" className="sj-link-button" onClick={() => setShowDecided((s) => !s)}>
          {showDecided ? t('suggest.hideDecided') : t('suggest.showDecided', { count: lists.decided.length })}
        </button>
      ) : null}
      {showDecided ? (
        <ol className="sj-suggestion-list" data-list="decided">
          {lists.decided.map((view) => (
            <SuggestionCard key={view.id} view={view} active={activeId === view.id} actions={actionsFor(view)} />
          ))}
        </ol>
      ) : null}
      {rejecting?.server ? <RejectDialog suggestion={rejecting.server} onConfirm={(reason) => data.reject(rejecting.id, reason)} onClose={() => setRejecting(null)} /> : null}
    </section>
  );
}
