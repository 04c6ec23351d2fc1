import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MEMBER_NAME_LENGTH, type Member } from '../../../shared/api/members';
import { Dialog } from '../ui/Dialog';

/** A coordinator gives a member another display name (issue 15); the records show it from then on. */
export function RenameMemberDialog({ member, onRename, onClose }: { member: Member; onRename: (name: string) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(member.name);
  const [busy, setBusy] = useState(false);
  const unchanged = !name.trim() || name.trim() === member.name;
  return (
    <Dialog
      labelledBy="sj-rename-member-title"
      name="rename-member"
      as="form"
      onClose={busy ? undefined : onClose}
      onSubmit={() => {
        if (unchanged) return;
        setBusy(true);
        void onRename(name.trim()).finally(() => setBusy(false));
      }}
    >
      <h2 id="sj-rename-member-title">{t('members.renameTitle', { name: member.name })}</h2>
      <label>
        <span>{t('members.name')}</span>
        <input name="memberName" autoFocus required maxLength={MAX_MEMBER_NAME_LENGTH} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <div className="sj-dialog-actions">
        <button type="button" onClick={onClose} disabled={busy}>
          {t('members.renameCancel')}
        </button>
        <button type="submit" className="sj-primary" disabled={unchanged || busy}>
          {t('members.renameSave')}
        </button>
      </div>
    </Dialog>
  );
}
