import type { WorkspaceEvent } from '../../shared/api/workflow';

/** A listener of workspace events; it must not throw (a throwing one is logged and skipped). */
export type WorkspaceEventListener = (event: WorkspaceEvent) => void;

/**
 * The workspace's push channel inside the server: services publish what changed (a stage, a version, a new
 * document) after their transaction committed, and every open events stream forwards it to its client.
 */
export interface WorkspaceEvents {
  publish(event: WorkspaceEvent): void;
  /** Adds a listener; the function returned removes it. */
  subscribe(listener: WorkspaceEventListener): () => void;
  /** How many listeners are attached (open streams), for tests and logs. */
  readonly size: number;
}

/** Creates an in-process event hub; a listener that throws is logged and does not stop the others. */
export function createWorkspaceEvents(log: (line: string) => void): WorkspaceEvents {
  const listeners = new Set<WorkspaceEventListener>();
  return {
    publish(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          log(`[events] a listener failed on ${event.type} of ${event.docId}: ${(error as Error).message}`);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get size() {
      return listeners.size;
    },
  };
}
