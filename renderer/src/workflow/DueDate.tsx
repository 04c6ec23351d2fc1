import { useTranslation } from 'react-i18next';
import { dateLanguage, deadline } from '../../../shared/format/dates';

/** A deadline: its date and what it is for, in red with "overdue" once it has passed. */
export function DueDate({ due, kind, overdue }: { due: string | null; kind: string | null; overdue: boolean }) {
  const { t, i18n } = useTranslation();
  if (!due) return <span className="sj-muted">—</span>;
  return (
    <span className={overdue ? 'sj-due sj-due-overdue' : 'sj-due'} data-overdue={overdue}>
      <strong>{deadline(due, dateLanguage(i18n.language))}</strong>
      {kind ? <span className="sj-due-kind">{t(`workflow.deadline.${kind}`)}</span> : null}
      {overdue ? <span className="sj-overdue-badge">{t('dashboard.overdue')}</span> : null}
    </span>
  );
}
