import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvailableTransition, StagesState } from '../../../shared/api/workflow';
import type { WorkflowDefinition } from '../../../shared/workflow/workflowDefinition';
import type { Session } from '../connection/session';
import { DueDate } from './DueDate';
import { labelLanguage, stageLabel } from './stageText';
import { TransitionDialog } from './TransitionDialog';
import { shortDateTime } from '../../../shared/format/dates';
import { dateLanguage, deadline, longDate } from '../../../shared/format/dates';

/** The moves that leave the usual way forward, drawn apart from it. */
const SIDE_WAYS = new Set(['drafting', 'rejected', 'withdrawn']);

/**
 * The act's approval stage: where it stands and since when, what is due, the moves this member may make
 * (each asks for what it requires), and the history of its stages with who moved it and why.
 */
export function StagePanel(props: { session: Session; docId: string; stages: StagesState | null; definition: WorkflowDefinition | null; onMoved: (state: StagesState) => void }) {
  const { t, i18n } = useTranslation();
  const [moving, setMoving] = useState<AvailableTransition | null>(null);
  const { stages, definition } = props;
  if (!stages) return <section className="sj-stage-panel sj-muted">{t('workflow.loading')}</section>;
  const lang = labelLanguage(i18n.language);
  const label = (stage: string) => stageLabel(definition, stage, i18n.language);
  const actionLabel = (tr: AvailableTransition) => tr.label?.[lang] ?? t('workflow.moveTo', { stage: label(tr.to) });
  const since = stages.history.at(-1)?.enteredAt;
  const forward = stages.available.filter((tr) => !SIDE_WAYS.has(tr.to));
  const side = stages.available.filter((tr) => SIDE_WAYS.has(tr.to));

  return (
    <section className="sj-stage-panel" aria-labelledby="sj-stage-heading" data-stage={stages.current}>
      <h3 id="sj-stage-heading">{t('workflow.stage')}</h3>
      <p className="sj-stage-current" data-field="current-stage">
        {label(stages.current)}
      </p>
      {since ? <p className="sj-muted sj-small">{t('workflow.since', { date: shortDateTime(since) })}</p> : null}
      {stages.nextDue ? (
        <p className="sj-small">
          <DueDate due={stages.nextDue.due} kind={stages.nextDue.kind} overdue={stages.nextDue.overdue} />
        </p>
      ) : null}
      {forward.length + side.length > 0 ? (
        <div className="sj-transitions">
          {forward.map((tr) => (
            <button key={tr.to} type="button" className="sj-primary" data-transition={tr.to} onClick={() => setMoving(tr)}>
              {actionLabel(tr)} →
            </button>
          ))}
          {side.map((tr) => (
            <button key={tr.to} type="button" className={tr.to === 'drafting' ? 'sj-secondary' : 'sj-danger'} data-transition={tr.to} onClick={() => setMoving(tr)}>
              {actionLabel(tr)}
            </button>
          ))}
        </div>
      ) : null}
      <details className="sj-stage-history" open>
        <summary>{t('workflow.history')}</summary>
        <ol>
          {[...stages.history].reverse().map((entry) => (
            <li key={`${entry.stage}-${entry.enteredAt}`}>
              <strong>{label(entry.stage)}</strong>
              <span className="sj-muted sj-small">
                {shortDateTime(entry.enteredAt)} · {entry.by === 'system' ? t('workflow.system') : entry.by}
              </span>
              {entry.data.actNumber && entry.data.votesFor === undefined ? (
                <span className="sj-small">{t('workflow.orderSummary', { number: entry.data.actNumber, date: longDate(entry.data.adoptionDate ?? '', dateLanguage(i18n.language)) })}</span>
              ) : null}
              {entry.data.actNumber && entry.data.votesFor !== undefined ? (
                <span className="sj-small">{t('workflow.adoptionSummary', { number: entry.data.actNumber, date: longDate(entry.data.adoptionDate ?? '', dateLanguage(i18n.language)), for: entry.data.votesFor, against: entry.data.votesAgainst, abstained: entry.data.abstained })}</span>
              ) : null}
              {entry.data.signingDate ? <span className="sj-small">{t('workflow.signedOn', { date: longDate(entry.data.signingDate, dateLanguage(i18n.language)) })}</span> : null}
              {entry.data.signatoryName ? <span className="sj-small">{t('workflow.signedBy', { name: entry.data.signatoryName })}</span> : null}
              {entry.data.registrationCode ? <span className="sj-small">{t('workflow.registered', { code: entry.data.registrationCode, date: longDate(entry.data.publicationDate ?? '', dateLanguage(i18n.language)) })}</span> : null}
              {entry.data.consultationEndDate ? <span className="sj-small">{t('workflow.consultationUntil', { date: deadline(entry.data.consultationEndDate, dateLanguage(i18n.language)) })}</span> : null}
              {entry.note ? <q className="sj-small">{entry.note}</q> : null}
            </li>
          ))}
        </ol>
      </details>
      {moving ? (
        <TransitionDialog
          session={props.session}
          docId={props.docId}
          transition={moving}
          title={actionLabel(moving)}
          stageLabel={label}
          onClose={() => setMoving(null)}
          onMoved={(state) => {
            setMoving(null);
            props.onMoved(state);
          }}
        />
      ) : null}
    </section>
  );
}
