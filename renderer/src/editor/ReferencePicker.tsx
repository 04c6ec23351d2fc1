import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutlineEntry } from './plugins/NumberingPlugin';

/** A dialog listing articles and paragraphs by their current numbers, to pick the target of a reference. */
export function ReferencePicker({ outline, onPick, onClose }: { outline: readonly OutlineEntry[]; onPick: (uid: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  let article = '';
  const targets = outline
    .filter((e) => e.kind === 'article' || (e.kind === 'clause' && e.depth === 0))
    .map((e) => {
      if (e.kind === 'article') article = e.label.replace(/\.$/, '');
      return { ...e, display: e.kind === 'article' ? `${article}. ${e.heading}` : `    ${article}, ${e.label} ${e.heading}` };
    })
    .filter((e) => e.display.toLowerCase().includes(filter.toLowerCase()));
  return (
    <div className="sj-modal" role="dialog" aria-modal="true" aria-label={t('editor.referencePrompt')} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="sj-modal-body">
        <h2>{t('editor.referencePrompt')}</h2>
        <input autoFocus value={filter} onChange={(e) => setFilter(e.target.value)} aria-label={t('editor.referencePrompt')} />
        <ul className="sj-reference-list">
          {targets.map((e) => (
            <li key={e.key}>
              <button type="button" onClick={() => onPick(e.uid)}>
                {e.display}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={onClose}>
          {t('create.cancel')}
        </button>
      </div>
    </div>
  );
}
