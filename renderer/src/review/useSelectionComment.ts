import { useCallback, useEffect, useState } from 'react';
import type { LexicalEditor } from 'lexical';
import type * as Y from 'yjs';
import { createTextAnchor, type TextAnchor } from '../../../shared/review/textAnchor';
import { pointsOfRange } from './anchorDom';
import { isShortcut } from '../editor/shortcuts';

/** Where the floating "Comment" button goes: beside the end of the selected text, in viewport pixels. */
export interface SelectionSpot {
  readonly top: number;
  readonly left: number;
}

/** True for the shortcut that comments on the selection: Ctrl+Alt+M (⌘⌥M on a Mac). */
export function isCommentShortcut(event: KeyboardEvent): boolean {
  return isShortcut('comment', event);
}

/**
 * Follows the text selection in the act: where to show the "Comment" button, and a function that places an
 * anchor on the selected text in this window's own Y.Doc (reviewers' read-only editors included, since the
 * anchor never changes the act). The shortcut calls `onComment` with that anchor too.
 */
export function useSelectionComment(
  editor: LexicalEditor,
  doc: Y.Doc | null,
  enabled: boolean,
  onComment: (anchor: TextAnchor) => void,
): { spot: SelectionSpot | null; commentOnSelection: () => boolean } {
  const [spot, setSpot] = useState<SelectionSpot | null>(null);

  const selectedRange = useCallback((): Range | null => {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const root = editor.getRootElement();
    return root && root.contains(range.commonAncestorContainer) ? range : null;
  }, [editor]);

  const commentOnSelection = useCallback((): boolean => {
    const range = selectedRange();
    if (!enabled || !doc || !range) return false;
    const points = pointsOfRange(editor, range);
    const anchor = points ? createTextAnchor(doc, points.from, points.to) : null;
    if (!anchor?.ok) return false;
    onComment(anchor.value);
    setSpot(null);
    return true;
  }, [enabled, doc, editor, selectedRange, onComment]);

  useEffect(() => {
    if (!enabled) return;
    const onSelection = (): void => {
      const range = selectedRange();
      const rect = range?.getBoundingClientRect();
      setSpot(rect && rect.width + rect.height > 0 ? { top: rect.bottom + 6, left: Math.min(rect.right, window.innerWidth - 140) } : null);
    };
    const onKey = (event: KeyboardEvent): void => {
      if (isCommentShortcut(event) && commentOnSelection()) event.preventDefault();
    };
    document.addEventListener('selectionchange', onSelection);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('selectionchange', onSelection);
      document.removeEventListener('keydown', onKey);
    };
  }, [enabled, selectedRange, commentOnSelection]);

  return { spot, commentOnSelection };
}
