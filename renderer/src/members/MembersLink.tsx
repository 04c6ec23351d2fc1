import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { may } from '../../../shared/api/permissions';
import type { Session } from '../connection/session';
import { useMe } from './useMe';

/** The top bar's link to the members page, shown to coordinators only (the server refuses the others). */
export function MembersLink({ session }: { session: Session }) {
  const { t } = useTranslation();
  const me = useMe(session);
  if (!me || !may(me.role, 'manageMembers')) return null;
  return (
    <Link href="/members" className={(active) => (active ? 'sj-nav-active' : '')} data-nav="members">
      {t('members.link')}
    </Link>
  );
}
