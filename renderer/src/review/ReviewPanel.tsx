import { useCallback, useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import type { WebsocketProvider } from 'y-websocket';
import type { Member, Role } from '../../../shared/api/members';
import type { Language } from '../../../shared/lang/language';
import { NumberedBlockNode } from '../../../shared/nodes';
import type { TextAnchor } from '../../../shared/review/textAnchor';
import type { Session } from '../connection/session';
import { ArticleReviews } from './ArticleReviews';
import { CommentComposer } from './CommentComposer';
import { RecordExport } from './RecordExport';
import { ThreadCard } from './ThreadCard';
import { anchorsOf, threadViews } from './threadViews';
import { useActDoc, useTextSynced } from './useActDoc';
import { useArticleHashes } from './useArticleHashes';
import { useLiveAnchors } from './useLiveAnchors';
import { useReviewData } from './useReviewData';
import { useSelectionComment } from './useSelectionComment';
import { keysOf } from '../editor/shortcuts';
import { useOpenSideTab } from '../editor/SideTabs';

/** Who may do what in the panel; the server checks the same rules (server/api/routes/commentRoutes.ts). */
function rightsOf(role: Role | undefined, stage: string | undefined) {
  const commenter = role === 'coordinator' || role === 'drafter' || role === 'reviewer' || (role === 'observer' && stage === 'public_consultation');
  return {
    comment: commenter,
    reply: commenter,
    reopen: commenter,
    resolve: role === 'coordinator' || role === 'drafter',
    decide: role === 'coordinator' || role === 'reviewer',
    blocking: role === 'coordinator' || role === 'reviewer',
  };
}

/** What the review panel needs of its page. */
export interface ReviewPanelProps {
  readonly session: Session;
  readonly docId: string;
  readonly language: Language;
  readonly me: Member | null;
  readonly userName: string;
  readonly stage?: string;
  readonly provider: WebsocketProvider | null;
}

/**
 * The review side panel (issue 5), mounted inside the editor: comment threads in document order with the
 * "Comment" button on selected text (and Ctrl+Alt+M), highlights of commented text, and the sign-off of
 * each article. Clicking a thread shows its text; clicking highlighted text opens its thread.
 */
export function ReviewPanel({ session, docId, language, me, userName, stage, provider }: ReviewPanelProps) {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const doc = useActDoc(docId);
  const textSynced = useTextSynced(provider);
  const data = useReviewData(session, docId, textSynced);
  const rights = rightsOf(me?.role, stage);
  const [active, setActive] = useState<string | null>(null);
  const [draft, setDraft] = useState<TextAnchor | null>(null);

  const anchors = useMemo(() => anchorsOf(data.threads, data.queued), [data.threads, data.queued]);
  const live = useLiveAnchors(editor, doc, anchors, language, active);
  const { hashes, hashNow } = useArticleHashes(editor, language);
  const person = useMemo(() => ({ id: me?.id ?? '', name: me?.name ?? userName }), [me, userName]);
  const views = useMemo(() => threadViews(data.threads, data.queued, live, person, new Date().toISOString()), [data.threads, data.queued, live, person]);
  const openTab = useOpenSideTab();
  // A comment started in the act (its button or the shortcut) is written in the Review tab (issue 15).
  const startDraft = useCallback(
    (anchor: TextAnchor) => {
      setDraft(anchor);
      openTab('review');
    },
    [openTab],
  );
  const { spot, commentOnSelection } = useSelectionComment(editor, doc, rights.comment, startDraft);
  // "+ Comment" with nothing selected says what to do, beside the button, until text is selected.
  const [hint, setHint] = useState(false);
  useEffect(() => {
    if (spot) setHint(false);
  }, [spot]);

  const focusThread = useCallback(
    (id: string) => {
      setActive(id);
      const range = live.get(id)?.range;
      range?.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
    [live],
  );

  // Clicking commented text in the act opens its thread.
  useEffect(() => {
    const root = editor.getRootElement();
    if (!root) return;
    const onClick = (event: MouseEvent): void => {
      const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
      if (!caret) return;
      const hit = [...live.entries()].find(([, a]) => a.range?.isPointInRange(caret.offsetNode, caret.offset));
      if (!hit) return;
      setActive(hit[0]);
      openTab('review');
      document.querySelector(`[data-thread-id="${hit[0]}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    };
    root.addEventListener('click', onClick);
    return () => root.removeEventListener('click', onClick);
  }, [editor, live, openTab]);

  const showArticle = useCallback(
    (articleKey: string) => {
      const key = editor.getEditorState().read(() => $getRoot().getChildren().find((b) => b instanceof NumberedBlockNode && b.getUid() === articleKey)?.getKey());
      if (key) editor.getElementByKey(key)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
    [editor],
  );

  const failed = data.queued.map((e, i) => ({ ...e, index: i })).filter((e) => e.error);

  return (
    <section className="sj-review" aria-label={t('review.title')}>
      <div className="sj-review-head">
        <h3>{t('review.title')}</h3>
        {rights.comment ? (
          <button className="sj-small-button" title={t('review.commentShortcut', { keys: keysOf('comment') })} onClick={() => setHint(!commentOnSelection())} data-action="comment">
            + {t('review.comment')}
          </button>
        ) : null}
      </div>
      {hint && !draft ? (
        <p className="sj-hint sj-small" role="status" data-field="comment-hint">
          {t('review.selectFirst')}
        </p>
      ) : null}
      {draft ? (
        <CommentComposer
          quote={draft.text}
          allowBlocking={rights.blocking}
          onCancel={() => setDraft(null)}
          onSend={(text, blocking) => {
            data.startThread(draft, text, blocking);
            setDraft(null);
          }}
        />
      ) : null}
      {failed.map((e) => (
        <div key={e.index} className="sj-error sj-small" role="alert">
          {t('review.failed', { message: e.error })} <button onClick={() => data.dismiss(e.index)}>×</button>
        </div>
      ))}
      {views.length === 0 ? <p className="sj-muted sj-small">{t('review.empty')}</p> : null}
      <ol className="sj-threads">
        {views.map((view) => (
          <ThreadCard
            key={view.id}
            thread={view}
            active={active === view.id}
            rights={rights}
            actions={{ onFocus: focusThread, onReply: data.reply, onResolve: data.resolve, onReopen: data.reopen }}
          />
        ))}
      </ol>
      <RecordExport session={session} docId={docId} />
      <ArticleReviews reviews={data.reviews} hashes={hashes} hashNow={hashNow} canDecide={rights.decide} online={data.online} onDecide={data.decide} onShow={showArticle} />
      {spot && rights.comment && !draft
        ? createPortal(
            <button
              className="sj-selection-comment sj-primary"
              style={{ top: spot.top, left: spot.left }}
              title={t('review.commentShortcut', { keys: keysOf('comment') })}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => commentOnSelection()}
            >
              {t('review.comment')}
            </button>,
            document.body,
          )
        : null}
    </section>
  );
}
