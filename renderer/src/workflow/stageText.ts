import type { WorkflowDefinition } from '../../../shared/workflow/workflowDefinition';

/** The interface language as the workflow's bilingual labels name it. */
export function labelLanguage(uiLanguage: string): 'ka' | 'en' {
  return uiLanguage === 'en' ? 'en' : 'ka';
}

/** A stage's full label in the interface language, or its id for a stage the definition does not know. */
export function stageLabel(definition: WorkflowDefinition | null, stage: string, uiLanguage: string): string {
  return definition?.stages.find((s) => s.id === stage)?.label[labelLanguage(uiLanguage)] ?? stage;
}

/**
 * The stages an act passes on its way to the first final stage (in the default workflow: drafting … in
 * force), for the timeline picture; rejected and withdrawn are shown only when reached.
 */
export function mainLine(definition: WorkflowDefinition): string[] {
  const ids: string[] = [];
  for (const stage of definition.stages) {
    ids.push(stage.id);
    if (stage.final) break;
  }
  return ids;
}
