import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { Language } from '../../../../shared/lang/language';
import { citationTargetsByUid, numberBlocks, referenceText } from '../../../../shared/model/blockNumbering';
import { CROSS_REFERENCE_LABEL_CLASS, CrossReferenceNode, numberSpanOf } from '../../../../shared/nodes';
import { $blockRefs } from '../structure';

/** One line of the outline sidebar. */
export interface OutlineEntry {
  readonly key: string;
  readonly uid: string;
  readonly kind: 'chapter' | 'article' | 'annex' | 'clause';
  readonly label: string;
  readonly heading: string;
  readonly depth: number;
}

/**
 * Shows the computed numbers. After every update it numbers the blocks and writes each label into its
 * block's unmanaged number span, and each cross-reference's current citation into its label, only where
 * they changed. Numbers are never written into the shared document, so clients never fight over them.
 */
export function NumberingPlugin({ language, onOutline }: { language: Language; onOutline: (outline: OutlineEntry[]) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const references = new Set<string>();
    let lastOutline = '';
    const renumber = () => {
      editor.getEditorState().read(() => {
        const { nodes, refs } = $blockRefs();
        const numbers = numberBlocks(refs, language);
        const outline: OutlineEntry[] = [];
        nodes.forEach((node, i) => {
          const number = numbers[i]?.label;
          // A no-break space keeps the label apart from the text in copied and read-out text too.
          const label = number ? `${number}\u00a0` : '';
          const dom = editor.getElementByKey(node.getKey());
          const span = dom ? numberSpanOf(dom) : null;
          if (span && span.textContent !== label) span.textContent = label;
          const kind = refs[i]?.type;
          if (kind === 'chapter' || kind === 'article' || kind === 'annex' || kind === 'clause') {
            outline.push({ key: node.getKey(), uid: refs[i]?.uid ?? '', kind, label: number ?? '', heading: node.getTextContent().slice(0, 80), depth: refs[i]?.depth ?? 0 });
          }
        });
        const citations = citationTargetsByUid(refs, numbers);
        for (const key of references) {
          const dom = editor.getElementByKey(key);
          const label = dom?.querySelector(`.${CROSS_REFERENCE_LABEL_CLASS}`);
          const target = dom?.dataset.target ?? '';
          const text = referenceText(citations, target, language, dom?.dataset.case);
          if (label && label.textContent !== text) label.textContent = text;
          dom?.classList.toggle('sj-xref-broken', !citations.has(target));
        }
        const serialized = JSON.stringify(outline);
        if (serialized !== lastOutline) {
          lastOutline = serialized;
          onOutline(outline);
        }
      });
    };
    const stopMutations = editor.registerMutationListener(
      CrossReferenceNode,
      (mutations) => {
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') references.delete(key);
          else references.add(key);
        }
      },
      { skipInitialization: false },
    );
    const stopUpdates = editor.registerUpdateListener(renumber);
    renumber();
    return () => {
      stopMutations();
      stopUpdates();
    };
  }, [editor, language, onOutline]);
  return null;
}
