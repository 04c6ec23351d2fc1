import { useCallback, useEffect, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $isElementNode } from 'lexical';
import { useTranslation } from 'react-i18next';
import { NumberedBlockNode } from '../../../shared/nodes';
import type { ReadinessReport } from '../../../shared/readiness/readinessTypes';
import { apiFetch } from '../connection/api';
import type { Session } from '../connection/session';
import { followReviewStream } from '../review/reviewStream';

/** Timings of the readiness list, named once. */
export const READINESS_UI = {
  /** After the text changes here or arrives from others, the list is asked again once edits pause this long. */
  refreshAfterMs: 600,
} as const;

/**
 * The act's readiness for the council (issue 13, §1): every problem the server's check finds, blocking or a
 * warning, in the interface's language. It is asked again as people type (the text reaches the server
 * first), when comments or sign-offs change and when the stage changes; a click on a problem shows its
 * article in the editor.
 */
export function ReadinessPanel({ session, docId, stage }: { session: Session; docId: string; stage: string | undefined }) {
  const { t, i18n } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [report, setReport] = useState<ReadinessReport | null>(null);
  const [offline, setOffline] = useState(false);
  const timer = useRef<number | undefined>(undefined);

  const load = useCallback(() => {
    apiFetch<ReadinessReport>(session, `/api/documents/${encodeURIComponent(docId)}/readiness`)
      .then((r) => {
        setReport(r);
        setOffline(false);
      })
      .catch(() => setOffline(true));
  }, [session, docId]);

  const later = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(load, READINESS_UI.refreshAfterMs);
  }, [load]);

  useEffect(() => load(), [load, stage]);
  useEffect(() => editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
    if (dirtyElements.size || dirtyLeaves.size) later();
  }), [editor, later]);
  useEffect(() => followReviewStream(session, docId, later), [session, docId, later]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const show = useCallback(
    (articleKey: string) => {
      const key = editor.getEditorState().read(() => $getRoot().getChildren().find((b) => b instanceof NumberedBlockNode && b.getUid() === articleKey)?.getKey());
      if (!key) return;
      // The caret first, then the scroll: placing the caret scrolls only just far enough to show it.
      editor.update(
        () => {
          const node = $getRoot().getChildren().find((b) => b.getKey() === key);
          if ($isElementNode(node)) node.selectEnd();
        },
        { onUpdate: () => editor.getElementByKey(key)?.scrollIntoView({ block: 'center' }) },
      );
    },
    [editor],
  );

  const lang = i18n.language === 'en' ? 'en' : 'ka';
  const blocking = report?.problems.filter((p) => p.severity === 'blocking').length ?? 0;
  return (
    <section className="sj-readiness" aria-label={t('readiness.title')}>
      <h3>{t('readiness.title')}</h3>
      {offline ? <p className="sj-muted sj-small">{t('readiness.offline')}</p> : null}
      {!report ? (
        <p className="sj-muted sj-small">{t('readiness.loading')}</p>
      ) : report.problems.length === 0 ? (
        <p className="sj-ok-text sj-small">{t('readiness.ready')}</p>
      ) : (
        <>
          <p className="sj-small">{t('readiness.summary', { blocking, warnings: report.problems.length - blocking })}</p>
          <ol className="sj-readiness-list">
            {report.problems.map((p, i) => (
              <li key={`${p.code}-${p.articleKey ?? ''}-${i}`} className={`sj-readiness-${p.severity}`} data-code={p.code}>
                <span className={`sj-badge sj-severity-${p.severity}`}>{t(`readiness.${p.severity}`)}</span>{' '}
                {p.articleKey ? (
                  <button type="button" className="sj-link" title={t('readiness.show')} onClick={() => show(p.articleKey!)}>
                    {p.message[lang]}
                  </button>
                ) : (
                  <span>{p.message[lang]}</span>
                )}
              </li>
            ))}
          </ol>
          <p className="sj-muted sj-small">{t('readiness.hint')}</p>
        </>
      )}
    </section>
  );
}
