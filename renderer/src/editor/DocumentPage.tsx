import { useCallback, useEffect, useRef, useState } from 'react';
import { $getRoot, type LexicalEditor } from 'lexical';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { WebsocketProvider } from 'y-websocket';
import type { DocumentSummary } from '../../../shared/api/documents';
import type { Member } from '../../../shared/api/members';
import { apiFetch, ApiError } from '../connection/api';
import { useSession } from '../connection/SessionContext';
import { ActEditor } from './ActEditor';
import { NoteEditor } from './NoteEditor';
import { DocumentTabs, type DocumentView } from './DocumentTabs';
import { badgeState, useConnectionState, useUnconfirmedChanges } from './ConnectionIndicator';
import { ConnectionBadge } from '../ui/ConnectionBadge';
import { useQueuedCounts, useReportUnsent } from '../connection/unsentChanges';
import { PresenceList } from './PresenceList';
import { ExportMenu } from './ExportMenu';
import { memberColor, useUserIdentity } from '../ui/userIdentity';
import { LockBanner } from '../workflow/LockBanner';
import { StagePanel } from '../workflow/StagePanel';
import { useDocumentStages } from '../workflow/useDocumentStages';
import { useWorkflowDefinition } from '../workflow/useWorkflowDefinition';
import { VersionsPanel } from '../workflow/VersionsPanel';
import { ReviewPanel } from '../review/ReviewPanel';
import { ReadinessPanel } from '../readiness/ReadinessPanel';
import { usePermissionDenied } from '../members/usePermissionDenied';
import { DeniedBanner } from '../members/DeniedBanner';
import { AccessEndedNotice } from '../members/AccessEndedNotice';
import { useAccessEnded } from '../members/useAccessEnded';
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel';
import { may } from '../../../shared/api/permissions';
import { LAST_VISIT } from '../../../shared/api/changes';
import { ChangesPanel } from '../changes/ChangesPanel';
import { ChangesOffer } from '../changes/ChangesOffer';
import { useChangesView } from '../changes/useChangesView';
import { useChangesOffer } from '../changes/useChangesOffer';
import { AmendmentPanel } from '../amendments/AmendmentPanel';
import { SideTabs, useSideTab } from './SideTabs';
import { useMayDo } from '../ui/useMayDo';
import { ShortcutsSheet, useShortcutsKey } from './ShortcutsSheet';
import { useRevision } from '../amendments/useRevision';
import { errorText } from '../errors/errorText';

/** The page of one act: its title bar, the editor, and who is here. */
export function DocumentPage({ docId }: { docId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const identity = useUserIdentity();
  const [doc, setDoc] = useState<DocumentSummary | null>(null);
  const [me, setMe] = useState<Member | null>(null);
  // The refusal is kept untranslated, so switching the interface language neither refetches nor loses the act.
  const [error, setError] = useState<ApiError | null>(null);
  const [provider, setProvider] = useState<WebsocketProvider | null>(null);
  const connection = useConnectionState(provider);
  const onProvider = useCallback((p: WebsocketProvider) => setProvider(p), []);
  // The approval stage (issue 4): an adopted act opens read-only, with a banner that says why.
  const workflow = useDocumentStages(session, docId);
  const definition = useWorkflowDefinition(session, doc?.adoptingBody);
  // The server refused an edit (a role changed while the act was open): show the act read-only (issue 7).
  const denied = usePermissionDenied(provider);
  // The member's access ended while the act is open: read-only, and say whether the last changes reached the
  // server (issue 11, point 6). The badge says "saved" only for changes the server confirmed.
  const accessEnded = useAccessEnded(session, provider);
  const unsentEdits = useUnconfirmedChanges(provider);
  const unconfirmed = unsentEdits > 0;
  // Issue 14, part 3: what has not reached the server, counted in the header and asked about on closing.
  const queued = useQueuedCounts(session, docId);
  const unsent = { edits: unsentEdits, ...queued };
  useReportUnsent(`act:${docId}`, unsentEdits + queued.comments + queued.suggestions);
  // Issue 13, §3: the act or its explanatory note. The act's editor stays mounted (hidden by CSS) while the
  // note is shown, so its connection, presence and status keep running; the note mounts on first opening.
  const [view, setView] = useState<DocumentView>('act');
  const [noteOpened, setNoteOpened] = useState(false);
  const editorRef = useRef<LexicalEditor | null>(null);
  const onEditor = useCallback((editor: LexicalEditor | null) => void (editorRef.current = editor), []);
  const actText = useCallback(() => editorRef.current?.getEditorState().read(() => $getRoot().getTextContent()) ?? '', []);
  // Who changed what (issue 12): the changes view, and its offer when others changed the act meanwhile.
  const changes = useChangesView(session, docId, me, provider);
  const offer = useChangesOffer(session, docId, me, provider, changes.visitedAt);
  // Issue 13, §4: a revision of an act in force keeps the act's numbers and shows the act it amends.
  const revision = useRevision(session, docId);
  // Issue 15: the side column's tabs (remembered), and the shortcuts sheet ('?' and the toolbar).
  const side = useSideTab();
  const can = useMayDo(me);
  const [sheet, setSheet] = useState(false);
  const openSheet = useCallback(() => setSheet(true), []);
  useShortcutsKey(openSheet);
  const showOffered = useCallback(() => {
    changes.show(LAST_VISIT);
    offer.dismiss();
    side.open('versions');
  }, [changes, offer, side]);
  const focusChange = useCallback(
    (articleKey: string) => {
      side.open('versions');
      changes.focus(articleKey);
    },
    [changes, side],
  );

  useEffect(() => {
    let cancelled = false;
    Promise.all([apiFetch<DocumentSummary>(session, `/api/documents/${encodeURIComponent(docId)}`), apiFetch<Member>(session, '/api/me')])
      .then(([d, m]) => {
        if (cancelled) return;
        setDoc(d);
        setMe(m);
        localStorage.setItem(`sajaro.doc.${docId}`, JSON.stringify(d));
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        // Offline: open the act from what this computer remembers, so work goes on without a connection.
        const remembered = localStorage.getItem(`sajaro.doc.${docId}`);
        if (e instanceof ApiError && e.code === 'network' && remembered) setDoc(JSON.parse(remembered) as DocumentSummary);
        else setError(e instanceof ApiError ? e : new ApiError(0, 'error', (e as Error).message));
      });
    return () => {
      cancelled = true;
    };
  }, [session, docId]);

  if (error) {
    const message = error.status === 404 ? t('editor.notFound') : error.status === 401 ? t('editor.accessEnded') : errorText(t, error);
    return (
      <div className="sj-error" role="alert">
        {message} <Link href="/">{t('editor.back')}</Link>
      </div>
    );
  }
  if (!doc || !identity.name) return <div className="sj-loading">{t('editor.loading')}</div>;
  const roleReadOnly = me !== null && !may(me.role, 'editText');
  const readOnly = roleReadOnly || workflow.locked || denied !== null || accessEnded !== null;

  return (
    <div className="sj-document" data-view={view}>
      <header className="sj-doc-header">
        <Link href="/" className="sj-back">
          ← {t('editor.back')}
        </Link>
        <h1 className="sj-doc-title">{doc.title}</h1>
        <span className="sj-doc-lang">{doc.language === 'ka' ? 'ქართული' : 'English'}</span>
        {readOnly ? <span className="sj-badge">{t('editor.readOnly')}</span> : null}
        <PresenceList provider={provider} />
        <ExportMenu session={session} docId={docId} />
        <ConnectionBadge state={badgeState(connection, { unconfirmed, accessEnded: accessEnded !== null, refused: denied !== null })} unsent={unsent} />
      </header>
      {workflow.stages ? <LockBanner stages={workflow.stages} definition={definition} /> : null}
      {accessEnded ? <AccessEndedNotice ended={accessEnded} unsent={unconfirmed} actText={actText} /> : null}
      {denied !== null && !workflow.locked && !accessEnded ? <DeniedBanner session={session} docId={docId} reason={denied} /> : null}
      {offer.offer && !changes.active ? <ChangesOffer summary={offer.offer} visitedAt={changes.visitedAt} onShow={showOffered} onDismiss={offer.dismiss} /> : null}
      <DocumentTabs
        view={view}
        onView={(next) => {
          setView(next);
          if (next === 'note') setNoteOpened(true);
        }}
      />
      {noteOpened ? (
        <div className="sj-note-panel" hidden={view !== 'note'} role="tabpanel" data-panel="note">
          <NoteEditor key={docId} session={session} docId={docId} language={doc.language} userName={identity.name} userColor={identity.color} readOnly={readOnly} />
        </div>
      ) : null}
      <ActEditor
        key={docId}
        session={session}
        docId={docId}
        language={doc.language}
        userName={identity.name}
        // A member's cursor has the colour of their changes in the changes view.
        userColor={me ? memberColor(me.id) : identity.color}
        readOnly={readOnly}
        onProvider={onProvider}
        onEditor={onEditor}
        changes={changes.active ? changes.counts : undefined}
        onChangeBadge={focusChange}
        onShortcuts={openSheet}
        readOnlyReason={roleReadOnly ? can.why('editText') : undefined}
        numberingBase={revision?.base}
        suggestions={{ session, docId, language: doc.language, me, userName: identity.name, stage: workflow.stages?.current, locked: workflow.locked, denied: denied !== null || accessEnded !== null, provider }}
        aside={(outline) => (
          <SideTabs
            tab={side.tab}
            onTab={side.open}
            panels={{
              outline,
              review: (
                <>
                  {/* Proposed changes first: a short list, above the long per-article sign-off of the review. */}
                  <SuggestionsPanel />
                  <ReviewPanel session={session} docId={docId} language={doc.language} me={accessEnded ? null : me} userName={identity.name} stage={workflow.stages?.current} provider={provider} />
                </>
              ),
              versions: (
                <>
                  <VersionsPanel session={session} docId={docId} definition={definition} canSave={me !== null && !roleReadOnly && !accessEnded} />
                  <ChangesPanel session={session} docId={docId} meId={me?.id} definition={definition} view={changes} />
                </>
              ),
              stage: (
                <>
                  <StagePanel session={session} docId={docId} stages={workflow.stages} definition={definition} onMoved={workflow.update} />
                  <ReadinessPanel session={session} docId={docId} stage={workflow.stages?.current} />
                  <AmendmentPanel session={session} docId={docId} stage={workflow.stages?.current} revision={revision} canStart={me !== null && may(me.role, 'createDocument') && !accessEnded} />
                </>
              ),
            }}
          />
        )}
      />
      {sheet ? <ShortcutsSheet onClose={() => setSheet(false)} /> : null}
    </div>
  );
}
