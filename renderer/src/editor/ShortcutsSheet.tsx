import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { chordLabel, isShortcut, SHORTCUT_GROUPS, SHORTCUT_LIST } from './shortcuts';

/** True while the user is typing: in the act, a note, a comment box or any field, where '?' is a character. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Opens the sheet on '?' pressed anywhere on the page but in a text (issue 15). */
export function useShortcutsKey(open: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut('shortcuts', event) || typing(event.target) || document.querySelector('[aria-modal="true"]')) return;
      event.preventDefault();
      open();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
}

/** The sheet of every keyboard shortcut, read from the one list the handlers use (editor/shortcuts.ts). */
export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog labelledBy="sj-shortcuts-title" describedBy="sj-shortcuts-explain" onClose={onClose} name="shortcuts" className="sj-shortcuts">
      <h2 id="sj-shortcuts-title">{t('shortcuts.title')}</h2>
      <p id="sj-shortcuts-explain" className="sj-muted sj-small">
        {t('shortcuts.explain')}
      </p>
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group}>
          <h3>{t(`shortcuts.groups.${group}`)}</h3>
          <table className="sj-shortcut-table">
            <tbody>
              {SHORTCUT_LIST.filter((s) => s.group === group).map((s) => (
                <tr key={s.id} data-shortcut={s.id}>
                  <td>{t(`shortcuts.items.${s.id}`)}</td>
                  <td>
                    <kbd>{chordLabel(s.chord)}</kbd>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <div className="sj-actions">
        <button type="button" className="sj-primary" onClick={onClose} data-action="close-shortcuts" autoFocus>
          {t('shortcuts.close')}
        </button>
      </div>
    </Dialog>
  );
}
