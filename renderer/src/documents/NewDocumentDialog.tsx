import type { AdoptingBody } from '../../../shared/workflow/adoptingBody';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MUNICIPALITY_LENGTH, MAX_TEMPLATE_VALUE_LENGTH, MAX_TITLE_LENGTH, type DocumentSummary } from '../../../shared/api/documents';
import type { TemplateListing, TemplateSummary } from '../../../shared/api/templates';
import type { Language } from '../../../shared/lang/language';
import { MUNICIPALITIES } from '../../../shared/lang/municipalities';
import { apiFetch } from '../connection/api';
import { useSession } from '../connection/SessionContext';
import { Dialog } from '../ui/Dialog';
import { errorText } from '../errors/errorText';
import { DateInput } from '../ui/DateInput';

const BLANK = '';
const OTHER = '__other';

/**
 * The template the dialog opens on (issue 15): the one this workspace's acts were made from most, else the
 * first that starts a new act (an amending act needs the act it amends, so it is never the default).
 */
export function defaultTemplate(templates: readonly TemplateSummary[], documents: readonly DocumentSummary[]): TemplateSummary | null {
  const uses = new Map<string, number>();
  for (const d of documents) if (d.templateId) uses.set(d.templateId, (uses.get(d.templateId) ?? 0) + 1);
  const ranked = [...templates].sort((a, b) => (uses.get(b.id) ?? 0) - (uses.get(a.id) ?? 0));
  const top = ranked[0];
  if (top && (uses.get(top.id) ?? 0) > 0) return top;
  return templates.find((x) => x.kind !== 'amendment') ?? templates[0] ?? null;
}

/**
 * Creates an act: pick a template (or blank), the act's language and municipality, fill the template's
 * details; the server seeds the act, so it opens fully structured.
 */
export function NewDocumentDialog({ documents = [], onClose, onCreated }: { documents?: readonly DocumentSummary[]; onClose: () => void; onCreated: (doc: DocumentSummary) => void }) {
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
      .then(setLibrary)
      .catch((e: unknown) => setError(errorText(t, e)));
  }, [session]);
  // The default follows the library and the act list as they arrive (the list may come after the library),
  // until the member picks a template themselves.
  const picked = useRef(false);
  useEffect(() => {
    if (library && !picked.current) setTemplateId(defaultTemplate(library.templates, documents)?.id ?? BLANK);
  }, [library, documents]);

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
      setError(errorText(t, e));
      setBusy(false);
    }
  };
  const mostUsed = useMemo(() => {
    const top = library ? defaultTemplate(library.templates, documents) : null;
    return top && documents.some((d) => d.templateId === top.id) ? top.id : null;
  }, [library, documents]);
  // The list starts with the template used most here, and ends with the amending act, which needs an act in force.
  const offered = useMemo(() => {
    const all = library?.templates ?? [];
    const first = all.filter((x) => x.id === mostUsed);
    const amending = all.filter((x) => x.kind === 'amendment' && x.id !== mostUsed);
    return [...first, ...all.filter((x) => !first.includes(x) && !amending.includes(x)), ...amending];
  }, [library, mostUsed]);
  const missingRequired = template?.placeholders.some((p) => p.required && !(values[p.name] ?? '').trim()) ?? false;
  const canSubmit = !busy && (template ? !missingRequired : title.trim() !== '') && (municipality !== OTHER || otherName.trim() !== '');

  return (
    <Dialog labelledBy="sj-new-title" onClose={onClose} name="new-document" className="sj-new-document" as="form" onSubmit={() => canSubmit && void submit()}>
      <h2 id="sj-new-title">{t('create.title')}</h2>
      <p id="sj-template-choose" className="sj-template-legend">
        {t('templates.choose')}
      </p>
      <div className="sj-template-choice" role="radiogroup" aria-labelledby="sj-template-choose">
        {[...offered, null].map((x) => (
          <label key={x?.id ?? BLANK} className={`sj-template-option${(x?.id ?? BLANK) === templateId ? ' sj-template-chosen' : ''}`}>
            <input type="radio" name="template" value={x?.id ?? BLANK} checked={(x?.id ?? BLANK) === templateId} onChange={() => {
                picked.current = true;
                setTemplateId(x?.id ?? BLANK);
              }} />
            <span>
              <strong>{x ? x.title[ui] : t('create.blank')}</strong>
              {x && x.id === mostUsed ? <span className="sj-tag">{t('templates.mostUsed')}</span> : null}
              <span className="sj-template-line">{x ? (x.description?.[ui] ?? '') : t('templates.blankLine')}</span>
            </span>
          </label>
        ))}
      </div>
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
          <input name="otherMunicipality" maxLength={MAX_MUNICIPALITY_LENGTH} value={otherName} onChange={(e) => setOtherName(e.target.value)} />
        </label>
      ) : null}
      <label>
        {t('create.actTitle')}
        <input name="title" value={title} maxLength={MAX_TITLE_LENGTH} placeholder={template?.title[language] ?? ''} onChange={(e) => setTitle(e.target.value)} />
      </label>
      {template && template.placeholders.length ? (
        <fieldset>
          <legend>{t('create.placeholders')}</legend>
          {template.placeholders.map((p) => (
            <label key={p.name}>
              {p.label[ui]}
              {p.required ? <span className="sj-required"> ({t('create.required')})</span> : null}
              {p.name === 'date' ? (
                <DateInput name={`value-${p.name}`} required={p.required} value={values[p.name] ?? ''} onChange={(iso) => setValues({ ...values, [p.name]: iso })} />
              ) : (
                <input
                  name={`value-${p.name}`}
                  type="text"
                  value={values[p.name] ?? ''}
                  placeholder={p.default ?? ''}
                  required={p.required}
                  maxLength={MAX_TEMPLATE_VALUE_LENGTH}
                  onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}
                />
              )}
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
    </Dialog>
  );
}
