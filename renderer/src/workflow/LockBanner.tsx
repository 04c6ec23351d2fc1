import { useTranslation } from 'react-i18next';
import type { StagesState } from '../../../shared/api/workflow';
import type { WorkflowDefinition } from '../../../shared/workflow/workflowDefinition';
import { stageLabel } from './stageText';
import { dateLanguage, longDate } from '../../../shared/format/dates';

/** The banner over an adopted act: its text is locked, and why, with the adoption record. */
export function LockBanner({ stages, definition }: { stages: StagesState; definition: WorkflowDefinition | null }) {
  const { t, i18n } = useTranslation();
  if (!stages.locked) return null;
  const adopted = [...stages.history].reverse().find((e) => e.data.actNumber !== undefined)?.data;
  return (
    <div className="sj-lock-banner" role="status" data-locked="true">
      <svg className="sj-lock-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <path d="M7 10V7a5 5 0 0 1 10 0v3" fill="none" stroke="currentColor" strokeWidth="2.2" />
        <rect x="4" y="10" width="16" height="11" rx="2" fill="currentColor" />
      </svg>
      <div>
        <strong>{t('workflow.lockedTitle')}</strong>
        <p>
          {adopted?.actNumber && adopted.adoptionDate
            ? t('workflow.lockedAdopted', { number: adopted.actNumber, date: longDate(adopted.adoptionDate, dateLanguage(i18n.language)), stage: stageLabel(definition, stages.current, i18n.language) })
            : t('workflow.lockedStage', { stage: stageLabel(definition, stages.current, i18n.language) })}{' '}
          {t('workflow.lockedAmend')}
        </p>
      </div>
    </div>
  );
}
