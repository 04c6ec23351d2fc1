import { describe, expect, test } from 'vitest';
import { suggestRights } from './suggestRights';

describe('who may suggest and decide', () => {
  test('a reviewer suggests by default and cannot switch to editing', () => {
    expect(suggestRights('reviewer', 'drafting', false, false)).toEqual({ edit: false, suggest: true, defaultMode: 'suggesting', canSwitch: false, reason: 'onlySuggest' });
  });

  test('a drafter edits by default and may switch to suggesting', () => {
    expect(suggestRights('drafter', 'legal_review', false, false)).toMatchObject({ edit: true, suggest: true, defaultMode: 'editing', canSwitch: true, reason: null });
  });

  test('an observer suggests only during public consultation', () => {
    expect(suggestRights('observer', 'drafting', false, false)).toMatchObject({ suggest: false, canSwitch: false, reason: 'observerOutsideConsultation' });
    expect(suggestRights('observer', 'public_consultation', false, false)).toMatchObject({ suggest: true, defaultMode: 'suggesting' });
  });

  test('nobody changes an adopted act, and an unknown stage or role allows nothing yet', () => {
    expect(suggestRights('coordinator', 'adopted', true, false)).toMatchObject({ edit: false, suggest: false, reason: 'locked' });
    expect(suggestRights('reviewer', undefined, false, false).suggest).toBe(false);
    expect(suggestRights(undefined, 'drafting', false, false)).toMatchObject({ edit: false, suggest: false });
  });
});
