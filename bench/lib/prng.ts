/**
 * A small seeded pseudo-random generator (mulberry32), so every workload is the same on every run and
 * machine: the benchmarks generate their inputs, they never download them.
 */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A new generator whose sequence depends on this one's seed and a label, for independent streams. */
  fork(label: string): Prng;
}

/** Creates a generator from a 32-bit seed. */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const prng: Prng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error('Expected a non-empty list to pick from');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    chance: (p) => next() < p,
    fork: (label) => createPrng(hashString(`${seed}:${label}`)),
  };
  return prng;
}

/** A 32-bit FNV-1a hash of a string, to derive seeds from labels. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const GEORGIAN_SYLLABLES = ['მუ', 'ხლი', 'სა', 'კრე', 'ბუ', 'ლო', 'ად', 'გე', 'ნს', 'მუ', 'ნი', 'ცი', 'პა', 'ლი', 'ტე', 'ტის', 'წეს', 'დე', 'ბა', 'ში', 'ქა', 'ლა', 'ქის', 'სამ', 'სა', 'ხუ', 'რი', 'ეთი', 'კის', 'კო', 'დე', 'ქსი', 'ან', 'ტი', 'კო', 'რუფ', 'ცი', 'ული'];

/** A pseudo-Georgian word of 2 to 4 syllables: realistic UTF-16 lengths and byte sizes for act text. */
export function georgianWord(prng: Prng): string {
  let word = '';
  for (let i = prng.int(2, 4); i > 0; i -= 1) word += prng.pick(GEORGIAN_SYLLABLES);
  return word;
}

/** A sentence of about `chars` characters of pseudo-Georgian words, ending with a full stop. */
export function georgianSentence(prng: Prng, chars: number): string {
  const words: string[] = [];
  let length = 0;
  while (length < chars) {
    const word = georgianWord(prng);
    words.push(word);
    length += word.length + 1;
  }
  return `${words.join(' ')}.`;
}
