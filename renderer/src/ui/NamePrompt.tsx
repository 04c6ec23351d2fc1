import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setUserName } from './userIdentity';

/** Asks once for the name other members see beside this user's cursor. */
export function NamePrompt() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  return (
    <div className="sj-modal" role="dialog" aria-modal="true" aria-labelledby="sj-name-title">
      <form
        className="sj-modal-body"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) setUserName(name);
        }}
      >
        <h2 id="sj-name-title">{t('name.title')}</h2>
        <p>{t('name.explain')}</p>
        <input name="displayName" autoFocus value={name} placeholder={t('name.placeholder')} onChange={(e) => setName(e.target.value)} maxLength={60} />
        <button type="submit" className="sj-primary" disabled={!name.trim()}>
          {t('name.save')}
        </button>
      </form>
    </div>
  );
}
