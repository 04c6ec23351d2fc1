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

/** `POST /api/members`. */
export const CreateMemberRequest = z.object({ name: z.string().trim().min(1).max(120), role: z.enum(ROLES) }).strict();
/** `PATCH /api/members/:id`. */
export const UpdateMemberRequest = z.object({ role: z.enum(ROLES) }).strict();
