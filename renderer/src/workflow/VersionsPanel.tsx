import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionSummary } from '../../../shared/api/workflow';
import type { WorkflowDefinition } from '../../../shared/workflow/workflowDefinition';
import type { Session } from '../connection/session';
import { DiffView } from './DiffView';
import { stageLabel } from './stageText';
import { useWorkspaceEvents } from './useWorkspaceEvents';
import { workflowApi } from './workflowApi';
import { errorText } from '../errors/errorText';
import { shortDateTime } from '../../../shared/format/dates';

const NOW = 'current';

/**
 * The act's frozen versions: those made on entering each stage and those saved by hand. A member who may
 * save one names it ("Draft 1 for the working group"); any two, or a version and now, can be compared.
 */
export function VersionsPanel({ session, docId, definition, canSave }: { session: Session; docId: string; definition: WorkflowDefinition | null; canSave: boolean }) {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(NOW);
  const [comparing, setComparing] = useState<{ from: string; to: string } | null>(null);

  const load = useCallback(() => {
    workflowApi.versions(session, docId).then(setVersions, (e: unknown) => console.warn(`[versions] could not load the versions of ${docId}: ${(e as Error).message}`));
  }, [session, docId]);
  useEffect(load, [load]);
  useWorkspaceEvents(session, (signal) => {
    if (signal.type === 'resync' || (signal.type !== 'document' && signal.docId === docId)) load();
  });

  const title = (v: VersionSummary) => (v.kind === 'stage' && v.stage ? t('versions.onStage', { stage: stageLabel(definition, v.stage, i18n.language) }) : v.name);
  // Both ends of a comparison offer the same versions.
  const versionOptions = versions.map((v) => (
    <option key={v.id} value={v.id}>
      {v.number}. {title(v)}
    </option>
  ));
  const fromId = from || versions.at(-1)?.id || '';

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await workflowApi.saveVersion(session, docId, name.trim());
      setName('');
      load();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="sj-versions-panel" aria-labelledby="sj-versions-heading">
      <h3 id="sj-versions-heading">{t('versions.title')}</h3>
      {canSave ? (
        <form className="sj-version-save" onSubmit={(e) => void save(e)}>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('versions.namePlaceholder')} aria-label={t('versions.name')} maxLength={200} data-field="version-name" />
          <button type="submit" disabled={busy || !name.trim()} data-action="save-version">
            {t('versions.save')}
          </button>
        </form>
      ) : null}
      {error ? <p className="sj-error sj-small" role="alert">{error}</p> : null}
      <ol className="sj-version-list">
        {[...versions].reverse().map((v) => (
          <li key={v.id} data-version-id={v.id}>
            <span className="sj-version-number">{v.number}</span>
            <span className="sj-version-text">
              <span className={v.kind === 'manual' ? 'sj-version-name' : 'sj-version-name sj-version-stage'}>{title(v)}</span>
              <span className="sj-muted sj-small">
                {shortDateTime(v.createdAt)} · {v.by === 'system' ? t('workflow.system') : v.by}
              </span>
              <button type="button" className="sj-link-button" onClick={() => setComparing({ from: v.id, to: NOW })} title={t('versions.compareWithNow')} data-action="compare-with-now">
                {t('versions.withNow')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      {versions.length > 0 ? (
        <div className="sj-compare">
          <label>
            {t('versions.from')}
            <select value={fromId} onChange={(e) => setFrom(e.target.value)} data-field="compare-from">
              {versionOptions}
            </select>
          </label>
          <label>
            {t('versions.to')}
            <select value={to} onChange={(e) => setTo(e.target.value)} data-field="compare-to">
              <option value={NOW}>{t('versions.now')}</option>
              {versionOptions}
            </select>
          </label>
          <button type="button" onClick={() => setComparing({ from: fromId, to })} disabled={!fromId || fromId === to} data-action="compare">
            {t('versions.compare')}
          </button>
        </div>
      ) : null}
      {comparing ? (
        <DiffView
          session={session}
          docId={docId}
          from={comparing.from}
          to={comparing.to}
          nameOf={(id) => {
            const version = versions.find((v) => v.id === id);
            return version ? title(version) : id;
          }}
          onClose={() => setComparing(null)}
        />
      ) : null}
    </section>
  );
}
