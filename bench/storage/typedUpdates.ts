import * as Y from 'yjs';
import { createPrng } from '../lib/prng';

const LETTERS = 'აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ';

/**
 * Real Yjs updates as one member's typing produces them: three Georgian characters per update (about 30
 * bytes), at a cursor that now and then jumps elsewhere in the text. Generated from the seed, so the rows
 * stored and merged are the same on every run.
 */
export function typedUpdates(count: number, seed: number): Uint8Array[] {
  const prng = createPrng(seed).fork('typed-updates');
  const doc = new Y.Doc();
  doc.clientID = prng.int(1, 2 ** 31 - 1);
  const text = doc.getText('root');
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => void updates.push(update));
  let cursor = 0;
  for (let i = 0; i < count; i += 1) {
    if (prng.chance(0.02)) cursor = prng.int(0, text.length);
    text.insert(cursor, LETTERS[prng.int(0, LETTERS.length - 1)] as string);
    cursor += 1;
  }
  doc.destroy();
  return updates;
}
