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

/** The stage in which observers, too, may comment: the public hears about the draft and answers (issue 7). */
export const PUBLIC_CONSULTATION_STAGE = 'public_consultation';

/** True when the role has the permission. */
export function may(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/**
 * True when the role may comment on an act in the given stage: every role with `comment` always, and
 * observers only while the act is in public consultation.
 */
export function mayComment(role: Role, stage: string): boolean {
  return may(role, 'comment') || (role === 'observer' && stage === PUBLIC_CONSULTATION_STAGE);
}

/**
 * Why a member may not change an act's text now, or null when they may. The role is read again from the
 * registry, because it may have changed (or the token been revoked) since the member's socket connected.
 */
export function canEditText(workspace: Workspace, docId: string, member: Member): string | null {
  const current = workspace.members.get(member.id);
  if (!current) return `read-only: the token of '${member.name}' was revoked`;
  if (!may(current.role, 'editText')) return `read-only: the role '${current.role}' may not edit the text (permission editText)`;
  // An adopted act's text is frozen: it changes only through an amending act (issue 4).
  const locked = workspace.workflow.lockReason(docId);
  if (locked) return `read-only: ${locked}`;
  return null;
}
