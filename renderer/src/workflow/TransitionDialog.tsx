import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvailableTransition, StagesState } from '../../../shared/api/workflow';
import type { ReadinessProblem, ReadinessReport } from '../../../shared/readiness/readinessTypes';
import { ApiError, apiFetch } from '../connection/api';
import type { Session } from '../connection/session';
import { workflowApi } from './workflowApi';
import { Dialog } from '../ui/Dialog';
import { errorText } from '../errors/errorText';
import { MAX_NOTE_LENGTH } from '../../../shared/workflow/stateMachine';
import { tbilisiDate } from '../../../shared/format/dates';
import { DateInput } from '../ui/DateInput';

/** One input of a requirement's form. */
interface RequirementField {
  readonly name: string;
  readonly type: 'text' | 'date' | 'number';
  /** The label's key under workflow.field when it is not the field's name. */
  readonly label?: string;
}

/** The fields each built-in requirement asks for, in the order a coordinator reads them off the record. */
const FIELDS: Readonly<Record<AvailableTransition['requires'][number], readonly RequirementField[]>> = {
  adoptionRecord: [
    { name: 'actNumber', type: 'text' },
    { name: 'adoptionDate', type: 'date' },
    { name: 'votesFor', type: 'number' },
    { name: 'votesAgainst', type: 'number' },
    { name: 'abstained', type: 'number' },
  ],
  signingDate: [{ name: 'signingDate', type: 'date' }],
  signatoryName: [{ name: 'signatoryName', type: 'text' }],
  // A Mayor's order is dated the day the Mayor signs it (issue 13 §5).
  orderRecord: [
    { name: 'actNumber', type: 'text' },
    { name: 'adoptionDate', type: 'date', label: 'orderDate' },
  ],
  publicationRecord: [
    { name: 'registrationCode', type: 'text' },
    { name: 'publicationDate', type: 'date' },
  ],
  consultationEndDate: [{ name: 'consultationEndDate', type: 'date' }],
  reason: [],
};

/** Today's calendar date in Georgia, whatever the computer's own zone. */
function todayInGeorgia(): string {
  return tbilisiDate(new Date()) ?? '';
}

/** What a record of something done defaults to: today. A window that ends later starts empty. */
function initialValue(name: string): string {
  return ['adoptionDate', 'signingDate', 'publicationDate'].includes(name) ? todayInGeorgia() : '';
}

/**
 * Asks for what a move requires (the adoption record, the signing date, the Herald's registration, the
 * consultation's last day, a reason) and a note, then makes the move; the server's refusal is worded from its code.
 */
export function TransitionDialog(props: {
  session: Session;
  docId: string;
  transition: AvailableTransition;
  title: string;
  onClose: () => void;
  onMoved: (state: StagesState) => void;
  /** Names a stage in the UI language, for a refusal that names the move. */
  stageLabel?: (stageId: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ka';
  const { transition } = props;
  const fields = transition.requires.flatMap((r) => FIELDS[r]);
  const needsReason = transition.requires.includes('reason');
  // The signatory's name defaults to the one last recorded (issue 13 §2), for the coordinator to confirm.
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, f.name === 'signatoryName' ? (transition.defaults?.signatoryName ?? '') : initialValue(f.name)])),
  );
  const recordsText = transition.requires.some((r) => ['adoptionRecord', 'orderRecord', 'signatoryName', 'publicationRecord'].includes(r));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Issue 13 §1: when only warnings stand in the way, the coordinator may move on with a reason (audited).
  const [warnings, setWarnings] = useState<ReadinessProblem[] | null>(null);
  const [overrideReason, setOverrideReason] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const data = Object.fromEntries(fields.map((f) => [f.name, f.type === 'number' && values[f.name] !== '' ? Number(values[f.name]) : values[f.name]]));
    try {
      const override = warnings && overrideReason.trim() ? { overrideWarnings: { reason: overrideReason.trim() } } : {};
      const state = await workflowApi.transition(props.session, props.docId, { to: transition.to, ...(note.trim() ? { note: note.trim() } : {}), ...(fields.length ? { data } : {}), ...override });
      props.onMoved(state);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'not_ready') {
        const report = await apiFetch<ReadinessReport>(props.session, `/api/documents/${encodeURIComponent(props.docId)}/readiness`).catch(() => null);
        const blocking = report?.problems.filter((p) => p.severity === 'blocking') ?? [];
        if (report && blocking.length === 0) {
          setWarnings(report.problems.filter((p) => p.severity === 'warning'));
          setBusy(false);
          return;
        }
        setError(t('workflow.notReady', { count: blocking.length }));
      } else setError(e instanceof ApiError && e.code === 'network' ? t('errors.network') : t('workflow.refused', { message: errorText(t, e, { stageLabel: props.stageLabel }) }));
      setBusy(false);
    }
  };

  // Dialog is a portal, so the dialog stands above the sticky toolbar rather than inside the side column.
  return (
    <Dialog labelledBy="sj-transition-title" onClose={busy ? undefined : props.onClose} name="transition" as="form" onSubmit={(e) => void submit(e)}>
        <h2 id="sj-transition-title">{props.title}</h2>
        {transition.requires.includes('adoptionRecord') ? <p className="sj-muted">{t('workflow.adoptionExplain')}</p> : null}
        {transition.requires.includes('signingDate') ? <p className="sj-muted">{t('workflow.registrationExplain')}</p> : null}
        {recordsText ? <p className="sj-muted">{t('workflow.recordedExplain')}</p> : null}
        <div className="sj-field-grid">
          {fields.map((field) => (
            <label key={field.name}>
              <span>
                {t(`workflow.field.${field.label ?? field.name}`)} <span className="sj-required">*</span>
              </span>
              {field.type === 'date' ? (
                <DateInput name={field.name} required value={values[field.name] ?? ''} onChange={(iso) => setValues((v) => ({ ...v, [field.name]: iso }))} />
              ) : (
                <input
                  name={field.name}
                  type={field.type}
                  required
                  min={field.type === 'number' ? 0 : undefined}
                  value={values[field.name] ?? ''}
                  placeholder={field.name === 'registrationCode' ? '010250000.35.101.016261' : undefined}
                  onChange={(e) => setValues((v) => ({ ...v, [field.name]: e.target.value }))}
                />
              )}
            </label>
          ))}
        </div>
        <label>
          <span>
            {needsReason ? t('workflow.reason') : t('workflow.note')}
            {needsReason ? <span className="sj-required"> *</span> : null}
          </span>
          <textarea name="note" rows={3} maxLength={MAX_NOTE_LENGTH} required={needsReason} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        {warnings ? (
          <div className="sj-override" data-part="override-warnings">
            <p>{t('workflow.overrideExplain')}</p>
            <ul>
              {warnings.map((w, i) => (
                <li key={`${w.code}-${i}`}>{lang === 'en' ? w.message.en : w.message.ka}</li>
              ))}
            </ul>
            <label>
              <span>
                {t('workflow.overrideReason')} <span className="sj-required">*</span>
              </span>
              <textarea name="overrideReason" rows={2} maxLength={MAX_NOTE_LENGTH} required value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} />
            </label>
          </div>
        ) : null}
        {error ? <p className="sj-error" role="alert">{error}</p> : null}
        <div className="sj-actions">
          <button type="button" onClick={props.onClose} disabled={busy}>
            {t('create.cancel')}
          </button>
          <button type="submit" className="sj-primary" disabled={busy} data-action="confirm-transition">
            {busy ? t('workflow.moving') : warnings ? t('workflow.overrideConfirm') : t('workflow.confirm')}
          </button>
        </div>
    </Dialog>
  );
}
