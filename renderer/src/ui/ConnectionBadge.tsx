import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../editor/ConnectionIndicator';
import { totalUnsent, type UnsentCounts } from '../connection/unsentChanges';

const NOTHING_UNSENT: UnsentCounts = { edits: 0, comments: 0, suggestions: 0 };

/**
 * The header's connection badge: a short word that fits the header in Georgian too ("კავშირი არ არის"), the
 * count of what has not reached the server ("3 not sent"), and the full explanation in a popover that a click
 * or the keyboard opens (a tooltip alone is out of reach on a touch screen) (issue 14, part 3).
 */
export function ConnectionBadge({ state, unsent = NOTHING_UNSENT }: { state: ConnectionState; unsent?: UnsentCounts }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLSpanElement>(null);
  const total = totalUnsent(unsent);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  const detail = t(`statusDetail.${state}`);
  return (
    <span ref={root} className={`sj-connection sj-connection-${state}`} data-state={state} data-unsent={total} role="status">
      <button type="button" className="sj-connection-button" aria-expanded={open} aria-controls={id} title={detail} onClick={() => setOpen((was) => !was)}>
        <span className="sj-dot" aria-hidden="true" />
        <span className="sj-connection-word">{t(`status.${state}`)}</span>
        {total > 0 ? <span className="sj-unsent-count">{t('status.notSent', { count: total })}</span> : null}
      </button>
      {open ? (
        <span id={id} className="sj-connection-detail" role="tooltip">
          <span>{detail}</span>
          {total > 0 ? (
            <span className="sj-connection-parts">
              {t('status.parts', { edits: unsent.edits, comments: unsent.comments, suggestions: unsent.suggestions })}
            </span>
          ) : null}
        </span>
      ) : null}
    </span>
  );
}
