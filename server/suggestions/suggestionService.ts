import type { Database } from 'better-sqlite3';
import * as Y from 'yjs';
import type { Person } from '../../shared/api/review';
import type { NewSuggestionRequest, Suggestion, SuggestionStatus } from '../../shared/api/suggestions';
import { canonicalJson } from '../../shared/canonicalJson';
import { randomId } from '../../shared/ids';
import { appendAudit } from '../audit/auditLog';
import type { ReviewEvents } from '../review/reviewEvents';
import { refreshAfterPause } from '../review/refreshAfterPause';
import { currentSnapshot, currentStage, PUBLIC_CONSULTATION, releaseSnapshot, type ActSnapshot } from '../review/workflowAccess';
import type { Workspace } from '../workspace';
import { editAct, type ActEdit, type ActEditSession } from './applySuggestion';
import { EditRefused } from './spanEdit';
import { placeNewSuggestion } from './newSuggestion';
import { actPlaces, placeSuggestion, suggestionView, type ActPlaces, type SuggestionPlacement } from './suggestionPlacement';
import { refuse, type SuggestionResult } from './suggestionResult';
import { createSuggestionStore, type StoredSuggestion } from './suggestionStore';

/** Timings of suggestion upkeep, named once. */
export const SUGGESTION_DEFAULTS = {
  /** After the text changes, statuses and moved positions are computed anew once edits pause this long. */
  refreshAfterMs: 250,
} as const;

/** The origin of the server's own edits of an act's text (CONVENTIONS.md: tag transaction origins). */
export const SUGGESTION_ORIGIN = Symbol('suggestion');

/** Which suggestions one accept takes: by id, or all open ones of a member in an article. */
export type AcceptSelection = { readonly ids: readonly string[] } | { readonly authorId: string; readonly articleKey: string };

/** A suggestion with its placement in one state of the act, for the record. */
export interface SuggestionInState {
  readonly suggestion: StoredSuggestion;
  readonly placement: SuggestionPlacement;
}

/** Suggestions of the workspace's acts: stored in SQLite, anchored in the act's text, applied by the server. */
export interface SuggestionService {
  list(docId: string): Suggestion[];
  /** Stores a suggestion; `created` is false when a retry got the stored one back. */
  create(docId: string, request: NewSuggestionRequest, actor: Person): SuggestionResult<{ suggestion: Suggestion; created: boolean }>;
  accept(docId: string, selection: AcceptSelection, reason: string | undefined, actor: Person): SuggestionResult<Suggestion[]>;
  reject(docId: string, id: string, reason: string, actor: Person): SuggestionResult<Suggestion>;
  undo(docId: string, id: string, actor: Person): SuggestionResult<Suggestion>;
  /** The suggestions and their placement in a state of the act (a version's: only those made by then). */
  inState(docId: string, snapshot: ActSnapshot): SuggestionInState[];
  /** Tells the service the act's text changed, so statuses and moved positions are computed anew soon. */
  textChanged(docId: string): void;
  /** Computes statuses and moved positions now, telling open clients when any changed. */
  refresh(docId: string): void;
  close(): void;
}

const notFound = (docId: string, id: string) => refuse(404, 'not_found', `Unknown suggestion '${id}' in document '${docId}'`);
const cut = (text: string, n = 60): string => (text.length > n ? `${text.slice(0, n)}…` : text);

/** Creates the suggestion service; `workspace` is read lazily, as the workspace is built around its services. */
export function createSuggestionService(db: Database, workspace: () => Workspace, events: ReviewEvents): SuggestionService {
  const store = createSuggestionStore(db);
  const later = refreshAfterPause({
    afterMs: SUGGESTION_DEFAULTS.refreshAfterMs,
    refresh: (docId) => service.refresh(docId),
    failed: (docId, error) => workspace().log(`[review] could not place the suggestions of ${docId} anew: ${error.message}`),
  });
  /** The statuses the last refresh found, per act, so that a refresh tells open clients only of changes. */
  const told = new Map<string, Map<string, SuggestionStatus>>();

  const languageOf = (docId: string) => workspace().documents.get(docId)?.language ?? 'ka';
  const changed = (docId: string): void => events.publish(docId, 'suggestions');

  /** Places suggestions against the current text, storing the positions of open ones that moved. */
  const placedNow = <T>(docId: string, read: (at: ActPlaces, placed: Map<string, SuggestionPlacement>) => T): T => {
    const snapshot = currentSnapshot(workspace(), docId);
    try {
      const at = actPlaces(snapshot.doc, languageOf(docId));
      const placed = new Map(store.list(docId).map((s) => [s.id, placeSuggestion(at, s, true)] as const));
      const moves = store.list(docId).filter((s) => placed.get(s.id)?.span?.moved);
      if (moves.length) {
        db.transaction(() => {
          for (const s of moves) {
            const p = placed.get(s.id)!;
            store.move(s.id, p.span!.moved!, p.blockKey, p.articleKey);
          }
        })();
      }
      return read(at, placed);
    } finally {
      releaseSnapshot(snapshot);
    }
  };

  const views = (docId: string, ids?: readonly string[]): Suggestion[] =>
    placedNow(docId, (_at, placed) => {
      const wanted = ids ? new Set(ids) : null;
      return store
        .list(docId)
        .filter((s) => !wanted || wanted.has(s.id))
        .map((s) => ({ s, p: placed.get(s.id)! }))
        .sort((a, b) => a.p.order - b.p.order || a.s.createdAt.localeCompare(b.s.createdAt))
        .map(({ s, p }) => suggestionView(s, p));
    });
  const one = (docId: string, id: string): Suggestion => views(docId, [id])[0]!;

  /** The act's current state: the open room's, else the stored one. */
  const liveState = (docId: string): Uint8Array => {
    const room = workspace().sync.openRoom(docId);
    return room && !room.isBroken ? Y.encodeStateAsUpdate(room.doc) : (workspace().store.load(docId) ?? new Uint8Array([0, 0]));
  };

  /** Edits a private copy of the act; a refused edit becomes 409 `stale` with its sentence. */
  const edit = <T>(docId: string, run: (session: ActEditSession) => T): SuggestionResult<ActEdit<T>> => {
    try {
      return { ok: true, value: editAct(liveState(docId), docId, run) };
    } catch (error) {
      if (error instanceof EditRefused) return refuse(409, 'stale', `${error.message}; nothing was changed`);
      throw error;
    }
  };

  /** Runs one step of an edit, naming the suggestion in a refusal. */
  const step = <T>(prefix: string, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof EditRefused) throw new EditRefused(`${prefix}: ${error.message}`);
      throw error;
    }
  };

  const audit = (docId: string, at: string, actor: Person, action: string, payload: unknown): void =>
    void appendAudit(db, { at, actor: actor.id, action, docId, payload });

  const service: SuggestionService = {
    list: (docId) => (store.list(docId).length ? views(docId) : []),

    create(docId, request, actor) {
      const requestJson = canonicalJson({ target: request.target, text: request.text, note: request.note ?? null, newBlocks: request.newBlocks ?? [] });
      const existing = request.id ? store.byId(request.id) : null;
      if (existing) {
        // A retried request from an offline queue gets the stored suggestion; nobody may reuse the id otherwise.
        if (existing.author.id === actor.id && existing.docId === docId && existing.request === requestJson) return { ok: true, value: { suggestion: one(docId, existing.id), created: false } };
        return refuse(409, 'conflict', `A suggestion with the id '${request.id}' already exists with other content or by another member`);
      }
      const locked = workspace().workflow.lockReason(docId);
      if (locked) return refuse(409, 'locked', `No suggestions on this act: ${locked}`);
      const snapshot = currentSnapshot(workspace(), docId);
      let placed;
      try {
        placed = placeNewSuggestion(actPlaces(snapshot.doc, languageOf(docId)), request);
      } finally {
        releaseSnapshot(snapshot);
      }
      if (!placed.ok) return placed;
      const id = request.id ?? `sg-${randomId(16)}`;
      const at = new Date().toISOString();
      const { quote, blockKey } = request.target;
      db.transaction(() => {
        store.insert({
          id,
          docId,
          author: actor,
          createdAt: at,
          blockKey,
          articleKey: placed.value.articleKey,
          quote,
          text: request.text,
          newBlocks: request.newBlocks ?? [],
          note: request.note || null,
          publicConsultation: currentStage(workspace(), docId) === PUBLIC_CONSULTATION,
          position: placed.value.position,
          request: requestJson,
        });
        audit(docId, at, actor, 'suggestion.created', { suggestionId: id, blockKey, articleKey: placed.value.articleKey, quote, text: request.text, note: request.note ?? null });
      })();
      changed(docId);
      return { ok: true, value: { suggestion: one(docId, id), created: true } };
    },

    accept(docId, selection, reason, actor) {
      if ('ids' in selection) {
        const unknown = selection.ids.find((id) => !store.get(docId, id));
        if (unknown) return notFound(docId, unknown);
      }
      // Placed first: the batch goes in document order, and a stale one is named before anything is edited.
      const batch = placedNow(docId, (_at, placed) => {
        const wanted =
          'ids' in selection
            ? (s: StoredSuggestion) => selection.ids.includes(s.id)
            : (s: StoredSuggestion) => s.status === 'open' && s.author.id === selection.authorId && placed.get(s.id)?.articleKey === selection.articleKey;
        return store
          .list(docId)
          .filter(wanted)
          .map((s) => ({ s, p: placed.get(s.id)! }))
          .sort((a, b) => a.p.order - b.p.order);
      });
      if (!batch.length && 'authorId' in selection) {
        return refuse(404, 'not_found', `No open suggestions by member '${selection.authorId}' in article '${selection.articleKey}' of document '${docId}'`);
      }
      const decided = batch.find((c) => c.s.status !== 'open');
      if (decided) return refuse(409, 'already_decided', `Suggestion '${decided.s.id}' was already ${decided.s.status}: undo that decision first`);
      const stale = batch.find((c) => c.p.status === 'stale');
      if (stale) return refuse(409, 'stale', `Suggestion '${stale.s.id}' is stale: its quote '${cut(stale.s.quote)}' no longer stands in the text; nothing was changed`);
      const made = edit(docId, (session) => batch.map(({ s }) => step(`Suggestion '${s.id}' is stale`, () => session.accept(s))));
      if (!made.ok) return made;
      const at = new Date().toISOString();
      const ids = batch.map((c) => c.s.id);
      // The accepted text is the decider's edit in the record of who changed what (issue 12).
      workspace().sync.applyServerEdit(
        docId,
        made.value.update,
        SUGGESTION_ORIGIN,
        () => {
          batch.forEach(({ s }, i) => {
            store.decide(s.id, 'accepted', { by: actor, at, reason: reason || null }, made.value.value[i]!, made.value.clientId);
            audit(docId, at, actor, 'suggestion.accepted', { suggestionId: s.id, reason: reason || null, quote: s.quote, text: s.text, clientId: made.value.clientId, ...(ids.length > 1 ? { batch: ids } : {}) });
          });
        },
        actor.id,
      );
      changed(docId);
      return { ok: true, value: views(docId, ids) };
    },

    reject(docId, id, reason, actor) {
      const s = store.get(docId, id);
      if (!s) return notFound(docId, id);
      if (s.status !== 'open') return refuse(409, 'already_decided', `Suggestion '${id}' was already ${s.status}: undo that decision first`);
      const at = new Date().toISOString();
      db.transaction(() => {
        store.decide(id, 'rejected', { by: actor, at, reason }, null, null);
        audit(docId, at, actor, 'suggestion.rejected', { suggestionId: id, reason, quote: s.quote, text: s.text });
      })();
      changed(docId);
      return { ok: true, value: one(docId, id) };
    },

    undo(docId, id, actor) {
      const s = store.get(docId, id);
      if (!s) return notFound(docId, id);
      if (s.status === 'open' || !s.decision) return refuse(409, 'not_decided', `Suggestion '${id}' is open: there is no decision to undo`);
      if (s.decision.by.id !== actor.id) return refuse(403, 'forbidden', `Only ${s.decision.by.name}, who ${s.status} suggestion '${id}', may undo that decision`);
      const at = new Date().toISOString();
      const payload = { suggestionId: id, undid: s.status };
      if (s.status === 'rejected') {
        db.transaction(() => {
          store.reopen(id, actor, at, s.position, null);
          audit(docId, at, actor, 'suggestion.undone', payload);
        })();
      } else {
        if (!s.applied) return refuse(409, 'stale', `Suggestion '${id}' has no record of where its change stands; nothing was changed`);
        const applied = s.applied;
        const made = edit(docId, (session) => step(`Suggestion '${id}' cannot be undone`, () => session.revert(applied, s.quote)));
        if (!made.ok) return made;
        workspace().sync.applyServerEdit(
          docId,
          made.value.update,
          SUGGESTION_ORIGIN,
          () => {
            store.reopen(id, actor, at, made.value.value, made.value.clientId);
            audit(docId, at, actor, 'suggestion.undone', { ...payload, clientId: made.value.clientId });
          },
          actor.id,
        );
      }
      changed(docId);
      return { ok: true, value: one(docId, id) };
    },

    inState(docId, snapshot) {
      const made = store.list(docId).filter((s) => snapshot.frozenAt === null || s.createdAt <= snapshot.frozenAt);
      if (!made.length) return [];
      const at = actPlaces(snapshot.doc, languageOf(docId));
      return made.map((suggestion) => ({ suggestion, placement: placeSuggestion(at, suggestion, snapshot.frozenAt === null) }));
    },

    textChanged: (docId) => later.schedule(docId),

    refresh(docId) {
      if (!store.list(docId).length) return;
      const before = told.get(docId);
      const news = placedNow(docId, (_at, placed) => {
        told.set(docId, new Map([...placed].map(([id, p]) => [id, p.status])));
        return [...placed].filter(([id, p]) => before?.get(id) !== p.status || p.span?.moved);
      });
      if (news.length) changed(docId);
    },

    close: () => later.close(),
  };
  return service;
}
