import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setUserName } from './userIdentity';
import { Dialog } from './Dialog';
import { LanguageSwitch } from './LanguageSwitch';

/** Asks once for the name other members see beside this user's cursor. */
export function NamePrompt() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  return (
    // A name is needed before an act opens: no Escape (Dialog without onClose).
    <Dialog labelledBy="sj-name-title" name="name" as="form" onSubmit={() => name.trim() && setUserName(name)}>
      {/* The prompt covers the top bar, so a first-day user picks the language here (issue 15). */}
      <div className="sj-name-language">
        <LanguageSwitch />
      </div>
      <h2 id="sj-name-title">{t('name.title')}</h2>
      <p>{t('name.explain')}</p>
      {/* The placeholder is an example, not a label: it is gone once typing starts (issue 15). */}
      <label htmlFor="sj-name-input">{t('name.label')}</label>
      <input id="sj-name-input" name="displayName" autoFocus value={name} placeholder={t('name.placeholder')} onChange={(e) => setName(e.target.value)} maxLength={60} />
      <button type="submit" className="sj-primary" disabled={!name.trim()}>
        {t('name.save')}
      </button>
    </Dialog>
  );
}
