import { useTranslation } from 'react-i18next';
import { $getNodeByKey, $isElementNode, type LexicalEditor } from 'lexical';
import type { OutlineEntry } from './plugins/NumberingPlugin';

/** The outline of the act: chapters, articles and annexes with their current numbers; a click jumps there. */
export function OutlineSidebar({ outline, editor }: { outline: readonly OutlineEntry[]; editor: LexicalEditor | null }) {
  const { t } = useTranslation();
  const entries = outline.filter((e) => e.kind !== 'clause');
  const jump = (key: string) => {
    const dom = editor?.getElementByKey(key);
    dom?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    editor?.update(() => {
      const node = $getNodeByKey(key);
      if ($isElementNode(node)) node.selectEnd();
    });
  };
  return (
    <nav className="sj-outline" aria-label={t('editor.outline')}>
      <h3>{t('editor.outline')}</h3>
      {entries.length === 0 ? <p className="sj-muted">{t('editor.noArticles')}</p> : null}
      <ol>
        {entries.map((entry) => (
          <li key={entry.key} className={`sj-outline-${entry.kind}`}>
            <button type="button" onClick={() => jump(entry.key)} title={entry.heading}>
              <span className="sj-outline-num">{entry.label.replace(/\.$/, '')}</span> {entry.heading}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
