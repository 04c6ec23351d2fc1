import type { AdoptingBody } from '../../../shared/workflow/adoptingBody';
import type {
  DashboardRow,
  DiffResponse,
  StagesState,
  TransitionRequestBody,
  VersionSummary,
} from '../../../shared/api/workflow';
import type { WorkflowDefinition } from '../../../shared/workflow/workflowDefinition';
import { apiFetch } from '../connection/api';
import type { Session } from '../connection/session';

const doc = (docId: string) => `/api/documents/${encodeURIComponent(docId)}`;

/** The workflow endpoints of issue 4, typed with the shared contract. */
export const workflowApi = {
  /** The council's workflow, or the Mayor's order's (issue 13 §5). */
  definition: (session: Session, adoptingBody: AdoptingBody = 'council') =>
    apiFetch<WorkflowDefinition>(session, adoptingBody === 'council' ? '/api/workflow' : `/api/workflow?adoptingBody=${adoptingBody}`),
  stages: (session: Session, docId: string) => apiFetch<StagesState>(session, `${doc(docId)}/stages`),
  transition: (session: Session, docId: string, body: TransitionRequestBody) =>
    apiFetch<StagesState>(session, `${doc(docId)}/transitions`, { method: 'POST', body }),
  versions: (session: Session, docId: string) =>
    apiFetch<{ versions: VersionSummary[] }>(session, `${doc(docId)}/versions`).then((r) => r.versions),
  saveVersion: (session: Session, docId: string, name: string) =>
    apiFetch<VersionSummary>(session, `${doc(docId)}/versions`, { method: 'POST', body: { name } }),
  diff: (session: Session, docId: string, from: string, to: string) =>
    apiFetch<DiffResponse>(session, `${doc(docId)}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
  dashboard: (session: Session, filter: { municipality?: string; stage?: string }) => {
    const query = new URLSearchParams();
    if (filter.municipality) query.set('municipality', filter.municipality);
    if (filter.stage) query.set('stage', filter.stage);
    const suffix = query.size ? `?${query.toString()}` : '';
    return apiFetch<{ rows: DashboardRow[] }>(session, `/api/dashboard${suffix}`).then((r) => r.rows);
  },
} as const;
