import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/api/members';
import { may, type Permission } from '../../../shared/api/permissions';

/** The permissions whose refusal the UI explains in words (pageStrings `can`). */
export type ExplainedPermission = 'createDocument' | 'editText' | 'archiveDocument';

/**
 * What the member's role may do, by the same table the server enforces (shared/api/permissions.ts), and the
 * sentence that says why not, for a disabled button's tooltip (issue 15). Until `/api/me` answers, nothing is
 * offered, so a reviewer never sees a button flash up that they cannot use.
 */
export function useMayDo(me: Member | null): { may: (permission: Permission) => boolean; why: (permission: ExplainedPermission) => string } {
  const { t } = useTranslation();
  return {
    may: (permission) => me !== null && may(me.role, permission),
    why: (permission) => (me ? t('can.why', { role: t(`members.roles.${me.role}`), reason: t(`can.${permission}`) }) : ''),
  };
}
