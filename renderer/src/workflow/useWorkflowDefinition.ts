import { useEffect, useState } from 'react';
import type { AdoptingBody } from '../../../shared/workflow/adoptingBody';
import type { WorkflowDefinition } from '../../../shared/workflow/workflowDefinition';
import type { Session } from '../connection/session';
import { workflowApi } from './workflowApi';

const cache = new Map<string, Promise<WorkflowDefinition>>();

/**
 * The workflow definition of acts the council (the default) or the Mayor adopts (issue 13 §5), loaded once
 * per window and body; null until it arrives.
 */
export function useWorkflowDefinition(session: Session, adoptingBody: AdoptingBody = 'council'): WorkflowDefinition | null {
  const [definition, setDefinition] = useState<WorkflowDefinition | null>(null);
  useEffect(() => {
    const key = `${session.serverUrl}|${session.token}|${adoptingBody}`;
    let loading = cache.get(key);
    if (!loading) {
      loading = workflowApi.definition(session, adoptingBody);
      cache.set(key, loading);
    }
    let cancelled = false;
    loading.then(
      (d) => !cancelled && setDefinition(d),
      () => {
        // Try again on the next mount rather than keep a failed request.
        cache.delete(key);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [session, adoptingBody]);
  return definition;
}
