import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleChanges, ChangeAuthor } from '../../../shared/api/changes';
import { memberColor } from '../ui/userIdentity';
import { isNonMember, visibleText, type ChangeContributor } from './changeSummary';

/** How much of one change the list shows; the rest is in the tooltip. */
const SHOWN_CHARACTERS = 280;
/** How many changes of one article the list shows before "Show N more" (an act rewritten since an old base has thousands). */
const SHOWN_CHANGES = 30;

/** A member's name as the list shows it: "you" beside the reader's own, words for the template and the unknown. */
export function useAuthorName(meId: string | undefined): (author: ChangeAuthor) => string {
  const { t } = useTranslation();
  return (author) => {
    if (author.id === 'system') return t('changes.system');
    if (author.id === 'unknown') return t('changes.unknown');
    return author.id === meId ? `${author.name} (${t('changes.you')})` : author.name;
  };
}

/** A member's colour dot with the first letter of their name, as the presence list shows people. */
export function AuthorDot({ author }: { author: ChangeAuthor }) {
  return (
    <span className="sj-avatar sj-avatar-small" style={{ background: memberColor(author.id) }} aria-hidden="true">
      {isNonMember(author) ? '·' : author.name.slice(0, 1)}
    </span>
  );
}

/** Who made the changes, with their colours and how many each made. */
export function ChangeLegend({ contributors, meId }: { contributors: readonly ChangeContributor[]; meId: string | undefined }) {
  const nameOf = useAuthorName(meId);
  return (
    <ul className="sj-change-legend">
      {contributors.map(({ member, changes }) => (
        <li key={member.id} data-member-id={member.id}>
          <AuthorDot author={member} /> {nameOf(member)} <span className="sj-muted">({changes})</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The changes per article: each insertion underlined and each deletion struck through, in its author's
 * colour, with the author's name. A click on an article's label shows it in the act.
 */
export function ChangeList({ articles, meId, focused, onShow }: { articles: readonly ArticleChanges[]; meId: string | undefined; focused: string | null; onShow: (articleKey: string) => void }) {
  const { t } = useTranslation();
  const nameOf = useAuthorName(meId);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  return (
    <ol className="sj-change-list">
      {articles
        .filter((group) => group.changes.length > 0)
        .map((group, i) => (
          <li key={`${group.articleKey}-${group.label}-${i}`} className={`sj-change-group${focused && focused === group.articleKey ? ' sj-change-group-focused' : ''}`} data-change-article={group.articleKey || undefined} data-label={group.label}>
            <div className="sj-change-where">
              {group.articleKey ? (
                <button type="button" className="sj-link" onClick={() => onShow(group.articleKey)}>
                  {group.label}
                </button>
              ) : (
                <span title={t('changes.outsideArticles')}>{group.label}</span>
              )}
              <span className="sj-change-count" title={t('changes.badge', { count: group.changes.length })}>
                {group.changes.length}
              </span>
            </div>
            <ol className="sj-changes">
              {(expanded.has(i) ? group.changes : group.changes.slice(0, SHOWN_CHANGES)).map((change, j) => {
                const shown = visibleText(change, SHOWN_CHARACTERS);
                const color = memberColor(change.member.id);
                const body = shown.blank ? <span className="sj-muted">{t('changes.emptyText')}</span> : shown.text;
                return (
                  <li key={j} className="sj-change" data-kind={change.kind} data-member-id={change.member.id} data-member-name={change.member.name} style={{ borderLeftColor: color }}>
                    <span className="sj-change-author">
                      <AuthorDot author={change.member} /> <strong>{nameOf(change.member)}</strong> <span className="sj-muted">{t(change.kind === 'insert' ? 'changes.inserted' : 'changes.deleted')}</span>
                    </span>
                    {change.kind === 'insert' ? (
                      <ins style={{ textDecorationColor: color }} title={shown.cut ? change.text : undefined}>
                        {body}
                      </ins>
                    ) : (
                      <del style={{ textDecorationColor: color }} title={shown.cut ? change.text : undefined}>
                        {body}
                      </del>
                    )}
                  </li>
                );
              })}
            </ol>
            {group.changes.length > SHOWN_CHANGES && !expanded.has(i) ? (
              <button type="button" className="sj-link-button" onClick={() => setExpanded((s) => new Set(s).add(i))}>
                {t('changes.more', { count: group.changes.length - SHOWN_CHANGES })}
              </button>
            ) : null}
          </li>
        ))}
    </ol>
  );
}
