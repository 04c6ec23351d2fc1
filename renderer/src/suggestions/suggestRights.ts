import type { Role } from '../../../shared/api/members';
import { may, mayComment } from '../../../shared/api/permissions';

/** How the act's text is being worked on in this window: edited directly, or changed through suggestions. */
export type EditMode = 'editing' | 'suggesting';

/** What a member may do with the text and its suggestions now, and why not (a key of the `suggest` strings). */
export interface SuggestRights {
  /** May edit the shared text (and so accept and reject suggestions). */
  readonly edit: boolean;
  /** May make suggestions (whoever may comment on the act in its stage). */
  readonly suggest: boolean;
  /** The mode the act opens in: editing for those who may edit, suggesting for the others who may suggest. */
  readonly defaultMode: EditMode;
  /** May switch between the modes. */
  readonly canSwitch: boolean;
  /** Why the mode cannot be switched, for the toggle's tooltip; null when it can. */
  readonly reason: 'onlySuggest' | 'observerOutsideConsultation' | 'locked' | 'denied' | null;
}

/**
 * The rights of suggesting (issue 12), as the server decides them (shared/api/permissions.ts): reviewers
 * suggest always, observers only in public consultation, drafters and coordinators edit and may suggest;
 * nobody changes an adopted act, nor a member whose access the server just refused.
 */
export function suggestRights(role: Role | undefined, stage: string | undefined, locked: boolean, denied: boolean): SuggestRights {
  const edit = !!role && may(role, 'editText') && !locked && !denied;
  const suggest = !!role && stage !== undefined && mayComment(role, stage) && !locked && !denied;
  const reason = locked ? 'locked' : denied ? 'denied' : edit && suggest ? null : suggest ? 'onlySuggest' : role === 'observer' ? 'observerOutsideConsultation' : null;
  return { edit, suggest, defaultMode: !edit && suggest ? 'suggesting' : 'editing', canSwitch: edit && suggest, reason };
}
