import { useTranslation } from 'react-i18next';
import { useSuggestions } from './SuggestionsContext';
import { keysOf } from '../editor/shortcuts';

/**
 * The mode switch in the toolbar (issue 12): "Editing" / "Suggesting", the current one pressed; Ctrl+Alt+
 * Shift+S switches it. A member who may only suggest sees it fixed on "Suggesting", one who may do neither
 * sees it disabled, each with the reason in its tooltip.
 */
export function ModeToggle() {
  const { t } = useTranslation();
  const { rights, mode, suggesting, toggleMode } = useSuggestions();
  const reason = rights.reason ? t(`suggest.${rights.reason}`) : '';
  const shown = suggesting ? 'suggesting' : 'editing';
  if (!rights.edit && !rights.suggest && !rights.reason) return null;
  const title = `${t('suggest.modeTitle', { mode: t(`suggest.${shown}`), keys: keysOf('suggestingMode') })}${reason ? `\n${reason}` : ''}`;
  return (
    <div className={`sj-mode-toggle${rights.canSwitch ? '' : ' sj-mode-toggle-locked'}`} role="group" aria-label={title} title={title} data-mode={shown}>
      {(['editing', 'suggesting'] as const).map((m) => (
        <button
          key={m}
          type="button"
          data-mode={m}
          aria-pressed={shown === m}
          disabled={!rights.canSwitch}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => (mode === m ? undefined : toggleMode())}
        >
          {m === 'editing' ? '✎ ' : '± '}
          {t(`suggest.${m}`)}
        </button>
      ))}
    </div>
  );
}
