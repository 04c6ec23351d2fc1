import type { Database } from 'better-sqlite3';
import * as Y from 'yjs';
import { CURRENT_TEXT } from '../../shared/api/workflow';
import { LAST_VISIT, SYSTEM_AUTHOR, UNKNOWN_AUTHOR, type ChangeAuthor, type ChangesResponse, type VisitResponse } from '../../shared/api/changes';
import type { Member } from '../../shared/api/members';
import { fail, ok, type Parsed } from '../../shared/parsed';
import type { DocumentService } from '../services/documentService';
import type { VersionService } from '../versions/versionService';
import type { HistoryBetween } from '../versions/compareVersions';
import { SYSTEM_MEMBER, type AttributionStore } from './attributionStore';
import { changesBetween, type DatedArticleChanges } from './changesBetween';

/** "Who changed what" as the API serves it: changes since a base, last visits, and dated changes for compares. */
export interface ChangeService {
  /** The changes since `since` (a version id of the document, or 'lastVisit' for the member's last visit). */
  since(docId: string, since: string, member: Member): Parsed<ChangesResponse>;
  /** Remembers the act's current text as the member's last visit. */
  recordVisit(docId: string, member: Member, now?: Date): VisitResponse;
  /** The dated changes between two sides of a comparison (version ids, or 'current' for the text now). */
  between(docId: string, from: string, to: string): Parsed<DatedArticleChanges[]>;
}

/** What the service reads: documents and versions, the live rooms, the attribution record, member names. */
export interface ChangeServiceDeps {
  readonly db: Database;
  readonly documents: DocumentService;
  readonly versions: VersionService;
  readonly attribution: AttributionStore;
  /** The live Y.Doc of an open act, read without changing it. */
  readonly liveDoc: (docId: string) => Y.Doc | undefined;
}

/** The state vector and delete set of a stored Yjs state, without building a document from it. */
export function snapshotOfState(state: Uint8Array): Y.Snapshot {
  const sv = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
  const { ds } = Y.decodeUpdate(state);
  // Lookups bisect each client's ranges, so make sure they are in order whatever wrote the state.
  for (const ranges of ds.clients.values()) ranges.sort((a, b) => a.clock - b.clock);
  return Y.createSnapshot(ds, sv);
}

/** The history between two sides of a comparison of one act, for compareVersions: null when it cannot tell. */
export function historyBetween(changes: ChangeService, docId: string): HistoryBetween {
  return (from, to) => {
    const history = changes.between(docId, from, to);
    return history.ok ? history.value : null;
  };
}

/** The change service over the workspace's stores. */
export function createChangeService(deps: ChangeServiceDeps): ChangeService {
  const { db, documents, versions, attribution } = deps;
  const nameOf = db.prepare<[string], { name: string }>('SELECT name FROM members WHERE id = ?');

  const authorOf = (memberId: string | null): ChangeAuthor => {
    if (memberId === null) return UNKNOWN_AUTHOR;
    if (memberId === SYSTEM_MEMBER) return SYSTEM_AUTHOR;
    // Revoked members keep their rows, so their text stays theirs by name.
    const name = nameOf.get(memberId)?.name;
    return name === undefined ? UNKNOWN_AUTHOR : { id: memberId, name };
  };

  /** The act as it is now: the live room's doc (read only), or a private copy of the stored state with its history. */
  const withCurrentDoc = <T>(docId: string, read: (doc: Y.Doc) => T): T => {
    const live = deps.liveDoc(docId);
    if (live) return read(live);
    const doc = new Y.Doc({ gc: false });
    try {
      Y.applyUpdate(doc, documents.currentState(docId));
      return read(doc);
    } finally {
      doc.destroy();
    }
  };

  const versionSnapshot = (docId: string, versionId: string): Parsed<Y.Snapshot> => {
    const state = versions.get(docId, versionId) ? versions.state(docId, versionId) : null;
    if (!state) {
      return fail(`Unknown version '${versionId.slice(0, 80)}' of document '${docId}': expected the id of one of its versions (GET /api/documents/${docId}/versions)`);
    }
    return ok(snapshotOfState(state));
  };

  const walk = (docId: string, base: Y.Snapshot, target: Y.Snapshot | null): DatedArticleChanges[] => {
    const language = documents.get(docId)?.language ?? 'ka';
    const history = attribution.history(docId);
    return withCurrentDoc(docId, (doc) => changesBetween(doc, base, target, { history, language, author: authorOf }));
  };

  return {
    since(docId, since, member) {
      let base: Y.Snapshot;
      if (since === LAST_VISIT) {
        const visit = attribution.lastVisit(docId, member.id);
        // Never visited: everything since the act was created, whose first version is its seed.
        const first = versions.list(docId)[0];
        const firstState = first ? versions.state(docId, first.id) : null;
        base = visit ? Y.decodeSnapshot(visit.snapshot) : firstState ? snapshotOfState(firstState) : Y.emptySnapshot;
      } else {
        const snapshot = versionSnapshot(docId, since);
        if (!snapshot.ok) return snapshot;
        base = snapshot.value;
      }
      const articles = walk(docId, base, null).map((group) => ({
        articleKey: group.articleKey,
        label: group.label,
        changes: group.changes.map(({ kind, text, member: author }) => ({ kind, text, member: author })),
      }));
      return ok({ articles });
    },
    recordVisit(docId, member, now = new Date()) {
      const visitedAt = now.toISOString();
      const snapshot = Y.encodeSnapshot(snapshotOfState(documents.currentState(docId)));
      db.transaction(() => attribution.recordVisit(docId, member.id, snapshot, visitedAt))();
      return { visitedAt };
    },
    between(docId, from, to) {
      const base = versionSnapshot(docId, from);
      if (!base.ok) return base;
      if (to === CURRENT_TEXT) return ok(walk(docId, base.value, null));
      const target = versionSnapshot(docId, to);
      return target.ok ? ok(walk(docId, base.value, target.value)) : target;
    },
  };
}
