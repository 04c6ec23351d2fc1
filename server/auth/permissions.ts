import type { Member } from '../../shared/api/members';
import { may } from '../../shared/api/permissions';
import type { Workspace } from '../workspace';

// The table lives in shared/ so that the renderer shows what the server enforces; re-exported for the server.
export { may, mayComment, PERMISSIONS, PUBLIC_CONSULTATION_STAGE, type Permission } from '../../shared/api/permissions';

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
