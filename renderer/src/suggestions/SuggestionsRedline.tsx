import { useCallback } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { RedlineLayer } from './RedlineLayer';
import { useNewBlockLabel } from './SuggestionCard';
import { useSuggestions } from './SuggestionsContext';

/** The redline of the act's open suggestions and of the change being typed, placed inside the page. */
export function SuggestionsRedline() {
  const [editor] = useLexicalComposerContext();
  const { marks, typing, activeId, setActive, controller } = useSuggestions();
  const label = useNewBlockLabel();
  const onCaretInTyping = useCallback((index: number) => editor.update(() => controller.$moveCaret(index)), [editor, controller]);
  return <RedlineLayer editor={editor} marks={marks} typing={typing} label={label} activeId={activeId} onPick={setActive} onCaretInTyping={onCaretInTyping} />;
}
