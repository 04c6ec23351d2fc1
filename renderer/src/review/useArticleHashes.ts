import { useCallback, useEffect, useState } from 'react';
import type { LexicalEditor } from 'lexical';
import type { Language } from '../../../shared/lang/language';
import { deriveDocumentModel } from '../../../shared/model/deriveModel';
import { allArticles } from '../../../shared/model/documentModel';
import type { SerializedState } from '../../../shared/model/serializedState';
import { articleTextHash } from '../../../shared/review/articles';

/** How long edits must pause before the articles' fingerprints are computed again. */
export const ARTICLE_HASH_DEBOUNCE_MS = 300;

/** The fingerprint of every article of the text the editor holds now, by article key. */
export function articleHashesIn(editor: LexicalEditor, language: Language): Map<string, string> {
  const model = deriveDocumentModel(editor.getEditorState().toJSON() as unknown as SerializedState, language);
  return new Map(allArticles(model).map((a) => [a.key, articleTextHash(a)]));
}

/** What the panel knows of the articles' fingerprints in this window. */
export interface ArticleHashes {
  /** Every article's fingerprint, computed once edits pause (for the badges). */
  readonly hashes: ReadonlyMap<string, string>;
  /**
   * The fingerprint of one article in the text this window shows right now, read when a reviewer approves:
   * the approval is of that text (issue 11, point 4), even within the pause before `hashes` catches up.
   */
  hashNow(articleKey: string): string | undefined;
}

/**
 * The fingerprint of every article's current text in this window (the same `articleTextHash` the server
 * stores at approval), so an approved article that someone edits shows "needs re-review" at once.
 */
export function useArticleHashes(editor: LexicalEditor, language: Language): ArticleHashes {
  const [hashes, setHashes] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let timer = 0;
    const compute = (): void => setHashes(articleHashesIn(editor, language));
    const schedule = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(compute, ARTICLE_HASH_DEBOUNCE_MS);
    };
    schedule();
    const stop = editor.registerUpdateListener(schedule);
    return () => {
      stop();
      window.clearTimeout(timer);
    };
  }, [editor, language]);
  const hashNow = useCallback((articleKey: string) => articleHashesIn(editor, language).get(articleKey), [editor, language]);
  return { hashes, hashNow };
}
