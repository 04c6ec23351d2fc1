import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import type { OutlineEntry } from './plugins/NumberingPlugin';
import { SHORTCUTS } from './plugins/actCommands';
import { currentArticleKey, jumpToBlock } from './jumpTo';
import { stepToChanged } from '../changes/changeSummary';
import { shortcutOf } from './shortcuts';

/** The step between changed articles a key press asks for: Alt+Shift+N forward, Alt+Shift+B back. */
function stepOfKey(event: KeyboardEvent): 1 | -1 | null {
  const id = shortcutOf(['nextChange', 'previousChange'], event);
  return id === 'nextChange' ? 1 : id === 'previousChange' ? -1 : null;
}

/**
 * The outline of the act: chapters, articles and annexes with their current numbers; a click jumps there.
 * While the changes view is shown (issue 12), each changed article carries its count of changes, and the
 * outline steps between changed articles (buttons, Alt+Shift+N and Alt+Shift+B).
 */
export function OutlineSidebar({ outline, editor, changes }: { outline: readonly OutlineEntry[]; editor: LexicalEditor | null; changes?: ReadonlyMap<string, number> }) {
  const { t } = useTranslation();
  const entries = outline.filter((e) => e.kind !== 'clause');
  const articles = entries.filter((e) => e.kind === 'article');
  const changedTotal = articles.filter((e) => (changes?.get(e.uid) ?? 0) > 0).length;
  // The article last stepped to, for when the cursor is in none (a read-only act, or focus elsewhere).
  const [stepped, setStepped] = useState<string | null>(null);
  const jump = useCallback((key: string) => editor && jumpToBlock(editor, key), [editor]);

  const step = useCallback(
    (direction: 1 | -1) => {
      if (!editor || !changes) return;
      const order = articles.map((e) => e.uid);
      const here = currentArticleKey(editor) ?? stepped;
      const current = articles.findIndex((e) => e.key === here);
      const index = stepToChanged(order, changes, current, direction);
      const target = articles[index];
      if (!target) return;
      setStepped(target.key);
      jumpToBlock(editor, target.key);
    },
    [editor, changes, articles, stepped],
  );

  const stepRef = useRef(step);
  stepRef.current = step;
  const enabled = changedTotal > 0;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const direction = stepOfKey(event);
      if (direction === null) return;
      event.preventDefault();
      stepRef.current(direction);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);

  const position = articles.filter((e) => (changes?.get(e.uid) ?? 0) > 0).findIndex((e) => e.key === stepped);
  return (
    <nav className="sj-outline" aria-label={t('editor.outline')}>
      <h3>{t('editor.outline')}</h3>
      {enabled ? (
        <div className="sj-outline-steps" data-field="change-steps">
          <button type="button" data-action="previous-change" aria-label={t('changes.previous')} title={`${t('changes.previous')} (${SHORTCUTS.previousChange})`} onMouseDown={(e) => e.preventDefault()} onClick={() => step(-1)}>
            ↑ {t('changes.previousShort')}
          </button>
          <button type="button" data-action="next-change" aria-label={t('changes.next')} title={`${t('changes.next')} (${SHORTCUTS.nextChange})`} onMouseDown={(e) => e.preventDefault()} onClick={() => step(1)}>
            ↓ {t('changes.nextShort')}
          </button>
          <span className="sj-muted sj-small" role="status">
            {position >= 0 ? t('changes.position', { at: position + 1, total: changedTotal }) : t('changes.positionNone', { count: changedTotal })}
          </span>
        </div>
      ) : null}
      {entries.length === 0 ? <p className="sj-muted">{t('editor.noArticles')}</p> : null}
      <ol>
        {entries.map((entry) => {
          const count = entry.kind === 'article' ? (changes?.get(entry.uid) ?? 0) : 0;
          return (
            <li key={entry.key} className={`sj-outline-${entry.kind}${count ? ' sj-outline-changed' : ''}`} data-changes={count || undefined}>
              <button type="button" onClick={() => jump(entry.key)} title={entry.heading} aria-current={entry.key === stepped && count ? 'location' : undefined}>
                <span className="sj-outline-num">{entry.label.replace(/\.$/, '')}</span> {entry.heading}
              </button>
              {count ? (
                <span className="sj-change-count" title={t('changes.badge', { count })}>
                  {count}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
