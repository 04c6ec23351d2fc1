import { describe, expect, test } from 'vitest';
import { planTransition } from './stateMachine';
import { DEFAULT_WORKFLOW } from './defaultWorkflow';
import { parseWorkflowDefinition, type WorkflowDefinition } from './workflowDefinition';

const label = { ka: 'ეტაპი', en: 'Stage' };
const tiny = (
  transitions: unknown[],
  stages: unknown[] = [
    { id: 'draft', label },
    { id: 'review', label },
    { id: 'done', label, final: true },
  ],
) => ({ stages, transitions });

function errorOf(raw: unknown): string {
  const result = parseWorkflowDefinition(raw);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

describe('workflow definitions', () => {
  test('the default workflow survives being stored as JSON and read back', () => {
    const result = parseWorkflowDefinition(JSON.parse(JSON.stringify(DEFAULT_WORKFLOW)));
    expect(result.ok && result.value).toEqual(DEFAULT_WORKFLOW);
  });

  test('every default stage has a Georgian and an English label', () => {
    for (const stage of DEFAULT_WORKFLOW.stages) {
      expect(stage.label.ka).toMatch(/[\u10D0-\u10FF]/);
      expect(stage.label.en).toMatch(/^[A-Z]/);
    }
  });

  test('a definition with a bad field is refused, naming where and what was expected', () => {
    expect(errorOf(tiny([{ from: 'draft', to: 'review', role: 'mayor', requires: [] }]))).toBe(
      "Invalid workflow definition at 'transitions.0.role': expected one of coordinator, drafter, reviewer, observer",
    );
    expect(errorOf(tiny([{ from: 'draft', to: 'review', role: 'drafter', requires: ['quorum'] }]))).toMatch(
      /^Invalid workflow definition at 'transitions\.0\.requires\.0': expected one of adoptionRecord, /,
    );
    expect(errorOf({ stages: [{ id: 'Draft Stage', label }], transitions: [] })).toMatch(
      /at 'stages\.0\.id': expected a stage id/,
    );
  });

  test('transitions must join known stages and never leave a final one', () => {
    expect(errorOf(tiny([{ from: 'draft', to: 'vote', role: 'coordinator', requires: [] }]))).toBe(
      "Invalid workflow definition: transitions.0 names unknown stage 'vote': expected one of draft, review, done",
    );
    expect(errorOf(tiny([{ from: 'done', to: 'draft', role: 'coordinator', requires: [] }]))).toMatch(
      /leaves the final stage 'done'/,
    );
    expect(
      errorOf(
        tiny([
          { from: 'draft', to: 'review', role: 'drafter', requires: [] },
          { from: 'draft', to: 'review', role: 'coordinator', requires: [] },
        ]),
      ),
    ).toMatch(/transitions\.1 repeats 'draft' to 'review'/);
    const twice = [
      { id: 'a', label },
      { id: 'a', label },
      { id: 'b', label },
    ];
    expect(errorOf(tiny([{ from: 'a', to: 'b', role: 'coordinator', requires: [] }], twice))).toBe(
      "Invalid workflow definition: stage 'a' is defined twice: expected unique stage ids",
    );
    expect(
      errorOf(
        tiny([
          {
            from: 'draft',
            to: 'review',
            role: 'coordinator',
            requires: [],
            onEnter: ['startConsultationDeadline'],
          },
        ]),
      ),
    ).toMatch(/expected it to require consultationEndDate/);
  });

  test("a '*' transition leaves any non-final stage, and a transition named for the stage wins over it", () => {
    const parsed = parseWorkflowDefinition(
      tiny([
        { from: 'draft', to: 'review', role: 'drafter', requires: [] },
        { from: '*', to: 'done', role: 'reviewer', requires: [] },
        { from: 'draft', to: 'done', role: 'coordinator', requires: [] },
      ]),
    );
    expect(parsed.ok).toBe(true);
    const definition = (parsed.ok ? parsed.value : null) as WorkflowDefinition;
    const now = new Date('2026-03-10T08:00:00Z');
    expect(planTransition(definition, 'review', { to: 'done' }, { role: 'reviewer' }, [], now).ok).toBe(true);
    expect(planTransition(definition, 'draft', { to: 'done' }, { role: 'reviewer' }, [], now)).toEqual({
      ok: false,
      error: "Role 'reviewer' may not move a document from 'draft' to 'done': expected coordinator",
    });
  });
});
