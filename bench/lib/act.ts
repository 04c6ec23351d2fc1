import type { BlockSpec, InlineSpec } from '../../shared/templates/actOutline';
import { createPrng, georgianSentence, georgianWord, type Prng } from './prng';

/** Characters of act text on one printed page (A4, 12 pt, single spacing): 200 pages ≈ 600 000 characters. */
export const CHARACTERS_PER_PAGE = 3_000;

/** A generated act: its outline, ready for `seedActState`, and what the benchmarks check against. */
export interface GeneratedAct {
  readonly blocks: readonly BlockSpec[];
  /** Article headings in the whole act (body, annex, entry into force): the editor is loaded when all render. */
  readonly articles: number;
  readonly clauses: number;
  readonly tables: number;
  readonly crossReferences: number;
  /** Characters of text in the outline (numbers are computed and not counted). */
  readonly characters: number;
}

/** The sizes of an act to generate. */
export interface ActSize {
  readonly pages: number;
  readonly seed: number;
}

const ARTICLES_PER_CHAPTER = 12;
const TABLE_EVERY_ARTICLES = 80;

/**
 * Generates an act of about `pages` pages, reproducibly from the seed: header, preamble, chapters of
 * articles with paragraphs and lettered points, a few cross-references and tables, an annex with a table,
 * the entry-into-force article and the signature.
 */
export function generateAct({ pages, seed }: ActSize): GeneratedAct {
  const prng = createPrng(seed).fork('act');
  const target = pages * CHARACTERS_PER_PAGE;
  const blocks: BlockSpec[] = [];
  const counts = { articles: 0, clauses: 0, tables: 0, crossReferences: 0, characters: 0 };
  const articleUids: string[] = [];
  const text = (value: string): InlineSpec[] => {
    counts.characters += value.length;
    return [{ text: value }];
  };
  const uid = (): string => stableId(prng);

  const part = (name: 'issuingBody' | 'number' | 'date' | 'place' | 'title' | 'preamble' | 'formula' | 'signature', value: string): void => {
    blocks.push({ type: 'part', part: name, inline: text(value) });
  };
  part('issuingBody', 'ოზურგეთის მუნიციპალიტეტის საკრებულო');
  blocks.push({ type: 'part', part: 'actType', actType: 'dadgenileba', inline: text('დადგენილება') });
  part('number', '№ 42');
  part('date', '2025 წლის 15 მაისი');
  part('place', 'ქ. ოზურგეთი');
  part('title', `ოზურგეთის მუნიციპალიტეტის ${georgianWord(prng)} კოდექსის დამტკიცების შესახებ`);
  part('preamble', 'ადგილობრივი თვითმმართველობის კოდექსის 24-ე მუხლის პირველი პუნქტის „ბ.ა“ ქვეპუნქტის შესაბამისად,');
  part('formula', 'ოზურგეთის მუნიციპალიტეტის საკრებულო ადგენს:');

  const article = (heading: string): void => {
    const id = uid();
    articleUids.push(id);
    counts.articles += 1;
    blocks.push({ type: 'article', uid: id, inline: text(heading) });
  };
  const clause = (depth: number, chars: number): void => {
    counts.clauses += 1;
    const inline = text(georgianSentence(prng, chars));
    // About one paragraph in twenty cites an earlier article, as acts do ("მე-3 მუხლის …").
    if (depth === 0 && articleUids.length > 1 && prng.chance(0.05)) {
      counts.crossReferences += 1;
      inline.push(...text(' იხ. '), { ref: prng.pick(articleUids.slice(0, -1)) }, ...text(' '));
    }
    blocks.push({ type: 'clause', uid: uid(), depth, inline });
  };
  const table = (rows: number): void => {
    counts.tables += 1;
    const header = ['ღონისძიება', 'პასუხისმგებელი', 'ვადა', 'ინდიკატორი'];
    const body = Array.from({ length: rows }, () => header.map(() => georgianSentence(prng, prng.int(20, 60))));
    for (const row of [header, ...body]) for (const cell of row) counts.characters += cell.length;
    blocks.push({ type: 'table', rows: [header, ...body] });
  };

  // Leave room for the annex and the closing article.
  const bodyTarget = target - 6_000;
  for (let n = 0; counts.characters < bodyTarget; n += 1) {
    if (n % ARTICLES_PER_CHAPTER === 0) blocks.push({ type: 'chapter', uid: uid(), inline: text(georgianSentence(prng, 30)) });
    article(georgianSentence(prng, prng.int(20, 60)));
    for (let p = prng.int(3, 6); p > 0; p -= 1) {
      clause(0, prng.int(150, 400));
      if (prng.chance(0.25)) for (let s = prng.int(2, 4); s > 0; s -= 1) clause(1, prng.int(60, 160));
    }
    if (n % TABLE_EVERY_ARTICLES === TABLE_EVERY_ARTICLES - 1) table(6);
  }

  blocks.push({ type: 'annex', uid: uid(), inline: text('სამოქმედო გეგმა') });
  blocks.push({ type: 'text', inline: text(georgianSentence(prng, 200)) });
  table(20);
  article('დადგენილების ამოქმედება');
  blocks.push({ type: 'text', inline: text('ეს დადგენილება ამოქმედდეს გამოქვეყნებისთანავე.') });
  part('signature', 'საკრებულოს თავმჯდომარე გ. ბერიძე');
  return { blocks, ...counts };
}

/** A 12-character block id from the generator, so the act's ids are the same on every run. */
function stableId(prng: Prng): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = '';
  for (let i = 0; i < 12; i += 1) id += alphabet[prng.int(0, alphabet.length - 1)];
  return id;
}
