import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MEMBER_NAME_LENGTH } from '../../../shared/api/members';
import { ApiError } from '../connection/api';
import { useSession } from '../connection/SessionContext';
import { errorText } from '../errors/errorText';
import { membersApi } from '../members/membersApi';
import { confirmUserName, setUserName } from './userIdentity';
import { Dialog } from './Dialog';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * Asks for the name other members see: beside the cursor, and (issue 15) as the member's name in the
 * workspace, in the stage history, replies, records and the audit log. Asked once at first; opened again
 * from the top bar to change it (then with a way to cancel).
 */
export function NamePrompt({ initial = '', onClose }: { initial?: string; onClose?: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [name, setName] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const chosen = name.trim();
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await membersApi.renameMe(session, chosen);
      confirmUserName(saved.name);
      setUserName(saved.name);
      onClose?.();
    } catch (e) {
      // Offline, the name is kept here and sent when the server is reached again (MemberNameSync).
      if (e instanceof ApiError && e.code === 'network') {
        setUserName(chosen);
        onClose?.();
      } else setError(errorText(t, e));
      setBusy(false);
    }
  };
  return (
    // At first a name is needed before an act opens: no Escape (Dialog without onClose).
    <Dialog labelledBy="sj-name-title" describedBy="sj-name-explain" name="name" as="form" onClose={onClose} onSubmit={() => void save()}>
      {/* The prompt covers the top bar, so a first-day user picks the language here (issue 15). */}
      <div className="sj-name-language">
        <LanguageSwitch />
      </div>
      <h2 id="sj-name-title">{t('name.title')}</h2>
      <p id="sj-name-explain">{t('name.explain')}</p>
      <label>
        <span>{t('name.label')}</span>
        <input name="displayName" autoFocus value={name} placeholder={t('name.placeholder')} onChange={(e) => setName(e.target.value)} maxLength={MAX_MEMBER_NAME_LENGTH} />
      </label>
      {error ? (
        <p className="sj-error sj-small" role="alert">
          {error}
        </p>
      ) : null}
      <div className="sj-dialog-actions">
        {onClose ? (
          <button type="button" onClick={onClose} disabled={busy}>
            {t('name.cancel')}
          </button>
        ) : null}
        <button type="submit" className="sj-primary" disabled={!name.trim() || busy}>
          {t('name.save')}
        </button>
      </div>
    </Dialog>
  );
}
