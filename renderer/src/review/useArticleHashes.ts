import { useEffect, useState } from 'react';
import type { LexicalEditor } from 'lexical';
import type { Language } from '../../../shared/lang/language';
import { deriveDocumentModel } from '../../../shared/model/deriveModel';
import { allArticles } from '../../../shared/model/documentModel';
import type { SerializedState } from '../../../shared/model/serializedState';
import { articleTextHash } from '../../../shared/review/articles';

/** How long edits must pause before the articles' fingerprints are computed again. */
export const ARTICLE_HASH_DEBOUNCE_MS = 300;

/**
 * The fingerprint of every article's current text in this window (the same `articleTextHash` the server
 * stores at approval), so an approved article that someone edits shows "needs re-review" at once.
 */
export function useArticleHashes(editor: LexicalEditor, language: Language): ReadonlyMap<string, string> {
  const [hashes, setHashes] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let timer = 0;
    const compute = (): void => {
      const model = deriveDocumentModel(editor.getEditorState().toJSON() as unknown as SerializedState, language);
      setHashes(new Map(allArticles(model).map((a) => [a.key, articleTextHash(a)])));
    };
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
  return hashes;
}
