import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffAuthor, DiffPart } from '../../../shared/model/diffModels';
import { AuthorDot, useAuthorName } from '../changes/ChangeList';
import { memberColor } from '../ui/userIdentity';

import { shortDateTime } from '../../../shared/format/dates';

const authorKey = (authors: readonly DiffAuthor[] | undefined) => (authors ?? []).map((a) => a.id).join(',');

/** The distinct authors of a run of word changes, in order of their first change. */
export function authorsOf(parts: readonly DiffPart[]): DiffAuthor[] {
  const seen = new Map<string, DiffAuthor>();
  for (const part of parts) for (const author of part.authors ?? []) if (!seen.has(author.id)) seen.set(author.id, author);
  return [...seen.values()];
}

/**
 * Where the author tags go: after the last change of each run whose authors stay the same. Spaces between
 * two changes don't end a run (a replaced phrase is one deletion and one insertion); other text does.
 */
export function tagPositions(parts: readonly DiffPart[]): Set<number> {
  const after = new Set<number>();
  let open: { index: number; key: string } | null = null;
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i]!;
    if (part.kind === 'equal') {
      const gap = part.text.trim() === '' && !part.text.includes('\n');
      if (!gap && open) {
        after.add(open.index);
        open = null;
      }
      continue;
    }
    const key = authorKey(part.authors);
    if (open && open.key !== key) after.add(open.index);
    open = key ? { index: i, key } : null;
  }
  if (open) after.add(open.index);
  return after;
}

/** Who made a change, as a small tag after it (or beside an article's heading): their colour and name. */
export function AuthorTag({ authors }: { authors: readonly DiffAuthor[] }) {
  const nameOf = useAuthorName(undefined);
  return (
    <span className="sj-diff-author" data-authors={authors.map((a) => a.name).join(', ')}>
      {authors.map((author) => (
        <Fragment key={author.id}>
          <AuthorDot author={author} />
          {nameOf(author)}
        </Fragment>
      ))}
    </span>
  );
}

/**
 * Word changes inline: insertions green and underlined, deletions red and struck through. When the server
 * read their authors from the kept history (issue 12), each change is underlined or struck in its author's
 * colour, and a tag names the author after each run of changes by the same people ("100 → 200 · ნინო").
 */
export function DiffParts({ parts }: { parts: readonly DiffPart[] }) {
  const { t } = useTranslation();
  const title = (part: DiffPart) => {
    const names = (part.authors ?? []).map((a) => a.name).join(', ');
    if (!names) return undefined;
    const who = t(part.kind === 'insert' ? 'changes.insertedBy' : 'changes.deletedBy', { name: names });
    return part.at ? `${who}, ${shortDateTime(part.at)}` : who;
  };
  const tagAfter = tagPositions(parts);
  return (
    <div className="sj-diff-text">
      {parts.map((part, i) => {
        const color = part.authors?.length === 1 ? memberColor(part.authors[0]!.id) : undefined;
        const style = color ? { textDecorationColor: color } : undefined;
        const tag = tagAfter.has(i) && part.authors?.length ? <AuthorTag authors={part.authors} /> : null;
        if (part.kind === 'equal') return <span key={i}>{part.text}</span>;
        const Mark = part.kind === 'insert' ? 'ins' : 'del';
        return (
          <Fragment key={i}>
            <Mark style={style} title={title(part)} data-authors={part.authors?.map((a) => a.name).join(', ')}>
              {part.text}
            </Mark>
            {tag}
          </Fragment>
        );
      })}
    </div>
  );
}
