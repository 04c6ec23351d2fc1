import type { CreatedMember, Member, Role } from '../../../shared/api/members';
import { apiFetch } from '../connection/api';
import type { Session } from '../connection/session';

const member = (id: string) => `/api/members/${encodeURIComponent(id)}`;

/** The member endpoints of issue 7, typed with the shared contract. */
export const membersApi = {
  me: (session: Session) => apiFetch<Member>(session, '/api/me'),
  list: (session: Session) => apiFetch<{ members: Member[] }>(session, '/api/members').then((r) => r.members),
  create: (session: Session, name: string, role: Role) => apiFetch<CreatedMember>(session, '/api/members', { method: 'POST', body: { name, role } }),
  setRole: (session: Session, id: string, role: Role) => apiFetch<Member>(session, member(id), { method: 'PATCH', body: { role } }),
  /** A coordinator renames a member (issue 15). */
  rename: (session: Session, id: string, name: string) => apiFetch<Member>(session, member(id), { method: 'PATCH', body: { name } }),
  /** Sets this member's own display name: the one given at the first prompt (issue 15). */
  renameMe: (session: Session, name: string) => apiFetch<Member>(session, '/api/me', { method: 'PATCH', body: { name } }),
  revoke: (session: Session, id: string) => apiFetch<void>(session, member(id), { method: 'DELETE' }),
};
