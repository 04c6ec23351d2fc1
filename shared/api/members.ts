import { z } from 'zod';

/** Roles, from most to least powerful (issue 7). The owner token is a coordinator. */
export const ROLES = ['coordinator', 'drafter', 'reviewer', 'observer'] as const;
/** A member's role. */
export type Role = (typeof ROLES)[number];

/** A member of a workspace as the API shows it; the token is shown only once, at creation. */
export interface Member {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
}

/** `POST /api/members` answers with the new member, its token and the link to send; shown only this once. */
export interface CreatedMember extends Member {
  readonly token: string;
  readonly inviteUrl: string;
}

/** The longest display name of a member (the forms stop there too). */
export const MAX_MEMBER_NAME_LENGTH = 120;

// Control characters, and the bidi overrides and line separators that would make a name in the history or
// the audit log read as something else (issue 15).
const HOSTILE_IN_NAMES = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** A member's display name as people see it in history, replies, records and the audit log. */
export const MemberName = z
  .string()
  .trim()
  .min(1, 'expected a name')
  .max(MAX_MEMBER_NAME_LENGTH)
  .refine((name) => !HOSTILE_IN_NAMES.test(name), { message: 'expected a name without control characters' });

/** `POST /api/members`. */
export const CreateMemberRequest = z.object({ name: MemberName, role: z.enum(ROLES) }).strict();
/** `PATCH /api/members/:id`: a coordinator changes a member's role, display name, or both at once. */
export const UpdateMemberRequest = z
  .object({ role: z.enum(ROLES).optional(), name: MemberName.optional() })
  .strict()
  .refine((body) => body.role !== undefined || body.name !== undefined, { message: 'expected { role } or { name }' });
/** `PATCH /api/me`: a member sets their own display name (the name given at the first prompt). */
export const UpdateMeRequest = z.object({ name: MemberName }).strict();
