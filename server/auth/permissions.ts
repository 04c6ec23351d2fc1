import type { Member, Role } from '../../shared/api/members';
import type { Workspace } from '../workspace';

/** What each role may do (issue 7); the server checks these on every route and on the sync endpoint. */
export const PERMISSIONS = {
  editText: ['coordinator', 'drafter'],
  comment: ['coordinator', 'drafter', 'reviewer'],
  review: ['coordinator', 'reviewer'],
  saveVersion: ['coordinator', 'drafter'],
  changeStage: ['coordinator'],
  manageMembers: ['coordinator'],
  createDocument: ['coordinator', 'drafter'],
  manageTemplates: ['coordinator', 'drafter'],
  read: ['coordinator', 'drafter', 'reviewer', 'observer'],
} as const satisfies Record<string, readonly Role[]>;

/** A permission name. */
export type Permission = keyof typeof PERMISSIONS;

/** True when the role has the permission. */
export function may(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Why a member may not change an act's text now, or null when they may. */
export function canEditText(_workspace: Workspace, _docId: string, member: Member): string | null {
  if (!may(member.role, 'editText')) return `read-only: the role '${member.role}' may not edit the text (permission editText)`;
  return null;
}
