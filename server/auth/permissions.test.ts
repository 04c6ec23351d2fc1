import { describe, expect, test } from 'vitest';
import { ROLES } from '../../shared/api/members';
import { DEFAULT_STAGE_IDS } from '../../shared/workflow/defaultWorkflow';
import { may, mayComment, PERMISSIONS, PUBLIC_CONSULTATION_STAGE } from './permissions';

describe('permissions', () => {
  test('the table of issues 7, 11 and 15: coordinators everything (the audit trail and archiving too), drafters edit, reviewers comment and review, observers read', () => {
    const granted = Object.fromEntries(ROLES.map((role) => [role, Object.keys(PERMISSIONS).filter((p) => may(role, p as keyof typeof PERMISSIONS)).sort()]));
    expect(granted).toEqual({
      coordinator: ['archiveDocument', 'changeStage', 'comment', 'createDocument', 'editText', 'manageMembers', 'manageTemplates', 'read', 'readAudit', 'review', 'saveVersion'],
      drafter: ['comment', 'createDocument', 'editText', 'manageTemplates', 'read', 'saveVersion'],
      reviewer: ['comment', 'read', 'review'],
      observer: ['read'],
    });
  });

  test('observers may comment only during public consultation; the others in every stage', () => {
    for (const stage of DEFAULT_STAGE_IDS) {
      expect(mayComment('coordinator', stage)).toBe(true);
      expect(mayComment('drafter', stage)).toBe(true);
      expect(mayComment('reviewer', stage)).toBe(true);
      expect(mayComment('observer', stage), stage).toBe(stage === PUBLIC_CONSULTATION_STAGE);
    }
  });
});
