import { useTranslation } from 'react-i18next';
import type { Session } from '../connection/session';
import { localCopyName } from '../editor/createProvider';

/**
 * Says that the server refused this member's edits, and offers to drop this computer's copy of the act and
 * load the server's, so the refused changes do not linger (and are not offered again on every reconnect).
 */
export function DeniedBanner({ session, docId, reason }: { session: Session; docId: string; reason: string }) {
  const { t } = useTranslation();
  const reload = () => {
    // The deletion completes once the page that holds the database open is gone.
    indexedDB.deleteDatabase(localCopyName(session, docId));
    window.location.reload();
  };
  return (
    <div className="sj-denied" role="alert" data-banner="permission-denied">
      {/* The server's reason is English for logs (issue 15): the banner says it in the UI language. */}
      <span data-reason={reason}>{t('members.deniedBanner')}</span>
      <button type="button" onClick={reload} data-action="reload-from-server">
        {t('members.reload')}
      </button>
    </div>
  );
}
