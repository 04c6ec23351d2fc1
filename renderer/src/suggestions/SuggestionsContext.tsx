import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { WebsocketProvider } from 'y-websocket';
import type { Member } from '../../../shared/api/members';
import type { Language } from '../../../shared/lang/language';
import type { Person } from '../../../shared/api/review';
import type { Session } from '../connection/session';
import { useActDoc, useTextSynced } from '../review/useActDoc';
import type { RedlineMark } from './redline';
import { SuggestingController, type TypedChange } from './suggestingController';
import { suggestRights, type EditMode, type SuggestRights } from './suggestRights';
import { redlineMarks, usePlacedSpans, type PlacedSpans } from './useRedlineMarks';
import { useSuggestingInput } from './useSuggestingInput';
import { useSuggestionData, type SuggestionData } from './useSuggestionData';
import './suggestions.css';
import { isShortcut } from '../editor/shortcuts';

/** What suggesting needs to know of the page: the act, the member, its stage and whether it may be changed. */
export interface SuggestionSetup {
  readonly session: Session;
  readonly docId: string;
  /** The act's language, in which its articles are named. */
  readonly language: Language;
  readonly me: Member | null;
  readonly userName: string;
  readonly stage: string | undefined;
  /** Adopted: nobody changes the text (issue 4). */
  readonly locked: boolean;
  /** The server refused this member's edit (issue 7): nothing is sent until the page is reloaded. */
  readonly denied: boolean;
  readonly provider: WebsocketProvider | null;
}

/** Suggesting mode, the act's suggestions and the redline, shared by the toolbar, the page and the side panel. */
export interface SuggestionsState {
  readonly rights: SuggestRights;
  readonly mode: EditMode;
  /** True while edits become suggestions. */
  readonly suggesting: boolean;
  toggleMode(): void;
  readonly data: SuggestionData;
  readonly typing: TypedChange | null;
  readonly placed: PlacedSpans;
  readonly marks: ReadonlyMap<number, readonly RedlineMark[]>;
  readonly me: Person;
  readonly activeId: string | null;
  setActive(id: string | null): void;
  readonly controller: SuggestingController;
}

const Context = createContext<SuggestionsState | null>(null);

/** The suggestions of the act around the editor; read with `useSuggestions`. */
export function useSuggestions(): SuggestionsState {
  const state = useContext(Context);
  if (!state) throw new Error('Expected useSuggestions inside <SuggestionsProvider>');
  return state;
}

/** True for the shortcut that switches between editing and suggesting: Ctrl+Alt+Shift+S (⌘⌥⇧S on a Mac). */
export function isModeShortcut(event: KeyboardEvent): boolean {
  return isShortcut('suggestingMode', event);
}

/**
 * Holds suggesting mode for one open act (issue 12): who may do what, the mode and its shortcut, the
 * editor's editability (a reviewer's read-only text takes a caret in suggesting mode, since every edit is
 * intercepted), the change being typed, and the suggestions from the server and the offline queue.
 */
export function SuggestionsProvider({ setup, readOnly, children }: { setup: SuggestionSetup; readOnly: boolean; children: ReactNode }) {
  const [editor] = useLexicalComposerContext();
  const doc = useActDoc(setup.docId);
  const textSynced = useTextSynced(setup.provider);
  const data = useSuggestionData(setup.session, setup.docId, doc, textSynced);
  const rights = useMemo(() => suggestRights(setup.me?.role, setup.stage, setup.locked, setup.denied), [setup.me?.role, setup.stage, setup.locked, setup.denied]);
  const [chosen, setChosen] = useState<EditMode | null>(null);
  const mode = rights.canSwitch ? (chosen ?? rights.defaultMode) : rights.defaultMode;
  const suggesting = mode === 'suggesting' && rights.suggest;
  const [activeId, setActive] = useState<string | null>(null);
  const send = data.send;
  const controller = useMemo(() => new SuggestingController(() => doc, send), [doc, send]);
  useEffect(() => () => controller.dispose(), [controller]);
  const subscribe = useCallback((listener: () => void) => controller.subscribe(listener), [controller]);
  const current = useCallback(() => controller.current(), [controller]);
  const typing = useSyncExternalStore(subscribe, current);
  useSuggestingInput(editor, controller, suggesting);

  // initialConfig is read once: editability follows the mode, the stage and the member's rights here.
  useEffect(() => editor.setEditable(suggesting || !readOnly), [editor, suggesting, readOnly]);

  const toggleMode = useCallback(() => {
    if (!rights.canSwitch) return;
    controller.finish();
    setChosen(mode === 'editing' ? 'suggesting' : 'editing');
  }, [rights.canSwitch, controller, mode]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!isModeShortcut(event)) return;
      event.preventDefault();
      toggleMode();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [toggleMode]);
  // A change typed just before the page closes waits in the offline queue for the next visit.
  useEffect(() => {
    const onLeave = (): void => controller.finish();
    window.addEventListener('pagehide', onLeave);
    return () => window.removeEventListener('pagehide', onLeave);
  }, [controller]);

  const me = useMemo<Person>(() => ({ id: setup.me?.id ?? '', name: setup.me?.name ?? setup.userName }), [setup.me, setup.userName]);
  const placed = usePlacedSpans(editor, doc, data.suggestions, data.queued, setup.language);
  const marks = useMemo(() => redlineMarks(data.suggestions, data.queued, typing, placed, me), [data.suggestions, data.queued, typing, placed, me]);

  const state: SuggestionsState = { rights, mode, suggesting, toggleMode, data, typing, placed, marks, me, activeId, setActive, controller };
  return <Context.Provider value={state}>{children}</Context.Provider>;
}
