import type { IdRange } from './textEdit';

/** Who did something to a run of ids, and when. */
export interface RangeAuthor {
  readonly memberId: string;
  readonly at: string;
}

interface Entry extends RangeAuthor {
  readonly clock: number;
  readonly end: number;
}

/**
 * Looks up which member inserted or deleted a Yjs id. Each id is inserted once and deleted at most once, so
 * the recorded ranges of one client never overlap and a binary search finds the one that holds an id.
 */
export class RangeIndex {
  private readonly byClient = new Map<number, Entry[]>();
  private sorted = true;

  /** Adds the ranges of one recorded edit. */
  add(ranges: readonly IdRange[], author: RangeAuthor): void {
    for (const { client, clock, len } of ranges) {
      if (len <= 0) continue;
      const entries = this.byClient.get(client) ?? [];
      if (entries.length && (entries.at(-1)?.clock ?? 0) > clock) this.sorted = false;
      entries.push({ clock, end: clock + len, memberId: author.memberId, at: author.at });
      this.byClient.set(client, entries);
    }
  }

  /** The author of the id, or null when nothing recorded holds it. */
  find(client: number, clock: number): RangeAuthor | null {
    if (!this.sorted) {
      for (const entries of this.byClient.values()) entries.sort((a, b) => a.clock - b.clock);
      this.sorted = true;
    }
    const entries = this.byClient.get(client);
    if (!entries) return null;
    let low = 0;
    let high = entries.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const entry = entries[mid]!;
      if (clock < entry.clock) high = mid - 1;
      else if (clock >= entry.end) low = mid + 1;
      else return entry;
    }
    return null;
  }
}
