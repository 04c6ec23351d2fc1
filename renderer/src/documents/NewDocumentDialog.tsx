import type { AdoptingBody } from '../../../shared/workflow/adoptingBody';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/api/documents';
import type { TemplateListing } from '../../../shared/api/templates';
import type { Language } from '../../../shared/lang/language';
import { MUNICIPALITIES } from '../../../shared/lang/municipalities';
import { apiFetch, ApiError } from '../connection/api';
import { useSession } from '../connection/SessionContext';

const BLANK = '';
const OTHER = '__other';

/**
 * Creates an act: pick a template (or blank), the act's language and municipality, fill the template's
 * details; the server seeds the act, so it opens fully structured.
 */
export function NewDocumentDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (doc: DocumentSummary) => void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const ui: Language = i18n.language === 'en' ? 'en' : 'ka';
  const [library, setLibrary] = useState<TemplateListing | null>(null);
  const [templateId, setTemplateId] = useState(BLANK);
  const [language, setLanguage] = useState<Language>('ka');
  const [municipality, setMunicipality] = useState(MUNICIPALITIES[0]!.id);
  const [otherName, setOtherName] = useState('');
  const [title, setTitle] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [adoptingBody, setAdoptingBody] = useState<AdoptingBody>('council');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    apiFetch<TemplateListing>(session, '/api/templates')
      .then((l) => {
        setLibrary(l);
        if (l.templates[0]) setTemplateId(l.templates[0].id);
      })
      .catch((e: unknown) => setError((e as Error).message));
  }, [session]);

  const template = useMemo(() => library?.templates.find((x) => x.id === templateId) ?? null, [library, templateId]);
  // Sensible defaults: a template's own default values are filled in, ready to change.
  useEffect(() => {
    setValues(Object.fromEntries((template?.placeholders ?? []).filter((p) => p.default).map((p) => [p.name, p.default!])));
    // Who adopts it follows the template (an action plan is the Mayor's order), ready to change (issue 13 §5).
    setAdoptingBody(template?.adoptingBody ?? 'council');
  }, [template]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const chosenMunicipality = municipality === OTHER ? otherName.trim() : municipality;
    const body = template
      ? { templateId: template.id, language, municipality: chosenMunicipality, values, adoptingBody, ...(title.trim() ? { title: title.trim() } : {}) }
      : { title: title.trim(), language, municipality: chosenMunicipality, adoptingBody };
    try {
      onCreated(await apiFetch<DocumentSummary>(session, '/api/documents', { method: 'POST', body }));
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'network' ? t('errors.network') : (e as Error).message);
      setBusy(false);
    }
  };
  const missingRequired = template?.placeholders.some((p) => p.required && !(values[p.name] ?? '').trim()) ?? false;
  const canSubmit = !busy && (template ? !missingRequired : title.trim() !== '') && (municipality !== OTHER || otherName.trim() !== '');

  return (
    <div className="sj-modal" role="dialog" aria-modal="true" aria-labelledby="sj-new-title" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <form
        className="sj-modal-body sj-new-document"
        onSubmit={(e) => {
          e.preventDefault();
          if (canSubmit) void submit();
        }}
      >
        <h2 id="sj-new-title">{t('create.title')}</h2>
        <label>
          {t('create.template')}
          <select name="template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            {library?.templates.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title[ui]}
              </option>
            ))}
            <option value={BLANK}>{t('create.blank')}</option>
          </select>
        </label>
        {template?.description ? <p className="sj-muted">{template.description[ui]}</p> : null}
        {library?.errors.length ? (
          <div className="sj-warning" role="status">
            {t('create.templateErrors')}
            <ul>
              {library.errors.map((e) => (
                <li key={e.file}>{e.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="sj-row">
          <label>
            {t('create.language')}
            <select name="language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
              <option value="ka">ქართული</option>
              <option value="en">English</option>
            </select>
          </label>
          <label>
            {t('create.municipality')}
            <select name="municipality" value={municipality} onChange={(e) => setMunicipality(e.target.value)}>
              {MUNICIPALITIES.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name[ui]}
                </option>
              ))}
              <option value={OTHER}>{t('create.otherMunicipality')}</option>
            </select>
          </label>
          <label>
            {t('create.adoptingBody')}
            <select name="adoptingBody" value={adoptingBody} onChange={(e) => setAdoptingBody(e.target.value as AdoptingBody)}>
              <option value="council">{t('create.adoptingBodyCouncil')}</option>
              <option value="mayor">{t('create.adoptingBodyMayor')}</option>
            </select>
          </label>
        </div>
        {municipality === OTHER ? (
          <label>
            {t('create.otherMunicipalityName')}
            <input name="otherMunicipality" value={otherName} onChange={(e) => setOtherName(e.target.value)} />
          </label>
        ) : null}
        <label>
          {t('create.actTitle')}
          <input name="title" value={title} placeholder={template?.title[language] ?? ''} onChange={(e) => setTitle(e.target.value)} />
        </label>
        {template && template.placeholders.length ? (
          <fieldset>
            <legend>{t('create.placeholders')}</legend>
            {template.placeholders.map((p) => (
              <label key={p.name}>
                {p.label[ui]}
                {p.required ? <span className="sj-required"> ({t('create.required')})</span> : null}
                <input
                  name={`value-${p.name}`}
                  type={p.name === 'date' ? 'date' : 'text'}
                  value={values[p.name] ?? ''}
                  placeholder={p.default ?? ''}
                  required={p.required}
                  onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}
                />
              </label>
            ))}
          </fieldset>
        ) : null}
        {error ? <p className="sj-error" role="alert">{error}</p> : null}
        <div className="sj-actions">
          <button type="button" onClick={onClose}>
            {t('create.cancel')}
          </button>
          <button type="submit" className="sj-primary" disabled={!canSubmit} data-action="create-document">
            {busy ? t('create.creating') : t('create.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
