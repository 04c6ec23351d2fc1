import * as Y from 'yjs';
import { createPrng, type Prng } from '../lib/prng';
import { waitFor } from '../lib/wait';
import { allowProviders, connectDoc, type Connected } from '../lib/yProvider';

/** Remote members typing in an act while the page is measured. */
export interface RemoteTypists {
  /** Stops typing and disconnects (once; later calls only count); returns how many edits were made. */
  stop(): number;
}

const LETTERS = 'აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ ';
/**
 * Marked edits, for timing an edit from the member who makes it to another screen: every `every`-th edit of
 * each member inserts `⁅id⁆` instead of a letter, and `sent` is told the id and the time (Date.now()).
 */
export interface EditMarks {
  readonly every: number;
  sent(id: number, at: number): void;
}

/** The text of a marked edit; ids are unique across the members of one run. */
export const markText = (id: number): string => `⁅${id}⁆`;

/** Switch to another paragraph after about this many characters, as people move through a text. */
const CHARACTERS_PER_PARAGRAPH = 25;

/**
 * Connects `count` Node members to an act and has each type `charsPerSecond` characters a second into
 * paragraphs (clauses) picked from the seed. They edit the Lexical layout of the Yjs document directly: a
 * clause is an XmlText whose text node is a Y.Map followed by its characters, so inserting at the end of a
 * clause whose content ends in text extends its last text node, exactly the update a Lexical client sends.
 * Every edit is one real Yjs update; no headless Lexical editor is needed on this side.
 */
export async function startRemoteTypists(serverUrl: string, docId: string, params: Readonly<Record<string, string>>, count: number, charsPerSecond: number, seed: number, marks?: EditMarks): Promise<RemoteTypists> {
  allowProviders(count);
  const members: Connected[] = Array.from({ length: count }, () => connectDoc(serverUrl, docId, params));
  const stopAll = (): void => members.forEach((m) => m.destroy());
  try {
    await waitFor(() => members.every((m) => m.provider.synced), `${count} remote members to sync`, 60_000, 50);
  } catch (error) {
    stopAll();
    throw error;
  }
  let edits = 0;
  const timers = members.map((member, index) => {
    const prng = createPrng(seed).fork(`remote-${index}`);
    const clauses = clausesOf(member.doc);
    let target = pickClause(clauses, prng);
    let typed = 0;
    // Staggered, so the members do not all type in the same millisecond.
    return setTimeout(function keystroke() {
      if (!target || typed >= CHARACTERS_PER_PARAGRAPH) {
        target = pickClause(clauses, prng);
        typed = 0;
      }
      if (target) {
        typed += 1;
        edits += 1;
        if (marks && typed % marks.every === 0) {
          const id = index * 1_000_000 + edits;
          marks.sent(id, Date.now());
          target.insert(target.length, markText(id));
        } else target.insert(target.length, LETTERS[prng.int(0, LETTERS.length - 1)] as string);
      }
      timers[index] = setTimeout(keystroke, 1000 / charsPerSecond);
    }, prng.next() * (1000 / charsPerSecond));
  });
  let stopped = false;
  return {
    stop() {
      if (!stopped) {
        stopped = true;
        timers.forEach((t) => clearTimeout(t));
        stopAll();
      }
      return edits;
    },
  };
}

/** The act's paragraphs: the root's block XmlTexts of Lexical type 'clause'. */
function clausesOf(doc: Y.Doc): Y.XmlText[] {
  const root = doc.get('root', Y.XmlText) as Y.XmlText;
  return (root.toDelta() as Array<{ insert: unknown }>).map((op) => op.insert).filter((b): b is Y.XmlText => b instanceof Y.XmlText && b.getAttribute('__type') === 'clause');
}

/** A clause whose content ends in text (not a cross-reference), so typing at its end extends that text. */
function pickClause(clauses: readonly Y.XmlText[], prng: Prng): Y.XmlText | null {
  for (let attempt = 0; attempt < 20 && clauses.length; attempt += 1) {
    const clause = prng.pick(clauses);
    const delta = clause.toDelta() as Array<{ insert: unknown }>;
    if (typeof delta[delta.length - 1]?.insert === 'string') return clause;
  }
  return null;
}
