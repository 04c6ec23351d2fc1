import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/lang/language';
import { CITATION_CASES, formatCitation, type CitationCase } from '../../../shared/model/numbering';
import type { OutlineEntry } from './plugins/NumberingPlugin';
import { Dialog } from '../ui/Dialog';

/**
 * A dialog listing articles and paragraphs by their current numbers, to pick the target of a reference. In a
 * Georgian act it also asks the form the citation takes in the sentence (მუხლი, მუხლის, მუხლით…), shown as
 * examples rather than grammar terms.
 */
export function ReferencePicker({
  outline,
  language,
  onPick,
  onClose,
}: {
  outline: readonly OutlineEntry[];
  language: Language;
  onPick: (choice: { target: string; grammaticalCase: CitationCase }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [grammaticalCase, setCase] = useState<CitationCase>('nominative');
  let article = '';
  const targets = outline
    .filter((e) => e.kind === 'article' || (e.kind === 'clause' && e.depth === 0))
    .map((e) => {
      if (e.kind === 'article') article = e.label.replace(/\.$/, '');
      return { ...e, display: e.kind === 'article' ? `${article}. ${e.heading}` : `    ${article}, ${e.label} ${e.heading}` };
    })
    .filter((e) => e.display.toLowerCase().includes(filter.toLowerCase()));
  return (
    <Dialog labelledBy="sj-reference-title" onClose={onClose} name="reference">
      <h2 id="sj-reference-title">{t('editor.referencePrompt')}</h2>
      <input autoFocus value={filter} onChange={(e) => setFilter(e.target.value)} aria-label={t('editor.referencePrompt')} />
      {language === 'ka' ? (
        <label>
          {t('editor.referenceCase')}
          <select name="referenceCase" value={grammaticalCase} onChange={(e) => setCase(e.target.value as CitationCase)}>
            {CITATION_CASES.map((c) => (
              <option key={c} value={c}>
                {formatCitation({ article: 3, paragraph: 2 }, 'ka', c)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <ul className="sj-reference-list">
        {targets.map((e) => (
          <li key={e.key}>
            <button type="button" onClick={() => onPick({ target: e.uid, grammaticalCase })}>
              {e.display}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onClose}>
        {t('create.cancel')}
      </button>
    </Dialog>
  );
}
