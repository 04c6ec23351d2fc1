import type { Role } from './members';

/**
 * What each role may do (issue 7). The server enforces it on every route and on the sync endpoint; the
 * renderer reads it only to show what a member cannot do anyway.
 */
export const PERMISSIONS = {
  editText: ['coordinator', 'drafter'],
  comment: ['coordinator', 'drafter', 'reviewer'],
  review: ['coordinator', 'reviewer'],
  saveVersion: ['coordinator', 'drafter'],
  changeStage: ['coordinator'],
  manageMembers: ['coordinator'],
  createDocument: ['coordinator', 'drafter'],
  /** Archiving hides an act from everyone's list and dashboard, so it is the coordinators' call (issue 15). */
  archiveDocument: ['coordinator'],
  manageTemplates: ['coordinator', 'drafter'],
  read: ['coordinator', 'drafter', 'reviewer', 'observer'],
  /** The audit trail names who decided what, with the payloads: for coordinators (issue 11). */
  readAudit: ['coordinator'],
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
