import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { Language } from '../../../../shared/lang/language';
import { citationTargetsByUid, numberBlocks as numberNewAct, referenceText } from '../../../../shared/model/blockNumbering';
import { CROSS_REFERENCE_LABEL_CLASS, CrossReferenceNode, numberSpanOf } from '../../../../shared/nodes';
import { $blockRefs } from '../structure';
import { numberBlocksAgainstBase, type NumberingBase } from '../../../../shared/model/stableNumbering';

/** How long the outline waits after the last change before it reads the headings again. */
const OUTLINE_DELAY_MS = 250;

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
export function NumberingPlugin({ language, onOutline, base }: { language: Language; onOutline: (outline: OutlineEntry[]) => void; base?: NumberingBase | undefined }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    // A revision of an act in force keeps the act's numbers; new units take superscripts (issue 13, §4).
    const numberBlocks = (refs: Parameters<typeof numberNewAct>[0], lang: Language) => (base ? numberBlocksAgainstBase(refs, lang, base) : numberNewAct(refs, lang));
    const references = new Set<string>();
    let referencesChanged = true;
    let lastStructure = '';
    let lastOutline = '';
    let outlineTimer: ReturnType<typeof setTimeout> | undefined;

    const publishOutline = () => {
      editor.getEditorState().read(() => {
        const { nodes, refs } = $blockRefs();
        const numbers = numberBlocks(refs, language);
        const outline: OutlineEntry[] = [];
        nodes.forEach((node, i) => {
          const kind = refs[i]?.type;
          if (kind === 'chapter' || kind === 'article' || kind === 'annex' || kind === 'clause') {
            outline.push({ key: node.getKey(), uid: refs[i]?.uid ?? '', kind, label: numbers[i]?.label ?? '', heading: node.getTextContent().slice(0, 80), depth: refs[i]?.depth ?? 0 });
          }
        });
        const serialized = JSON.stringify(outline);
        if (serialized !== lastOutline) {
          lastOutline = serialized;
          onOutline(outline);
        }
      });
    };

    const renumber = () => {
      editor.getEditorState().read(() => {
        const { nodes, refs } = $blockRefs();
        // Numbers depend only on which blocks there are, in what order, at what depth (and on the DOM each
        // has, which changes with its key). Typing inside a block changes none of that, so a keystroke costs
        // one pass over the blocks' keys instead of a pass over the text of a 200-page act.
        const structure = nodes.map((node, i) => `${node.getKey()}:${refs[i]?.type}:${refs[i]?.uid}:${refs[i]?.depth}`).join('|');
        if (structure === lastStructure && !referencesChanged) return;
        lastStructure = structure;
        referencesChanged = false;
        const numbers = numberBlocks(refs, language);
        nodes.forEach((node, i) => {
          const number = numbers[i]?.label;
          // A no-break space keeps the label apart from the text in copied and read-out text too.
          const label = number ? `${number}\u00a0` : '';
          const dom = editor.getElementByKey(node.getKey());
          const span = dom ? numberSpanOf(dom) : null;
          if (span && span.textContent !== label) span.textContent = label;
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
      });
      // The outline reads every heading's text: it follows typing after a pause, not on every keystroke.
      clearTimeout(outlineTimer);
      outlineTimer = setTimeout(publishOutline, OUTLINE_DELAY_MS);
    };
    const stopMutations = editor.registerMutationListener(
      CrossReferenceNode,
      (mutations) => {
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') references.delete(key);
          else references.add(key);
        }
        referencesChanged = true;
      },
      { skipInitialization: false },
    );
    const stopUpdates = editor.registerUpdateListener(renumber);
    renumber();
    return () => {
      clearTimeout(outlineTimer);
      stopMutations();
      stopUpdates();
    };
  }, [editor, language, onOutline, base]);
  return null;
}
