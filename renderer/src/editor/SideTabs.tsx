import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The tabs of the act page's side column (issue 15), in their order. */
export const SIDE_TABS = ['outline', 'review', 'versions', 'stage'] as const;
/** A tab of the side column. */
export type SideTab = (typeof SIDE_TABS)[number];

const STORAGE_KEY = 'sajaro.sideTab';

const isSideTab = (value: unknown): value is SideTab => (SIDE_TABS as readonly unknown[]).includes(value);

/** The side column's tab, remembered on this computer across acts and reloads. */
export function useSideTab(): { tab: SideTab; open: (tab: SideTab) => void } {
  const [tab, setTab] = useState<SideTab>(() => {
    const saved = localStorage.getItem(STORAGE_KEY);
    return isSideTab(saved) ? saved : 'outline';
  });
  const open = useCallback((next: SideTab) => {
    localStorage.setItem(STORAGE_KEY, next);
    setTab(next);
  }, []);
  return { tab, open };
}

const SideTabsContext = createContext<(tab: SideTab) => void>(() => {});

/** Opens a tab of the side column from a panel inside it (a new comment opens Review, say); a no-op elsewhere. */
export function useOpenSideTab(): (tab: SideTab) => void {
  return useContext(SideTabsContext);
}

/**
 * The side column as tabs (WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs). Every panel
 * stays mounted while hidden, so its live data and its state (a comment being written) survive a switch.
 */
export function SideTabs({ tab, onTab, panels, badges = {} }: { tab: SideTab; onTab: (tab: SideTab) => void; panels: Record<SideTab, ReactNode>; badges?: Partial<Record<SideTab, number>> }) {
  const { t } = useTranslation();
  const buttons = useRef<Partial<Record<SideTab, HTMLButtonElement | null>>>({});
  const onKeyDown = (event: React.KeyboardEvent) => {
    const at = SIDE_TABS.indexOf(tab);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: SIDE_TABS.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = SIDE_TABS[(to + SIDE_TABS.length) % SIDE_TABS.length]!;
    onTab(next);
    buttons.current[next]?.focus();
  };
  return (
    <SideTabsContext.Provider value={onTab}>
      <div className="sj-side-tabs" role="tablist" aria-label={t('side.label')} onKeyDown={onKeyDown}>
        {SIDE_TABS.map((id) => (
          <button
            key={id}
            ref={(el) => void (buttons.current[id] = el)}
            type="button"
            role="tab"
            id={`sj-side-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`sj-side-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            data-side-tab={id}
            onClick={() => onTab(id)}
          >
            {t(`side.${id}`)}
            {badges[id] ? <span className="sj-side-badge">{badges[id]}</span> : null}
          </button>
        ))}
      </div>
      {SIDE_TABS.map((id) => (
        <div key={id} className="sj-side-panel" role="tabpanel" id={`sj-side-panel-${id}`} aria-labelledby={`sj-side-tab-${id}`} data-side-panel={id} hidden={tab !== id}>
          {panels[id]}
        </div>
      ))}
    </SideTabsContext.Provider>
  );
}
