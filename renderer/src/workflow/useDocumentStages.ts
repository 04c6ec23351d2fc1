import { useCallback, useEffect, useState } from 'react';
import type { StagesState } from '../../../shared/api/workflow';
import type { Session } from '../connection/session';
import { useWorkspaceEvents } from './useWorkspaceEvents';
import { workflowApi } from './workflowApi';

/** An act's stages as this member sees them, kept current by the workspace's events. */
export interface DocumentStages {
  readonly stages: StagesState | null;
  /** True once the act was adopted and its text frozen. */
  readonly locked: boolean;
  /** Replaces the state with the answer to a move this window made. */
  readonly update: (state: StagesState) => void;
}

/** Loads an act's stages and reloads them whenever anyone moves it (or the events stream reopens). */
export function useDocumentStages(session: Session, docId: string): DocumentStages {
  const [stages, setStages] = useState<StagesState | null>(null);
  const load = useCallback(() => {
    workflowApi.stages(session, docId).then(setStages, (e: unknown) => console.warn(`[workflow] could not load the stages of ${docId}: ${(e as Error).message}`));
  }, [session, docId]);
  useEffect(load, [load]);
  useWorkspaceEvents(session, (signal) => {
    if (signal.type === 'resync' || (signal.type === 'stage' && signal.docId === docId)) load();
  });
  return { stages, locked: stages?.locked ?? false, update: setStages };
}
