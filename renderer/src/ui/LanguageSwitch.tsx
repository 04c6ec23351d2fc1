import { useTranslation } from 'react-i18next';
import { setUiLanguage, UI_LANGUAGES } from '../i18n/i18n';

/** Switches the interface between Georgian and English. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="sj-language-switch" role="group" aria-label={t('language.switch')}>
      {UI_LANGUAGES.map((language) => (
        <button key={language} type="button" aria-pressed={i18n.language === language} onClick={() => setUiLanguage(language)}>
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
