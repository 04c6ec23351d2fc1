import type { ApiErrorCode } from '../../shared/api/errorCodes';
import type { Database } from 'better-sqlite3';
import type { ActInForce, EditionsResponse, RevisionInfo, RevisionListItem, RevisionSummary } from '../../shared/api/amendments';
import type { Member } from '../../shared/api/members';
import { AMENDMENT_FORMULAE } from '../../shared/amendments/amendmentFormulae';
import { generateAmendingAct, type AmendingAct } from '../../shared/amendments/amendingAct';
import { formatActDate } from '../../shared/lang/dates';
import type { RevisionNumbering } from '../../shared/model/deriveModel';
import type { DocumentModel } from '../../shared/model/documentModel';
import { baseFromModel, type NumberingBase } from '../../shared/model/stableNumbering';
import type { TransitionData } from '../../shared/workflow/requirements';
import { invariant } from '../../shared/parsed';
import { appendAudit } from '../audit/auditLog';
import { readEditorState } from '../lexical/actEditor';
import type { DocumentService } from '../services/documentService';
import type { VersionService } from '../versions/versionService';
import type { MadeTransition, WorkflowService } from '../workflow/workflowService';
import { createAmendmentStore } from './amendmentStore';
import { editionsOf, type EditionSource } from './editions';
import { seedFromEditorState } from './seedRevision';

/** The stage in which an act is in force: revisions start from it, and an amending act entering it takes effect. */
export const IN_FORCE_STAGE = 'in_force';

/** Why a revision could not start: the HTTP code the route answers with, and a sentence. */
export type StartRefusal = { readonly ok: false; readonly status: 409; readonly code: ApiErrorCode; readonly message: string };

/**
 * Amending acts and consolidated editions (issue 13, §4). The revision document is what the working group
 * edits and what walks the workflow; the amending act is derived from it, so the revision's adoption is the
 * amending act's adoption, and its entry into force gives the amended act its next edition.
 */
export interface AmendmentService {
  start(actId: string, repeal: boolean, member: Member, now?: Date): { readonly ok: true; readonly value: RevisionSummary } | StartRefusal;
  revisionInfo(docId: string): RevisionInfo | null;
  /** True for a revision of an act in force. */
  isRevision(docId: string): boolean;
  revisionsOf(actId: string): RevisionListItem[];
  /** How a revision is numbered (against the edition it started from), or null for any other document. */
  numberingOf(docId: string): RevisionNumbering | null;
  editions(actId: string): EditionsResponse;
  /** The text of an edition, or null when the act has no such edition. */
  editionModel(actId: string, edition: number): DocumentModel | null;
  amendingAct(revisionId: string): AmendingAct | null;
  actsInForce(): ActInForce[];
  /** The workflow's hook: an amending act entering into force makes the next edition (or the repeal). */
  afterTransition(move: MadeTransition): void;
}

/** Late-bound collaborators: the workflow is created after the documents, which number revisions through this. */
export interface AmendmentDeps {
  readonly db: Database;
  readonly documents: () => DocumentService;
  readonly versions: () => VersionService;
  readonly workflow: () => WorkflowService;
}

/** Every field the act's moves recorded, the latest of each (adoption, signing, publication). */
function recorded(workflow: WorkflowService, docId: string): TransitionData {
  return Object.assign({}, ...workflow.state(docId, null).history.map((e) => e.data)) as TransitionData;
}

/** Creates the amendment service over its tables. */
export function createAmendmentService(deps: AmendmentDeps): AmendmentService {
  const { db } = deps;
  const store = createAmendmentStore(db);
  const bases = new Map<string, NumberingBase>();
  const sources = (actId: string): EditionSource[] => editionsOf(store, deps.workflow(), actId);
  // Edition 1 is the act's own frozen version; later editions keep their consolidated model in their row.
  const modelOfSource = (actId: string, s: EditionSource | undefined) =>
    !s ? null : s.number === 1 ? deps.versions().model(s.docId, s.versionId) : store.editionModel(actId, s.number);
  const stageOf = (docId: string) => deps.workflow().state(docId, null).current;
  const isFinal = (stage: string) => deps.workflow().definition().stages.find((s) => s.id === stage)?.final === true;

  const summaryOf = (docId: string): RevisionSummary | null => {
    const row = store.revision(docId);
    const doc = deps.documents().get(docId);
    return row && doc ? { ...doc, amends: row.amends, baseEdition: row.baseEdition, repeal: row.repeal } : null;
  };

  const service: AmendmentService = {
    start(actId, repeal, member, now = new Date()) {
      const refuse = (code: ApiErrorCode, message: string): StartRefusal => ({ ok: false, status: 409, code, message });
      if (store.revision(actId)) return refuse('is_revision', `Document '${actId}' is itself a revision: start a revision from the act it amends, ${store.revision(actId)!.amends}`);
      const stage = stageOf(actId);
      if (stage !== IN_FORCE_STAGE) return refuse('not_in_force', `Document '${actId}' is in the stage '${stage}': a revision starts only from an act in the stage '${IN_FORCE_STAGE}'`);
      const repealed = store.repeal(actId);
      if (repealed) return refuse('repealed', `Document '${actId}' was repealed by ${repealed.repealedBy}: it cannot be amended`);
      const open = store.revisionsOf(actId).find((r) => !isFinal(stageOf(r.id)));
      if (open) return refuse('revision_open', `Document '${actId}' already has an open revision, ${open.id}: finish or withdraw it first, so that two revisions never amend the same edition`);
      const editions = sources(actId);
      const current = editions.at(-1)!;
      const state = deps.versions().state(current.docId, current.versionId);
      const act = deps.documents().get(actId)!;
      const seed = seedFromEditorState(readEditorState(state!, current.docId), actId);
      const prefix = repeal ? { ka: 'ძალადაკარგულად გამოცხადება', en: 'Repeal' } : { ka: 'ცვლილება', en: 'Revision' };
      const created = deps.documents().createSeeded(
        { title: `${prefix[act.language]}: ${act.title}`.slice(0, 300), language: act.language, municipality: act.municipality, templateId: act.templateId, adoptingBody: act.adoptingBody },
        seed,
        member,
        (doc) => {
          store.addRevision({ id: doc.id, amends: actId, baseEdition: current.number, repeal, createdAt: now.toISOString(), createdBy: member.id });
          appendAudit(db, { at: now.toISOString(), actor: member.id, action: 'revision.started', docId: doc.id, payload: { amends: actId, baseEdition: current.number, repeal, by: member.name } });
        },
      );
      return { ok: true, value: summaryOf(created.id)! };
    },

    isRevision: (docId) => store.revision(docId) !== null,

    revisionInfo(docId) {
      const summary = summaryOf(docId);
      const numbering = service.numberingOf(docId);
      const act = summary ? deps.documents().get(summary.amends) : null;
      return summary && numbering && act ? { ...summary, amendedTitle: act.title, base: numbering.base } : null;
    },

    revisionsOf(actId) {
      return store.revisionsOf(actId).map((r) => {
        const stage = stageOf(r.id);
        return { id: r.id, title: deps.documents().get(r.id)?.title ?? r.id, stage, repeal: r.repeal, open: !isFinal(stage) };
      });
    },

    numberingOf(docId) {
      const row = store.revision(docId);
      if (!row) return null;
      let base = bases.get(docId);
      if (!base) {
        const model = modelOfSource(row.amends, sources(row.amends).find((e) => e.number === row.baseEdition));
        if (!model) return null;
        base = baseFromModel(model);
        bases.set(docId, base);
      }
      const language = deps.documents().get(docId)?.language ?? 'ka';
      // A removed unit names the amending act only once it is in force: until then its text stays the same
      // through adoption, so the lawyers' approval of the article (hashed text) and readiness hold.
      const adoption = stageOf(docId) === IN_FORCE_STAGE ? deps.workflow().adoptionRecord(docId) : null;
      const by = adoption ? { actNumber: adoption.actNumber, date: formatActDate(adoption.adoptionDate, language) } : null;
      return { base, removedText: AMENDMENT_FORMULAE[language].removed(by) };
    },

    editions(actId) {
      if (store.revision(actId)) return { editions: [] };
      const language = deps.documents().get(actId)?.language ?? 'ka';
      const amendedBy = (revisionId: string) => {
        const adoption = deps.workflow().adoptionRecord(revisionId);
        return { id: revisionId, actNumber: adoption?.actNumber ?? '', date: adoption?.adoptionDate ?? '' };
      };
      const editions = sources(actId).map((e) => {
        if (!e.amendedBy) return { number: e.number, inForceFrom: e.inForceFrom };
        const by = amendedBy(e.amendedBy);
        const note = AMENDMENT_FORMULAE[language].editionNote(e.number, { actNumber: by.actNumber, date: formatActDate(by.date, language) });
        return { number: e.number, inForceFrom: e.inForceFrom, amendedBy: by, note };
      });
      const repeal = store.repeal(actId);
      return { editions, ...(repeal ? { repealedBy: { ...amendedBy(repeal.repealedBy), inForceFrom: repeal.inForceFrom } } : {}) };
    },

    editionModel(actId, edition) {
      if (store.revision(actId)) return null;
      return modelOfSource(actId, sources(actId).find((e) => e.number === edition));
    },

    amendingAct(revisionId) {
      const row = store.revision(revisionId);
      if (!row) return null;
      const inForce = service.editionModel(row.amends, row.baseEdition);
      const revision = deps.documents().model(revisionId);
      const adopted = deps.workflow().adoptionRecord(row.amends);
      if (!inForce || !revision) return null;
      const data = recorded(deps.workflow(), row.amends);
      return generateAmendingAct({
        amended: {
          title: inForce.title,
          issuingBody: inForce.header.issuingBody,
          actTypeLabel: inForce.header.actTypeLabel,
          actNumber: adopted?.actNumber ?? '______',
          adoptionDate: adopted?.adoptionDate ?? '______',
          registrationCode: data.registrationCode ?? null,
        },
        inForce,
        revision,
        repeal: row.repeal,
        adoption: deps.workflow().adoptionRecord(revisionId),
      });
    },

    actsInForce() {
      const histories = deps.workflow().histories();
      return deps
        .documents()
        .list()
        .filter((doc) => histories.get(doc.id)?.at(-1)?.stage === IN_FORCE_STAGE && !store.revision(doc.id))
        .map((doc) => {
          const editions = sources(doc.id);
          return {
            id: doc.id,
            title: doc.title,
            municipality: doc.municipality,
            edition: editions.at(-1)?.number ?? 1,
            inForceFrom: editions.at(-1)?.inForceFrom ?? '',
            repealedBy: store.repeal(doc.id)?.repealedBy ?? null,
            openRevisions: service.revisionsOf(doc.id).filter((r) => r.open),
          };
        });
    },

    afterTransition(move) {
      const row = store.revision(move.docId);
      if (!row) return;
      // The revision's model carries its adoption (the notes of removed units): read it afresh after any move.
      deps.documents().textChanged(move.docId);
      if (move.to !== IN_FORCE_STAGE) return;
      const at = move.at.toISOString();
      const inForceFrom = recorded(deps.workflow(), move.docId).publicationDate ?? at.slice(0, 10);
      const adoption = deps.workflow().adoptionRecord(move.docId);
      if (row.repeal) {
        store.addRepeal({ docId: row.amends, repealedBy: row.id, inForceFrom }, at);
        appendAudit(db, { at, actor: move.actor.id, action: 'act.repealed', docId: row.amends, payload: { repealedBy: row.id, inForceFrom, actNumber: adoption?.actNumber ?? null, by: move.actor.name } });
        return;
      }
      const number = (sources(row.amends).at(-1)?.number ?? 1) + 1;
      // The revision is in force now, so its model names the amending act on each removed unit: that text, of
      // the state frozen on entering into force, is the consolidated edition.
      const model = deps.documents().modelOf(row.id, deps.versions().state(row.id, move.versionId)!);
      invariant(model, `Expected the version ${move.versionId} frozen as ${row.id} entered into force to derive`);
      store.addEdition({ docId: row.amends, number, inForceFrom, amendedBy: row.id, versionId: move.versionId }, model, at);
      appendAudit(db, {
        at,
        actor: move.actor.id,
        action: 'edition.created',
        docId: row.amends,
        payload: { edition: number, amendedBy: row.id, versionId: move.versionId, inForceFrom, actNumber: adoption?.actNumber ?? null, adoptionDate: adoption?.adoptionDate ?? null, by: move.actor.name },
      });
    },
  };
  return service;
}
