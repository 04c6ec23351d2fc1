import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { DashboardRow } from '../../../shared/api/workflow';
import { MUNICIPALITIES } from '../../../shared/lang/municipalities';
import { useSession } from '../connection/SessionContext';
import { DueDate } from './DueDate';
import { StageTimeline } from './StageTimeline';
import { labelLanguage } from './stageText';
import { useWorkflowDefinition } from './useWorkflowDefinition';
import { useWorkspaceEvents } from './useWorkspaceEvents';
import { workflowApi } from './workflowApi';
import { ActsInForce } from '../amendments/ActsInForce';
import { errorText } from '../errors/errorText';

/**
 * The coordinator's dashboard: every act of the workspace with its stage, days in it, the next deadline
 * (overdue ones in red) and the picture of its way so far; filterable by municipality and stage, and
 * updated live when anyone moves an act.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const definition = useWorkflowDefinition(session);
  const [municipality, setMunicipality] = useState('');
  const [stage, setStage] = useState('');
  const [rows, setRows] = useState<DashboardRow[] | null>(null);
  const [seen, setSeen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [moves, setMoves] = useState(0);
  const lang = labelLanguage(i18n.language);

  const load = useCallback(() => {
    workflowApi
      .dashboard(session, { municipality, stage })
      .then((loaded) => {
        setRows(loaded);
        setError(null);
        setSeen((before) => [...new Set([...before, ...loaded.map((r) => r.municipality).filter(Boolean)])]);
      })
      .catch((e: unknown) => setError(errorText(t, e)));
  }, [session, municipality, stage, t]);

  useEffect(load, [load]);
  useWorkspaceEvents(session, (signal) => {
    if (signal.type !== 'version') load();
    if (signal.type !== 'version') setMoves((n) => n + 1);
  });

  const municipalityName = (id: string) => MUNICIPALITIES.find((m) => m.id === id)?.name[lang] ?? id;
  const others = seen.filter((id) => !MUNICIPALITIES.some((m) => m.id === id));
  const overdue = rows?.filter((r) => r.overdue).length ?? 0;

  return (
    <main className="sj-dashboard">
      <div className="sj-list-head">
        <h1>{t('dashboard.title')}</h1>
        <p className="sj-muted" data-field="summary">
          {rows ? t('dashboard.summary', { count: rows.length }) : null}
          {overdue ? <span className="sj-overdue-badge">{t('dashboard.overdueCount', { count: overdue })}</span> : null}
        </p>
      </div>
      <div className="sj-filters">
        <label>
          {t('list.municipality')}
          <select value={municipality} onChange={(e) => setMunicipality(e.target.value)} data-filter="municipality">
            <option value="">{t('dashboard.all')}</option>
            {MUNICIPALITIES.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name[lang]}
              </option>
            ))}
            {others.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('workflow.stage')}
          <select value={stage} onChange={(e) => setStage(e.target.value)} data-filter="stage">
            <option value="">{t('dashboard.all')}</option>
            {definition?.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label[lang]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? <p className="sj-error" role="alert">{error}</p> : null}
      {rows === null && !error ? <p className="sj-muted">{t('dashboard.loading')}</p> : null}
      {rows?.length === 0 ? <p className="sj-empty">{municipality || stage ? t('dashboard.noMatch') : t('list.empty')}</p> : null}
      {rows && rows.length > 0 ? (
        <table className="sj-doc-table sj-dashboard-table">
          <thead>
            <tr>
              <th>{t('create.actTitle')}</th>
              <th>{t('list.municipality')}</th>
              <th>{t('workflow.stage')}</th>
              <th>{t('dashboard.daysInStage')}</th>
              <th>{t('dashboard.nextDue')}</th>
            </tr>
          </thead>
          {rows.map((row) => (
            <tbody key={row.id} data-doc-id={row.id} className={row.overdue ? 'sj-row-overdue' : undefined}>
              <tr>
                <td>
                  <Link href={`/documents/${row.id}`} className="sj-doc-link">
                    {row.title}
                  </Link>
                  {row.locked ? <span className="sj-badge sj-badge-locked">{t('workflow.lockedShort')}</span> : null}
                </td>
                <td>{municipalityName(row.municipality)}</td>
                <td data-field="stage" data-stage={row.stage}>
                  <strong>{row.stageLabel[lang]}</strong>
                </td>
                <td data-field="days">{t('dashboard.days', { count: row.daysInStage })}</td>
                <td data-field="due">
                  <DueDate due={row.nextDueDate} kind={row.nextDueKind} overdue={row.overdue} />
                </td>
              </tr>
              <tr className="sj-timeline-row">
                <td colSpan={5}>{definition ? <StageTimeline definition={definition} timeline={row.timeline} /> : null}</td>
              </tr>
            </tbody>
          ))}
        </table>
      ) : null}
      <ActsInForce session={session} refresh={moves} />
    </main>
  );
}
