import type { Role } from '../../shared/api/members';

/** Who did something the workflow records: a member, or the workspace itself ('system'). */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

/**
 * The actor of what the workspace does on its own behalf, e.g. the first stage of a document created by a
 * caller that did not say who created it.
 */
export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'system', role: 'coordinator' } as const;
