import * as Y from 'yjs';
import type { ChangeAuthor, TextChange } from '../../shared/api/changes';
import { UNKNOWN_AUTHOR } from '../../shared/api/changes';
import type { Language } from '../../shared/lang/language';
import { actRoot, type ActBlock } from '../../shared/review/actText';
import { articlesByBlock, blockKindLabel, type ArticlePlace } from '../../shared/review/articles';
import type { AttributionHistory } from './attributionStore';

/** A change with the moment of the edit that made it (the first, when a run spans several edits). */
export interface DatedChange extends TextChange {
  readonly at: string | null;
}

/** The changes of one article (or of a run of blocks outside articles, with `articleKey: ''`). */
export interface DatedArticleChanges {
  readonly articleKey: string;
  readonly label: string;
  readonly changes: readonly DatedChange[];
}

/** What the walk needs besides the document: the attribution record and the names of members. */
export interface ChangeSources {
  readonly history: AttributionHistory;
  readonly language: Language;
  /** The author for a member id ('system', a member, a revoked member); UNKNOWN_AUTHOR when none. */
  author(memberId: string | null): ChangeAuthor;
}

/**
 * The text inserted and deleted between two snapshots of an act, by whom, grouped by article (issue 12). The
 * document must hold both (its history kept, gc off); `target` null means its current state. It walks the
 * items of the @lexical/yjs layout (shared/review/actText.ts), deleted ones too: an item visible at the
 * target but not at the base was inserted, by the member that owns its client id; one visible at the base
 * but not at the target was deleted, by the member whose update deleted it (the attribution record).
 */
export function changesBetween(doc: Y.Doc, base: Y.Snapshot, target: Y.Snapshot | null, sources: ChangeSources): DatedArticleChanges[] {
  const sides: Sides = { base, target };
  const blocks = blockItems(actRoot(doc));
  const targetPlaces = placesOf(
    blocks.filter((b) => visibleAtTarget(sides, b.item, b.item.id.clock)),
    sources.language,
  );
  const basePlaces = placesOf(
    blocks.filter((b) => visibleAtBase(sides, b.item.id.client, b.item.id.clock)),
    sources.language,
  );
  const currentLabel = new Map([...targetPlaces.values()].filter(isPlace).map((p) => [p.key, p.label]));

  const groups = new Map<string, { articleKey: string; label: string; changes: DatedChange[] }>();
  for (const block of blocks) {
    const place = targetPlaces.get(block.item) ?? basePlaces.get(block.item);
    // A block neither side shows was inserted and deleted in between: nobody saw it.
    if (place === undefined) continue;
    const articleKey = isPlace(place) ? place.key : '';
    // An article deleted since the base keeps the number it had there.
    const label = isPlace(place) ? (currentLabel.get(place.key) ?? place.label) : blockKindLabel(block.attrs, sources.language);
    const changes = blockChanges(block.type, sides, sources);
    if (!changes.length) continue;
    const groupKey = `${articleKey}\u0000${label}`;
    const group = groups.get(groupKey) ?? { articleKey, label, changes: [] };
    group.changes.push(...changes);
    groups.set(groupKey, group);
  }
  return [...groups.values()];
}

interface Sides {
  readonly base: Y.Snapshot;
  readonly target: Y.Snapshot | null;
}

/** Where the deleted range of `ds` that holds the id ends (exclusive), or -1 when the id is not deleted there. */
function deletedUntil(ds: Y.Snapshot['ds'], client: number, clock: number): number {
  const ranges = ds.clients.get(client);
  if (!ranges) return -1;
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = ranges[mid]!;
    if (clock < range.clock) high = mid - 1;
    else if (clock >= range.clock + range.len) low = mid + 1;
    else return range.clock + range.len;
  }
  return -1;
}

function visibleAtBase({ base }: Sides, client: number, clock: number): boolean {
  return clock < (base.sv.get(client) ?? 0) && deletedUntil(base.ds, client, clock) < 0;
}

function visibleAtTarget({ target }: Sides, item: Y.Item, clock: number): boolean {
  if (!target) return !item.deleted;
  return clock < (target.sv.get(item.id.client) ?? 0) && deletedUntil(target.ds, item.id.client, clock) < 0;
}
interface BlockItem {
  readonly item: Y.Item;
  readonly type: Y.XmlText;
  readonly attrs: ActBlock;
}

/** Every top-level block of the act, deleted ones included, in document order. */
function blockItems(root: Y.XmlText): BlockItem[] {
  const blocks: BlockItem[] = [];
  for (let item = root._start; item; item = item.right) {
    if (item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlText) {
      const type = item.content.type;
      const str = (name: string): string => {
        const value = rawAttribute(type, name);
        return typeof value === 'string' ? value : '';
      };
      const depth = rawAttribute(type, '__depth');
      blocks.push({ item, type, attrs: { type: str('__type'), uid: str('__uid'), depth: typeof depth === 'number' ? depth : 0, part: str('__part') } });
    }
  }
  return blocks;
}

/** An attribute's latest value, read from the item itself so that a deleted block still tells what it was. */
function rawAttribute(type: Y.XmlText, name: string): unknown {
  const item = type._map.get(name);
  if (!item || !(item.content instanceof Y.ContentAny || item.content instanceof Y.ContentJSON)) return undefined;
  return item.content.getContent().at(-1);
}

/** The article of each block as one side shows the act, with that side's numbers; null outside articles. */
function placesOf(blocks: readonly BlockItem[], language: Language): Map<Y.Item, ArticlePlace | null> {
  const places = articlesByBlock(
    blocks.map((b) => b.attrs),
    language,
  );
  return new Map(blocks.map((b, i) => [b.item, places[i] ?? null]));
}

function isPlace(place: ArticlePlace | null | undefined): place is ArticlePlace {
  return place !== null && place !== undefined;
}

interface Run {
  kind: TextChange['kind'];
  memberId: string | null;
  text: string;
  at: string | null;
}

/** The insertions and deletions inside one block (and the elements nested in it), as runs per author. */
function blockChanges(type: Y.XmlText, sides: Sides, sources: ChangeSources): DatedChange[] {
  const { history } = sources;
  const runs: Run[] = [];
  let open: Run | null = null;
  const close = () => {
    if (open?.text) runs.push(open);
    open = null;
  };
  const add = (kind: Run['kind'], memberId: string | null, at: string | null, text: string) => {
    if (open && open.kind === kind && open.memberId === memberId) open.text += text;
    else {
      close();
      open = { kind, memberId, text, at };
    }
  };
  const inserter = (client: number, clock: number) => {
    const record = history.inserted.find(client, clock);
    return { memberId: history.ownerOf(client) ?? record?.memberId ?? null, at: record?.at ?? null };
  };

  const visit = (parent: Y.XmlText): void => {
    for (let item = parent._start; item; item = item.right) {
      if (item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlText) {
        close();
        visit(item.content.type);
        close();
        continue;
      }
      // Text nodes' property maps, line breaks and references carry no characters.
      if (!(item.content instanceof Y.ContentString)) continue;
      const { client, clock } = item.id;
      const end = clock + item.length;
      const baseEnd = sides.base.sv.get(client) ?? 0;
      const targetEnd = sides.target ? (sides.target.sv.get(client) ?? 0) : end;
      const str = item.content.str;
      // The common cases in one step: text both sides show, and text the base never had and the target shows.
      if (!item.deleted && end <= baseEnd && end <= targetEnd) {
        close();
        continue;
      }
      if (!item.deleted && clock >= baseEnd && end <= targetEnd) {
        const who = inserter(client, clock);
        add('insert', who.memberId, who.at, str);
        continue;
      }
      for (let offset = 0; offset < item.length; ) {
        const id = clock + offset;
        const baseDeletedUntil = id < baseEnd ? deletedUntil(sides.base.ds, client, id) : -1;
        if (baseDeletedUntil >= 0) {
          // Deleted before the base: the target cannot show it either.
          offset = Math.min(baseDeletedUntil, end) - clock;
          continue;
        }
        const before = id < baseEnd;
        const after = visibleAtTarget(sides, item, id);
        if (before && after) close();
        else if (before) {
          const record = history.deleted.find(client, id);
          add('delete', record?.memberId ?? null, record?.at ?? null, str.slice(offset, offset + 1));
        } else if (after) {
          const who = inserter(client, id);
          add('insert', who.memberId, who.at, str.slice(offset, offset + 1));
        }
        offset += 1;
      }
    }
  };
  visit(type);
  close();
  return runs.map((run) => ({ kind: run.kind, text: run.text, member: run.memberId === null ? UNKNOWN_AUTHOR : sources.author(run.memberId), at: run.at }));
}
