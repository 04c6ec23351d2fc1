import { useEffect, useState } from 'react';
import type { WorkflowDefinition } from '../../../shared/workflow/workflowDefinition';
import type { Session } from '../connection/session';
import { workflowApi } from './workflowApi';

let cache: { key: string; definition: Promise<WorkflowDefinition> } | null = null;

/** The workspace's workflow definition, loaded once per window; null until it arrives. */
export function useWorkflowDefinition(session: Session): WorkflowDefinition | null {
  const [definition, setDefinition] = useState<WorkflowDefinition | null>(null);
  useEffect(() => {
    const key = `${session.serverUrl}|${session.token}`;
    if (!cache || cache.key !== key) cache = { key, definition: workflowApi.definition(session) };
    let cancelled = false;
    cache.definition.then(
      (d) => !cancelled && setDefinition(d),
      () => {
        // Try again on the next mount rather than keep a failed request.
        cache = null;
      },
    );
    return () => {
      cancelled = true;
    };
  }, [session]);
  return definition;
}
