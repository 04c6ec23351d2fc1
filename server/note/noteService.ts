import type { Database } from 'better-sqlite3';
import * as Y from 'yjs';
import type { Language } from '../../shared/lang/language';
import { deriveNoteModel, type NoteModel } from '../../shared/note/noteModel';
import { noteRoomId } from '../../shared/note/noteRoom';
import type { DocumentService } from '../services/documentService';
import type { DocStore } from '../store/docStore';
import { readNoteState, seedNoteState } from './noteEditor';
import type { NoteSectionStore } from './noteSectionStore';

/** The explanatory notes of a workspace's acts: their seed, their current state and their derived model. */
export interface NoteService {
  readonly sections: NoteSectionStore;
  /**
   * Seeds a new act's note from the workspace's section list. Runs inside the act's creation transaction,
   * so an act never exists without its note.
   */
  seed(docId: string, language: Language): void;
  /** The note's stored state, seeding it first for an act created before notes existed; null for no act. */
  load(docId: string): Uint8Array | null;
  /** The note's current Yjs state: the live room's if it is open, else the stored one. */
  currentState(docId: string): Uint8Array | null;
  /** The note's current model, derived once per change of its text. */
  model(docId: string): NoteModel | null;
  /** The model of any Yjs state of this act's note (a frozen version, say). */
  modelOf(docId: string, state: Uint8Array): NoteModel | null;
  /** Forgets the cached model of a note whose text changed (every stored update calls it). */
  textChanged(docId: string): void;
}

/**
 * A note service over its own DocStore; `live` gives the open room's doc of a note, `onSeeded` runs in the
 * seed's transaction (the workspace claims the seed's client ids for the server).
 */
export function createNoteService(
  db: Database,
  store: DocStore,
  sections: NoteSectionStore,
  documents: DocumentService,
  live: (docId: string) => Y.Doc | undefined,
  onSeeded?: (docId: string, seed: Uint8Array) => void,
): NoteService {
  const models = new Map<string, NoteModel>();
  const seedNow = db.transaction((docId: string, language: Language) => {
    // Checked inside the transaction: two seeds of one note would merge into duplicated sections.
    if (store.count(docId) !== 0) return;
    const seed = seedNoteState(sections.get(), language, noteRoomId(docId));
    store.append(docId, seed);
    onSeeded?.(docId, seed);
  });

  const service: NoteService = {
    sections,
    seed(docId, language) {
      seedNow(docId, language);
    },
    load(docId) {
      const doc = documents.get(docId);
      if (!doc) return null;
      if (store.count(docId) === 0) seedNow(docId, doc.language);
      return store.load(docId);
    },
    currentState(docId) {
      const doc = live(docId);
      return doc ? Y.encodeStateAsUpdate(doc) : service.load(docId);
    },
    model(docId) {
      const cached = models.get(docId);
      if (cached) return cached;
      const state = service.currentState(docId);
      const model = state ? service.modelOf(docId, state) : null;
      if (model) models.set(docId, model);
      return model;
    },
    modelOf(docId, state) {
      const doc = documents.get(docId);
      if (!doc) return null;
      return deriveNoteModel(readNoteState(state, noteRoomId(docId)), { docId, language: doc.language, actTitle: doc.title });
    },
    textChanged(docId) {
      models.delete(docId);
    },
  };
  return service;
}
