import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type CreatedMember, type Member, type Role } from '../../../shared/api/members';
import { ApiError } from '../connection/api';
import { useSession } from '../connection/SessionContext';
import { InviteLinkDialog } from './InviteLinkDialog';
import { membersApi } from './membersApi';
import { RevokeDialog } from './RevokeDialog';
import { RenameMemberDialog } from './RenameMemberDialog';
import { MAX_MEMBER_NAME_LENGTH } from '../../../shared/api/members';
import { useMe } from './useMe';
import { errorText } from '../errors/errorText';
import { shortDate } from '../../../shared/format/dates';

/**
 * The coordinator's members page (issue 7): who is in the workspace and with which role; add a member
 * (their invitation link is shown once), change a role, revoke access after a confirmation.
 */
export function MembersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const me = useMe(session);
  const [members, setMembers] = useState<Member[] | null>(null);
  const [forbidden, setForbidden] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [invite, setInvite] = useState<CreatedMember | null>(null);
  const [revoking, setRevoking] = useState<Member | null>(null);
  const [renaming, setRenaming] = useState<Member | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('drafter');
  const [adding, setAdding] = useState(false);

  const describe = useCallback(
    (e: unknown) => (e instanceof ApiError && e.code === 'network' ? t('errors.network') : t('members.failed', { message: errorText(t, e) })),
    [t],
  );
  const load = useCallback(() => {
    membersApi.list(session).then(
      (list) => {
        setMembers(list);
        setForbidden(false);
      },
      (e: unknown) => (e instanceof ApiError && e.status === 403 ? setForbidden(true) : setError(describe(e))),
    );
  }, [session, describe]);
  useEffect(load, [load]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setAdding(true);
    setError(null);
    setNotice(null);
    try {
      const created = await membersApi.create(session, name.trim(), role);
      setInvite(created);
      setName('');
      load();
    } catch (e) {
      setError(describe(e));
    } finally {
      setAdding(false);
    }
  };

  const changeRole = async (member: Member, next: Role) => {
    setError(null);
    try {
      const updated = await membersApi.setRole(session, member.id, next);
      setNotice(t('members.roleChanged', { name: updated.name, role: t(`members.roles.${updated.role}`) }));
      load();
    } catch (e) {
      setError(describe(e));
    }
  };

  const rename = async (member: Member, next: string) => {
    setError(null);
    try {
      const updated = await membersApi.rename(session, member.id, next);
      setNotice(t('members.renamed', { from: member.name, name: updated.name }));
      setRenaming(null);
      load();
    } catch (e) {
      setError(describe(e));
      setRenaming(null);
    }
  };

  const revoke = async (member: Member) => {
    try {
      await membersApi.revoke(session, member.id);
      setNotice(t('members.revoked', { name: member.name }));
      setRevoking(null);
      load();
    } catch (e) {
      setRevoking(null);
      setError(describe(e));
    }
  };


  if (forbidden) return <main className="sj-list"><p className="sj-error" role="alert">{t('members.forbidden')}</p></main>;

  return (
    <main className="sj-list sj-members">
      <div className="sj-list-head">
        <h1>{t('members.title')}</h1>
      </div>
      <p className="sj-muted">{t('members.explain')}</p>
      {error ? <p className="sj-error" role="alert">{error}</p> : null}
      {notice ? <p className="sj-notice" role="status">{notice}</p> : null}
      {members === null && !error ? <p className="sj-muted">{t('members.loading')}</p> : null}
      {members ? (
        <table className="sj-doc-table" data-table="members">
          <thead>
            <tr>
              <th>{t('members.name')}</th>
              <th>{t('members.role')}</th>
              <th>{t('members.added')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {members.map((member) => {
              const self = member.id === me?.id;
              return (
                <tr key={member.id} data-member={member.name}>
                  <td>
                    {member.name} {self ? <span className="sj-badge">{t('members.you')}</span> : null}{' '}
                    {self ? null : (
                      <button type="button" className="sj-link-button sj-small" onClick={() => setRenaming(member)} aria-label={t('members.renameTitle', { name: member.name })} data-action="rename">
                        {t('members.rename')}
                      </button>
                    )}
                  </td>
                  <td>
                    <select
                      value={member.role}
                      disabled={self}
                      title={self ? t('members.selfHint') : t(`members.roleHelp.${member.role}`)}
                      aria-label={`${t('members.role')}: ${member.name}`}
                      onChange={(e) => void changeRole(member, e.target.value as Role)}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`members.roles.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{shortDate(member.createdAt)}</td>
                  <td>
                    <button type="button" className="sj-danger-link" disabled={self} title={self ? t('members.selfHint') : undefined} onClick={() => setRevoking(member)} data-action="revoke">
                      {t('members.revoke')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}

      <form className="sj-member-form" onSubmit={(e) => void add(e)} data-form="add-member">
        <h2>{t('members.add')}</h2>
        <label>
          <span>{t('members.name')}</span>
          <input name="name" required maxLength={MAX_MEMBER_NAME_LENGTH} value={name} placeholder={t('members.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          <span>{t('members.role')}</span>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`members.roles.${r}`)} — {t(`members.roleHelp.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="sj-primary" disabled={adding || !name.trim()} data-action="add-member">
          {adding ? t('members.adding') : t('members.submit')}
        </button>
      </form>

      {invite ? <InviteLinkDialog member={invite} onClose={() => setInvite(null)} /> : null}
      {renaming ? <RenameMemberDialog member={renaming} onRename={(next) => rename(renaming, next)} onClose={() => setRenaming(null)} /> : null}
      {revoking ? <RevokeDialog member={revoking} onConfirm={() => revoke(revoking)} onClose={() => setRevoking(null)} /> : null}
    </main>
  );
}
