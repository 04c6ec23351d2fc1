import { useTranslation } from 'react-i18next';
import { AuthorDot } from './ChangeList';
import type { ChangeSummary } from './changeSummary';
import { shortDateTime } from '../../../shared/format/dates';

/**
 * The offer on opening an act, or on its return after hours offline (issue 12): "12 changes by 3 members
 * since your last visit", with who they are, and a button that shows them.
 */
export function ChangesOffer({ summary, visitedAt, onShow, onDismiss }: { summary: ChangeSummary; visitedAt: string | null; onShow: () => void; onDismiss: () => void }) {
  const { t } = useTranslation();
  const parts = { changes: t('changes.changeCount', { count: summary.changes }), members: t('changes.memberCount', { count: summary.contributors.length }) };
  return (
    <div className="sj-changes-offer" role="status" data-banner="changes-offer">
      <span className="sj-changes-offer-people" aria-hidden="true">
        {summary.contributors.map(({ member }) => (
          <AuthorDot key={member.id} author={member} />
        ))}
      </span>
      <span className="sj-changes-offer-text">
        {visitedAt ? t('changes.offer', { ...parts, date: shortDateTime(visitedAt) }) : t('changes.offerNoDate', parts)}
        <span className="sj-muted"> · {summary.contributors.map((c) => c.member.name).join(', ')}</span>
      </span>
      <button type="button" className="sj-primary" onClick={onShow} data-action="show-offered-changes">
        {t('changes.offerShow')}
      </button>
      <button type="button" onClick={onDismiss} data-action="dismiss-offer">
        {t('changes.offerDismiss')}
      </button>
    </div>
  );
}
