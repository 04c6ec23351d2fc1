import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/api/members';
import { Dialog } from '../ui/Dialog';

/** Asks before revoking a member's access, which takes effect at once and cannot be taken back. */
export function RevokeDialog({ member, onConfirm, onClose }: { member: Member; onConfirm: () => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog role="alertdialog" labelledBy="sj-revoke-title" describedBy="sj-revoke-explain" onClose={busy ? undefined : onClose} name="revoke">
      <h2 id="sj-revoke-title">{t('members.revokeTitle', { name: member.name })}</h2>
      <p id="sj-revoke-explain">{t('members.revokeExplain')}</p>
      <div className="sj-actions">
        <button type="button" onClick={onClose} disabled={busy}>
          {t('members.cancel')}
        </button>
        <button type="button" className="sj-danger" onClick={() => void confirm()} disabled={busy} data-action="confirm-revoke">
          {busy ? t('members.revoking') : t('members.revoke')}
        </button>
      </div>
    </Dialog>
  );
}
