import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedMember } from '../../../shared/api/members';
import { Dialog } from '../ui/Dialog';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Shows a new member's invitation link once, with a copy button: the server keeps only the token's hash, so
 * the link cannot be shown again (a lost link means a new member entry).
 */
export function InviteLinkDialog({ member, onClose }: { member: CreatedMember; onClose: () => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const localOnly = LOOPBACK.has(new URL(member.inviteUrl).hostname);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(member.inviteUrl);
      setCopied('yes');
    } catch {
      // Plain http on another host has no clipboard API: select the link so that Ctrl+C works.
      input.current?.select();
      setCopied(document.execCommand('copy') ? 'yes' : 'failed');
    }
  };

  return (
    <Dialog labelledBy="sj-invite-title" onClose={onClose} name="invite">
      <h2 id="sj-invite-title">{t('members.inviteTitle', { name: member.name })}</h2>
      <p>{t('members.inviteExplain', { name: member.name })}</p>
      <div className="sj-invite-link">
        <input ref={input} readOnly value={member.inviteUrl} aria-label={t('members.inviteTitle', { name: member.name })} onFocus={(e) => e.target.select()} data-field="invite-url" />
        <button type="button" onClick={() => void copy()} data-action="copy-invite">
          {copied === 'yes' ? t('members.copied') : t('members.copy')}
        </button>
      </div>
      {copied === 'failed' ? <p className="sj-error">{t('members.copyFailed')}</p> : null}
      {localOnly ? <p className="sj-muted">{t('members.localOnly')}</p> : null}
      <div className="sj-actions">
        <button type="button" className="sj-primary" onClick={onClose} data-action="close-invite">
          {t('members.done')}
        </button>
      </div>
    </Dialog>
  );
}
