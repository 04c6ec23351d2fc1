import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewBlockSpec } from '../../../shared/api/suggestions';
import { useWhen } from '../review/ThreadCard';
import type { SuggestionView } from './suggestionViews';
import { storedRefusalText } from '../errors/errorText';

/** What a card may offer: deciding (members who may edit), undoing this member's last decision, accepting a group. */
export interface CardActions {
  readonly decide: boolean;
  readonly undo: boolean;
  /** "Accept all of X's suggestions in this article", with how many, on the first card of such a group. */
  readonly acceptAll: number;
  readonly busy: boolean;
  onFocus(view: SuggestionView): void;
  onAccept(view: SuggestionView): void;
  onReject(view: SuggestionView): void;
  onUndo(view: SuggestionView): void;
  onAcceptAll(view: SuggestionView): void;
  onDismiss(view: SuggestionView): void;
}

/** The name of a new block's kind in the panel and the redline. */
export function useNewBlockLabel(): (kind: NewBlockSpec | null) => string {
  const { t } = useTranslation();
  return useCallback(
    (kind: NewBlockSpec | null) =>
      !kind ? t('suggest.newBlock') : kind.type === 'article' ? t('suggest.newArticle') : kind.type === 'chapter' ? t('suggest.newChapter') : (kind.depth ?? 0) > 0 ? t('suggest.newSubparagraph') : t('suggest.newParagraph'),
    [t],
  );
}

/** The change itself: the quote struck, the new text underlined, each new block named. */
export function ChangeText({ view }: { view: Pick<SuggestionView, 'quote' | 'text' | 'newBlocks'> }) {
  const label = useNewBlockLabel();
  const lines = view.text.split('\n');
  return (
    <div className="sj-suggestion-change">
      {view.quote ? <del>{view.quote}</del> : null}
      {view.quote && view.text ? ' ' : null}
      {view.text
        ? lines.map((line, i) => (
            <span key={i}>
              {i > 0 ? (
                <>
                  <br />
                  <span className="sj-suggestion-kind">{label(view.newBlocks[i - 1] ?? null)}: </span>
                </>
              ) : null}
              {line ? <ins>{line}</ins> : null}
            </span>
          ))
        : null}
    </div>
  );
}

/**
 * One suggestion in the side panel: who, where, what (the quote struck and the new text underlined), its
 * note and status ("stale: the text it quotes has changed", "not sent yet", who decided and why), and the
 * buttons the member may use. Clicking it shows its place in the act.
 */
export function SuggestionCard({ view, active, actions }: { view: SuggestionView; active: boolean; actions: CardActions }) {
  const { t } = useTranslation();
  const when = useWhen();
  const kind = !view.quote ? t('suggest.insert') : !view.text ? t('suggest.remove') : t('suggest.replace');
  const decided = view.status === 'accepted' || view.status === 'rejected';
  return (
    <li
      className={`sj-suggestion sj-suggestion-${view.status}${active ? ' sj-suggestion-active' : ''}`}
      style={{ ['--sj-rl-color' as string]: view.color }}
      data-suggestion-id={view.id}
      data-status={view.status}
      onClick={() => actions.onFocus(view)}
    >
      <div className="sj-suggestion-who">
        <span className="sj-suggestion-dot" />
        <strong>{view.author.name}</strong>
        <span className="sj-muted">· {view.articleLabel || t('suggest.outsideArticles')}</span>
        <span className="sj-badge">{kind}</span>
      </div>
      <ChangeText view={view} />
      {view.note ? <div className="sj-suggestion-note">{view.note}</div> : null}
      <div className="sj-comment-meta">{when(view.createdAt)}</div>
      {view.status === 'stale' ? <div className="sj-warn-text sj-small">{t('suggest.staleHint')}</div> : null}
      {view.status === 'pending' && !view.error ? <div className="sj-muted sj-small">{t('suggest.pending')}</div> : null}
      {view.status === 'typing' ? <div className="sj-muted sj-small">{t('suggest.typing')}</div> : null}
      {view.error ? (
        <div className="sj-error sj-small" role="alert">
          {t('suggest.failed', { message: storedRefusalText(t, view.error) })}{' '}
          <button type="button" className="sj-link-button" onClick={() => actions.onDismiss(view)}>
            {t('suggest.dismiss')}
          </button>
        </div>
      ) : null}
      {decided && view.decidedBy ? (
        <div className={`sj-decision sj-decision-${view.status}`}>
          {t('suggest.decidedBy', { status: t(`suggest.status.${view.status}`), name: view.decidedBy.name, date: view.decidedAt ? when(view.decidedAt) : '' })}
          {view.reason ? <div className="sj-outcome-reason">{view.reason}</div> : null}
        </div>
      ) : null}
      {(actions.decide && view.status === 'open') || actions.undo ? (
        <div className="sj-suggestion-buttons" onClick={(e) => e.stopPropagation()}>
          {actions.decide && view.status === 'open' ? (
            <>
              <button type="button" className="sj-accept" data-action="accept" disabled={actions.busy} onClick={() => actions.onAccept(view)}>
                ✓ {t('suggest.accept')}
              </button>
              <button type="button" className="sj-reject" data-action="reject" disabled={actions.busy} onClick={() => actions.onReject(view)}>
                ✗ {t('suggest.reject')}
              </button>
            </>
          ) : null}
          {actions.undo ? (
            <button type="button" data-action="undo" disabled={actions.busy} onClick={() => actions.onUndo(view)}>
              ↶ {t('suggest.undo')}
            </button>
          ) : null}
          {actions.decide && actions.acceptAll > 1 ? (
            <button type="button" className="sj-link-button" data-action="accept-all" disabled={actions.busy} onClick={() => actions.onAcceptAll(view)}>
              {t('suggest.acceptAll', { name: view.author.name, article: view.articleLabel, count: actions.acceptAll })}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
