import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import type { OutlineEntry } from '../editor/plugins/NumberingPlugin';

interface Spot {
  readonly uid: string;
  readonly top: number;
  readonly count: number;
}

const sameSpots = (a: readonly Spot[], b: readonly Spot[]) => a.length === b.length && a.every((s, i) => s.uid === b[i]?.uid && s.top === b[i]?.top && s.count === b[i]?.count);

/**
 * The count badge beside each changed article's heading (issue 12). The heading's DOM belongs to Lexical, so
 * the badges are not put into it: they float in the page's left margin, in a layer beside the editable
 * text, placed at each heading's height and moved when the text reflows.
 */
export function ChangeBadges({ editor, outline, counts, onSelect }: { editor: LexicalEditor | null; outline: readonly OutlineEntry[]; counts: ReadonlyMap<string, number>; onSelect?: (articleKey: string) => void }) {
  const { t } = useTranslation();
  const [spots, setSpots] = useState<readonly Spot[]>([]);

  useEffect(() => {
    const root = editor?.getRootElement();
    const page = root?.parentElement;
    if (!editor || !root || !page || counts.size === 0) {
      setSpots([]);
      return;
    }
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const top = page.getBoundingClientRect().top;
        const next: Spot[] = [];
        for (const entry of outline) {
          const count = entry.kind === 'article' ? (counts.get(entry.uid) ?? 0) : 0;
          const heading = count ? editor.getElementByKey(entry.key) : null;
          if (heading) next.push({ uid: entry.uid, top: Math.round(heading.getBoundingClientRect().top - top), count });
        }
        setSpots((previous) => (sameSpots(previous, next) ? previous : next));
      });
    };
    measure();
    const stopUpdates = editor.registerUpdateListener(measure);
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    return () => {
      cancelAnimationFrame(frame);
      stopUpdates();
      observer.disconnect();
    };
  }, [editor, outline, counts]);

  if (spots.length === 0) return null;
  return (
    <div className="sj-change-badges">
      {spots.map((spot) => (
        <button
          key={spot.uid}
          type="button"
          className="sj-change-badge"
          style={{ top: spot.top }}
          data-article-key={spot.uid}
          title={t('changes.badge', { count: spot.count })}
          aria-label={t('changes.badge', { count: spot.count })}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onSelect?.(spot.uid)}
        >
          ✎ {spot.count}
        </button>
      ))}
    </div>
  );
}
