import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Member } from '../../../shared/api/members';
import { may } from '../../../shared/api/permissions';
import type { ImportChangesResponse } from '../../../shared/api/updateFiles';
import { UPDATE_FILE_MEDIA_TYPE } from '../../../shared/api/updateFiles';
import { decodeUpdateFile } from '../../../shared/updateFile/updateFileCodec';
import { memberChangesFile } from './memberFile';
import { toBase64 } from 'lib0/buffer';
import type { Session } from '../connection/session';
import { downloadFile, saveBytes } from '../editor/downloadFile';
import { ApiError } from '../connection/api';
import { errorText } from '../errors/errorText';

/** The origin of text loaded into the local copy from an act-copy file (CONVENTIONS: tag origins). */
export const ACT_COPY_ORIGIN = 'update-file-act-copy';

interface Outcome {
  readonly lines: readonly string[];
  /** Offer the "changes since my last visit" view (issue 14, part 5): something reached the workspace. */
  readonly offerChanges: boolean;
}

/**
 * The act page's "File" menu (issue 14, part 4): save my changes to a `.sajaro` file; load a file (a member's
 * changes go to the workspace, an act copy into this computer's copy, with no connection needed); and, for
 * coordinators, save the act for a member offline. After a load the page offers the changes since the
 * member's last visit (part 5).
 */
export function UpdateFileMenu({ session, docId, title, me, provider, onShowChanges }: { session: Session; docId: string; title: string; me: Member | null; provider: WebsocketProvider | null; onShowChanges: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const picker = useRef<HTMLInputElement | null>(null);

  const run = useCallback(async (work: () => Promise<Outcome>) => {
    setOpen(false);
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await work());
    } catch (error) {
      // The server's (or the decoder's) English sentence goes to the console; the member reads their language.
      setOutcome({ lines: [errorText(t, error)], offerChanges: false });
    } finally {
      setBusy(false);
    }
  }, [t]);

  const save = () =>
    run(async () => {
      if (!me || !provider) throw new ApiError(0, 'network', 'network');
      const data = memberChangesFile(session, me, docId, provider.doc);
      const name = `${title.replace(/[\\/:*?"<>|\n\r]+/g, ' ').trim().slice(0, 80) || docId} ${new Date().toISOString().slice(0, 10)}.sajaro`;
      const path = await saveBytes(name, data, UPDATE_FILE_MEDIA_TYPE);
      return { lines: [t('updateFiles.saved', { name: path ?? name })], offerChanges: false };
    });

  const exportForMember = () =>
    run(async () => {
      // The whole act: the member's copy may be older than anything this computer knows of.
      const since = encodeURIComponent(toBase64(Y.encodeStateVector(new Y.Doc())));
      const path = await downloadFile(session, `/api/documents/${docId}/export-changes?since=${since}`, `${docId}.sajaro`);
      return { lines: path ? [t('updateFiles.saved', { name: path })] : [], offerChanges: false };
    });

  const load = (file: File) =>
    run(async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const decoded = decodeUpdateFile(bytes);
      if (!decoded.ok) throw new ApiError(400, 'bad_update_file', decoded.error);
      if (decoded.value.kind === 'act-copy') {
        // Applied to the local copy (y-indexeddb keeps it); it reaches the server later as an ordinary sync,
        // where the server's own checks apply, so no connection is needed now.
        const act = decoded.value.acts.find((a) => a.docId === docId);
        if (!act || !provider) return { lines: [t('updateFiles.copyOtherAct')], offerChanges: false };
        Y.transact(provider.doc, () => act.updates.forEach((u) => Y.applyUpdate(provider.doc, u)), ACT_COPY_ORIGIN);
        return { lines: [t('updateFiles.copyLoaded')], offerChanges: false };
      }
      const response = await fetch(`${session.serverUrl}/api/documents/import-changes`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': UPDATE_FILE_MEDIA_TYPE },
        body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
      }).catch(() => {
        throw new ApiError(0, 'network', 'network');
      });
      const body = (await response.json().catch(() => null)) as (ImportChangesResponse & { error?: { code: string; message: string; details?: Record<string, unknown> } }) | null;
      if (!response.ok || !body) throw new ApiError(response.status, body?.error?.code ?? 'error', body?.error?.message ?? response.statusText, body?.error?.details ?? {});
      return describeImport(body, (id) => (id === docId ? title : id), t);
    });

  return (
    <div className="sj-export sj-update-files">
      <button type="button" data-action="update-files" onClick={() => setOpen(!open)} disabled={busy} aria-haspopup="menu" aria-expanded={open}>
        {busy ? t('updateFiles.working') : `⇄ ${t('updateFiles.button')}`}
      </button>
      {open ? (
        <ul className="sj-menu" role="menu">
          <li role="none">
            <button type="button" role="menuitem" data-action="save-changes-file" onClick={() => void save()} disabled={!me || !provider}>
              {t('updateFiles.save')}
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" data-action="load-changes-file" onClick={() => picker.current?.click()}>
              {t('updateFiles.load')}
            </button>
          </li>
          {me && may(me.role, 'manageMembers') ? (
            <li role="none">
              <button type="button" role="menuitem" data-action="export-act-for-member" onClick={() => void exportForMember()}>
                {t('updateFiles.exportForMember')}
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
      <input
        ref={picker}
        type="file"
        accept=".sajaro"
        hidden
        data-input="changes-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void load(file);
        }}
      />
      {outcome && outcome.lines.length ? (
        <div className="sj-update-file-outcome" role="status" data-banner="update-file-outcome">
          {outcome.lines.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
          {outcome.offerChanges ? (
            <button type="button" className="sj-primary" data-action="show-changes-after-load" onClick={() => { setOutcome(null); onShowChanges(); }}>
              {t('updateFiles.showChanges')}
            </button>
          ) : null}
          <button type="button" onClick={() => setOutcome(null)}>
            {t('updateFiles.close')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** The server's answer in plain words, one line per act and per refusal. */
function describeImport(body: ImportChangesResponse, titleOf: (docId: string) => string, t: (key: string, values?: Record<string, unknown>) => string): Outcome {
  const lines: string[] = [];
  let changed = false;
  for (const act of body.applied) {
    const any = act.updates + act.comments + act.suggestions > 0;
    changed ||= any;
    if (any) lines.push(t('updateFiles.appliedAct', { title: titleOf(act.docId), ...act }));
  }
  for (const refusal of body.refused) lines.push(t('updateFiles.refusedAct', { title: titleOf(refusal.docId), reason: refusal.reason }));
  if (!lines.length) lines.push(t('updateFiles.nothingNew'));
  return { lines, offerChanges: changed };
}
