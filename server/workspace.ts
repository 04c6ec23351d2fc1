import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { DocumentModel } from '../shared/model/documentModel';
import type { Member } from '../shared/api/members';
import { SERVER_DEFAULTS, type ServerOptions } from './config';
import { openDatabase } from './db/openDatabase';
import { createMemberRegistry, type MemberRegistry } from './auth/members';
import { openOwnerToken, type OwnerAccess } from './auth/ownerToken';
import { createMemberStreams, type MemberStreams } from './auth/memberStreams';
import { createSqliteDocStore, type DocStore } from './store/docStore';
import { createCompactionScheduler } from './store/compactionScheduler';
import { createDocumentService, type DocumentService } from './services/documentService';
import { createTemplateLibrary, type TemplateLibrary } from './templates/templateLibrary';
import { SyncServer } from './sync/syncServer';
import { createAccessLimits, type AccessLimits } from './auth/authLimiter';
import type { EditAuthor } from './sync/docRoom';
import { editOfUpdate, NO_EDIT, type TextEdit } from './attribution/textEdit';
import { canEditText, may } from './auth/permissions';
import { createWorkspaceEvents, type WorkspaceEvents } from './events/workspaceEvents';
import { createVersionService, type VersionService } from './versions/versionService';
import { SYSTEM_ACTOR } from './workflow/actor';
import { createWorkflowService, type WorkflowService } from './workflow/workflowService';
import { createWorkflowStore } from './workflow/workflowStore';
import { createRecordedTextWriter } from './adoption/recordedTextWriter';
import { createLastSignatory } from './adoption/lastSignatory';
import { DEFAULT_ADOPTING_BODY } from '../shared/workflow/adoptingBody';
import { createReviewServices, type ReviewServices } from './review/reviewServices';
import { appendAudit } from './audit/auditLog';
import { createAttributionStore, SYSTEM_MEMBER, type AttributionStore } from './attribution/attributionStore';
import { createChangeService, type ChangeService } from './attribution/changeService';
import { noteRoomId, parseSyncRoom, type SyncRoom } from '../shared/note/noteRoom';
import { invariant } from '../shared/parsed';
import { createNoteService, type NoteService } from './note/noteService';
import { createNoteSectionStore } from './note/noteSectionStore';
import { createAmendmentService, type AmendmentService } from './amendments/amendmentService';

/** Everything one workspace server holds: its database, members, documents, templates and live rooms. */
export interface Workspace {
  readonly dataDir: string;
  readonly db: Database;
  readonly store: DocStore;
  readonly members: MemberRegistry;
  readonly documents: DocumentService;
  readonly templates: TemplateLibrary;
  readonly sync: SyncServer;
  /** Rejected tokens per address, API requests and sync connections per member (issue 11). */
  readonly limits: AccessLimits;
  /**
   * The token in owner.token: the owner's coordinator link, unless a coordinator revoked the owner member
   * (then `owner.status` is 'revoked' and this token stays refused until `serve --new-owner-token`).
   */
  readonly ownerToken: string;
  /** The owner token's state as the workspace opened (issue 11, point 3). */
  readonly owner: OwnerAccess;
  /** Every member's open event streams, ended at once when their access changes (issue 11, point 6). */
  readonly memberStreams: MemberStreams;
  readonly log: (line: string) => void;
  /** Stages, transitions and the text lock of adopted acts (issue 4). */
  readonly workflow: WorkflowService;
  /** Frozen versions: exact Yjs state and derived model (issue 4). */
  readonly versions: VersionService;
  /** What changed, pushed to every open client (issue 4). */
  readonly events: WorkspaceEvents;
  /** Comment threads and lawyers' sign-off per article (issue 5). */
  readonly review: ReviewServices;
  /** Who wrote under each Yjs client id, and who inserted and deleted what (issue 12). */
  readonly attribution: AttributionStore;
  /** Changes since a version or a last visit, by member (issue 12). */
  readonly changes: ChangeService;
  /** The acts' explanatory notes and their section list (issue 13, §3). */
  readonly notes: NoteService;
  /** Revisions of acts in force, their amending acts, consolidated editions and repeals (issue 13, §4). */
  readonly amendments: AmendmentService;
  /** The adoption record of an adopted act (act number, adoption date), for exports; set by the workflow. */
  adoptionRecord?: (docId: string) => { readonly actNumber: string; readonly adoptionDate: string } | null;
  /** A frozen version of a document with its derived model, for exports; set by the version store. */
  frozenVersion?: (docId: string, versionId: string) => FrozenVersionView | null;
  close(): void;
}

/** What an exporter needs of a frozen version. */
export interface FrozenVersionView {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly model: DocumentModel;
}

/** Opens a workspace in a data folder, creating the folder, the database and the owner token as needed. */
export function openWorkspace(options: ServerOptions): Workspace {
  const log = options.log ?? ((line: string) => console.log(line));
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, SERVER_DEFAULTS.databaseFile), options.nativeBinding);
  const store = createSqliteDocStore(db);
  const memberStreams = createMemberStreams(log);
  let sync: SyncServer | undefined = undefined;
  const members = createMemberRegistry(db, {
    // After the change committed: what the old access opened ends now, not at its next message.
    onAccessChange: ({ memberId, kind }) => {
      if (kind === 'revoked') sync?.closeMember(memberId);
      memberStreams.endMember(memberId, kind);
    },
  });
  let owner: OwnerAccess;
  try {
    owner = openOwnerToken(options.dataDir, members, { replace: options.replaceOwnerToken });
  } catch (error) {
    // Nothing else holds the database yet: close it, so a failed start leaves no open file behind.
    db.close();
    throw error;
  }
  const templates = createTemplateLibrary(options.templatesDir, join(options.dataDir, SERVER_DEFAULTS.templatesFolder));
  const documentExists = db.prepare<[string], { id: string }>('SELECT id FROM documents WHERE id = ?');
  const touch = db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?');
  const lastTouched = new Map<string, number>();
  const attribution = createAttributionStore(db);

  let workflow: WorkflowService | undefined = undefined;
  let versionsRef: VersionService | undefined = undefined;
  const events = createWorkspaceEvents(log);
  // Bound late: documents number revisions through it, and it reads documents, versions and the workflow.
  const amendments = createAmendmentService({ db, documents: () => documents, versions: () => versionsRef!, workflow: () => workflow! });
  const documents = createDocumentService(
    db,
    store,
    templates,
    (docId) => sync?.openRoom(docId)?.doc,
    (doc, createdBy, now, seed) => {
      // The seed is the server's own text: its client ids are recorded as 'system', so nobody can write under them.
      attribution.recordServerEdit(doc.id, seed, SYSTEM_MEMBER, now.toISOString());
      // Seeded before the first version is frozen, which keeps the note beside the act (issue 13, §3).
      notes.seed(doc.id, doc.language);
      workflow?.recordCreation(doc, createdBy ?? SYSTEM_ACTOR, now);
      // Published once the creation transaction has finished; a rolled-back one only makes clients reload.
      setImmediate(() => events.publish({ type: 'document', docId: doc.id, at: now.toISOString() }));
    },
    (docId) => amendments.numberingOf(docId),
  );
  const noteStore = createSqliteDocStore(db, 'note_updates');
  // The note's seed is the server's text too: its client ids are claimed as 'system' under the act's id (the
  // act and its note share one namespace of client ids per member); its edits are not the act's text edits.
  const notes: NoteService = createNoteService(db, noteStore, createNoteSectionStore(db, log), documents, (docId) => sync?.openRoom(noteRoomId(docId))?.doc, (docId, seed) =>
    attribution.record(docId, SYSTEM_MEMBER, editOfUpdate(seed).writers, NO_EDIT, new Date().toISOString()),
  );
  const versions = createVersionService(db, documents, events, notes);
  versionsRef = versions;
  const recordedText = createRecordedTextWriter(documents, () => sync!);
  workflow = createWorkflowService(db, createWorkflowStore(db, log), versions, events, {
    // Issue 13: the adoption data goes into the act's own text, and the adopting body picks the workflow. A
    // revision's header and signature stay the amended act's (its text becomes the act's next edition); the
    // amending act derived from it carries the revision's adoption data (issue 13, §4).
    recordedText: { ...recordedText, plan: (docId, data) => (amendments.isRevision(docId) ? null : recordedText.plan(docId, data)) },
    adoptingBodyOf: (docId) => documents.get(docId)?.adoptingBody ?? DEFAULT_ADOPTING_BODY,
    lastSignatory: createLastSignatory(db),
    afterTransition: (move) => amendments.afterTransition(move),
  });
  const persist = db.transaction((docId: string, update: Uint8Array, apply: () => TextEdit, author: EditAuthor, part: SyncRoom['part'] = 'act') => {
    (part === 'note' ? noteStore : store).append(docId, update);
    const now = Date.now();
    // updated_at is for people, so once a second per document is precise enough and saves a write per keystroke.
    if (now - (lastTouched.get(docId) ?? 0) > 1000) {
      lastTouched.set(docId, now);
      touch.run(new Date(now).toISOString(), docId);
    }
    // Who wrote it is part of the update: stored together, or not at all (issue 12).
    const edit = apply();
    // A note's client ids are claimed like the act's, so nobody writes under another's; its edits are not
    // recorded as the act's text edits, whose id ranges belong to the act's document.
    attribution.record(docId, author.memberId, author.writers, part === 'note' ? NO_EDIT : edit, new Date(now).toISOString());
  });

  const limits = createAccessLimits({
    failedAuthPerMinute: options.failedAuthPerMinute ?? SERVER_DEFAULTS.failedAuthPerMinute,
    apiRequestsPerMinute: options.apiRequestsPerMinute ?? SERVER_DEFAULTS.apiRequestsPerMinute,
    syncConnectionsPerMinute: options.syncConnectionsPerMinute ?? SERVER_DEFAULTS.syncConnectionsPerMinute,
    maxTrackedKeys: options.limiterTrackedKeys ?? SERVER_DEFAULTS.limiterTrackedKeys,
    log,
  });
  const compaction = createCompactionScheduler(store, SERVER_DEFAULTS.compactAfterUpdates, log);
  const noteCompaction = createCompactionScheduler(noteStore, SERVER_DEFAULTS.compactAfterUpdates, log);
  // Rooms come from parsed sync targets (or server edits of acts), so a name that does not parse is a bug.
  const roomOf = (room: string): SyncRoom => {
    const parsed = parseSyncRoom(room);
    invariant(parsed.ok, `Expected a sync room of an act or its note, got '${room.slice(0, 80)}'`);
    return parsed.value;
  };
  sync = new SyncServer(
    {
      authenticate: (token) => members.authenticate(token),
      documentExists: (docId) => documentExists.get(docId) !== undefined,
      load: (room) => {
        const { docId, part } = roomOf(room);
        return part === 'note' ? notes.load(docId) : store.load(docId);
      },
      persist: (room, update, apply, author) => {
        const { docId, part } = roomOf(room);
        persist(docId, update, apply, author, part);
        if (part === 'note') {
          notes.textChanged(docId);
          noteCompaction.appended(docId);
          return;
        }
        documents.textChanged(docId);
        compaction.appended(docId);
        review.textChanged(docId);
      },
      // The note is edited under the act's own rules: the same roles, and frozen with the adopted act.
      refuseEdit: (room: string, member: Member) => canEditText(workspaceRef, roomOf(room).docId, member),
      mayReadHistory: (member: Member) => {
        const current = members.get(member.id);
        return current !== null && may(current.role, 'editText');
      },
      refuseWriters: (room, member, writers) => {
        const foreign = attribution.foreignWriter(roomOf(room).docId, member.id, writers);
        if (!foreign) return null;
        const owner = foreign.ownerId === SYSTEM_MEMBER ? 'the server' : (members.get(foreign.ownerId)?.name ?? 'another member');
        return `refused: this update writes under the Yjs client id ${foreign.client}, which belongs to ${owner}: each member writes under client ids of their own`;
      },
      writersRefused: (room, member, reason) => {
        const { docId, part } = roomOf(room);
        db.transaction(() => appendAudit(db, { at: new Date().toISOString(), actor: member.id, action: 'sync.forged_client_id', docId, payload: { member: member.name, part, reason } }))();
      },
      roomEmptied: (room) => {
        const { docId, part } = roomOf(room);
        (part === 'note' ? noteCompaction : compaction).compactNow(docId);
      },
      log,
    },
    {
      maxMessageBytes: options.maxSyncMessageBytes ?? SERVER_DEFAULTS.maxSyncMessageBytes,
      compression: options.syncCompression ?? true,
      pingIntervalMs: options.syncPingIntervalMs ?? SERVER_DEFAULTS.syncPingIntervalMs,
      limits,
    },
  );

  const review = createReviewServices(db, () => workspaceRef, log);
  const workspaceRef: Workspace = {
    dataDir: options.dataDir,
    db,
    store,
    members,
    documents,
    templates,
    sync,
    limits,
    ownerToken: owner.token,
    owner,
    memberStreams,
    log,
    workflow,
    versions,
    events,
    review,
    attribution,
    notes,
    changes: createChangeService({ db, documents, versions, attribution, liveDoc: (docId) => {
      const room = sync?.openRoom(docId);
      return room && !room.isBroken ? room.doc : undefined;
    } }),
    amendments,
    adoptionRecord: (docId) => workflow.adoptionRecord(docId),
    frozenVersion: (docId, versionId) => {
      const version = versions.get(docId, versionId);
      const model = version ? versions.model(docId, versionId) : null;
      return version && model ? { id: version.id, name: version.name, createdAt: version.createdAt, model } : null;
    },
    close() {
      sync?.close();
      compaction.close();
      noteCompaction.close();
      review.close();
      db.close();
    },
  };
  return workspaceRef;
}
