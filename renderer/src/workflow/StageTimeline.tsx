import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../shared/api/workflow';
import type { WorkflowDefinition } from '../../../shared/workflow/workflowDefinition';
import { mainLine, stageLabel } from './stageText';
import { shortDate } from '../../../shared/format/dates';

/** The stages that end an act's way without adoption, drawn in red when reached. */
const STOPPED = new Set(['rejected', 'withdrawn']);

/**
 * The picture of an act's way: a row of stage chips, the ones it passed with the date it entered each, the
 * current one highlighted, and the stages still ahead of it on the way to entry into force in grey.
 */
export function StageTimeline({ definition, timeline }: { definition: WorkflowDefinition; timeline: readonly TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const line = mainLine(definition);
  const current = timeline.at(-1)?.stage;
  const at = current ? line.indexOf(current) : -1;
  const ahead = at >= 0 && !definition.stages.find((s) => s.id === current)?.final ? line.slice(at + 1) : [];
  const optional = new Set(definition.stages.filter((s) => s.optional).map((s) => s.id));
  const short = (stage: string) => t(`workflow.short.${stage}`, { defaultValue: stageLabel(definition, stage, i18n.language) });

  return (
    <ol className="sj-timeline" aria-label={t('workflow.timeline')}>
      {timeline.map((entry, i) => {
        const isCurrent = i === timeline.length - 1;
        const kind = STOPPED.has(entry.stage) ? 'stopped' : isCurrent ? 'current' : 'done';
        return (
          <li key={`${entry.stage}-${entry.enteredAt}`} className={`sj-chip sj-chip-${kind}`} data-stage={entry.stage} title={stageLabel(definition, entry.stage, i18n.language)}>
            <span className="sj-chip-label">{short(entry.stage)}</span>
            <span className="sj-chip-date">{shortDate(entry.enteredAt)}</span>
          </li>
        );
      })}
      {ahead.map((stage) => (
        <li key={stage} className={`sj-chip sj-chip-ahead${optional.has(stage) ? ' sj-chip-optional' : ''}`} data-stage={stage} title={stageLabel(definition, stage, i18n.language)}>
          <span className="sj-chip-label">{short(stage)}</span>
          <span className="sj-chip-date">{optional.has(stage) ? t('workflow.optional') : '\u00a0'}</span>
        </li>
      ))}
    </ol>
  );
}
