import type {
  ArticleModel,
  BodyItem,
  ChapterModel,
  ClauseModel,
  TableModel,
  TextModel,
} from '../../../shared/model/documentModel';
import { el, type XmlElement, type XmlNode } from '../xml';

/**
 * Hands out eIds by the Akoma Ntoso Naming Convention ("art_3__para_2__point_1"), unique in the file: a
 * clash, which the model should never produce, gets a "-2" suffix rather than a duplicate id.
 */
export class EidRegistry {
  private readonly used = new Set<string>();
  private readonly counters = new Map<string, number>();

  /** `eId` itself, or `eId-2`, `eId-3`… if it was handed out before. */
  unique(eId: string): string {
    let candidate = eId;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${eId}-${n}`;
    this.used.add(candidate);
    return candidate;
  }

  /** The next of a counted kind inside `parent`: "art_3__hcontainer_1", "art_3__hcontainer_2"… */
  counted(parent: string, kind: string): string {
    const base = within(parent, kind);
    const n = (this.counters.get(base) ?? 0) + 1;
    this.counters.set(base, n);
    return this.unique(`${base}_${n}`);
  }
}

type Inline = TextModel | TableModel;
type Hier = Exclude<BodyItem, ChapterModel>;

/** The eId of a part inside `parent`, or at the top when there is no parent. */
function within(parent: string, part: string): string {
  return parent ? `${parent}__${part}` : part;
}

/**
 * The hierarchy of a body (the act's <body> or an annex's <mainBody>): articles after a chapter go inside
 * it until the next chapter, and loose text or tables are wrapped in <hcontainer name="text">, since a
 * body holds only hierarchical elements. `parent` ("att_1") keeps an annex's eIds apart from the act's.
 */
export function bodyElements(items: readonly BodyItem[], ids: EidRegistry, parent = ''): XmlElement[] {
  const groups: { chapter: ChapterModel | null; items: Hier[] }[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (item.kind === 'chapter') groups.push({ chapter: item, items: [] });
    else if (last) last.items.push(item);
    else groups.push({ chapter: null, items: [item] });
  }
  return groups.flatMap(({ chapter, items: members }) => {
    if (!chapter) return hierElements(members, ids, parent);
    // Claim the chapter's eId before its articles', so ids read in document order.
    const eId = ids.unique(within(parent, `chp_${chapter.number}`));
    const children = hierElements(members, ids, parent);
    // A hierarchical element holds parts or content: an empty chapter gets an empty paragraph.
    if (children.length === 0) children.push(el('content', {}, el('p')));
    return [
      el('chapter', { eId }, el('num', {}, chapter.label), el('heading', {}, chapter.heading), children),
    ];
  });
}

/**
 * Articles and clauses as they are; each run of text and tables between them in one <hcontainer>.
 * Articles keep a flat eId ("art_3", not "chp_1__art_3"): article numbers run through the whole act.
 */
function hierElements(items: readonly Hier[], ids: EidRegistry, parent: string): XmlElement[] {
  const out: XmlElement[] = [];
  let run: Inline[] = [];
  const endRun = (): void => {
    if (run.length) out.push(textContainer(run, ids, parent));
    run = [];
  };
  for (const item of items) {
    if (item.kind === 'text' || item.kind === 'table') {
      run.push(item);
      continue;
    }
    endRun();
    out.push(item.kind === 'article' ? articleElement(item, ids, parent) : clauseElement(item, ids, parent));
  }
  endRun();
  return out;
}

/**
 * An article: its label and heading, then either plain <content> (an article of text only, such as the
 * entry-into-force article) or its paragraphs, with text before them as <intro> and after them as <wrapUp>.
 */
function articleElement(article: ArticleModel, ids: EidRegistry, parent: string): XmlElement {
  const eId = ids.unique(within(parent, `art_${article.number}`));
  const head = [el('num', {}, article.label), el('heading', {}, article.heading)];
  const first = article.content.findIndex((c) => c.kind === 'clause');
  if (first === -1) {
    return el('article', { eId }, head, el('content', {}, blocks(article.content as Inline[], ids, eId)));
  }
  const last =
    article.content.length - 1 - [...article.content].reverse().findIndex((c) => c.kind === 'clause');
  const intro = article.content.slice(0, first) as Inline[];
  const wrapUp = article.content.slice(last + 1) as Inline[];
  const middle = hierElements(article.content.slice(first, last + 1), ids, eId);
  return el(
    'article',
    { eId },
    head,
    intro.length ? el('intro', {}, blocks(intro, ids, eId)) : null,
    middle,
    wrapUp.length ? el('wrapUp', {}, blocks(wrapUp, ids, eId)) : null,
  );
}

/**
 * A paragraph (depth 0) or point (depth ≥ 1) with its literal label in <num>. One with subparagraphs holds
 * them in a <list>, its own text as the list's <intro>. eIds count with the model's numbers, so „ბ.ა" under
 * paragraph 2 of article 1 is "art_1__para_2__point_2__point_1" and stays ASCII.
 */
function clauseElement(clause: ClauseModel, ids: EidRegistry, parent: string): XmlElement {
  const name = clause.depth === 0 ? 'paragraph' : 'point';
  const kind = clause.depth === 0 ? 'para' : 'point';
  const n = clause.path[clause.path.length - 1] ?? 0;
  const eId = ids.unique(within(parent, `${kind}_${n}`));
  const num = el('num', {}, clause.label);
  if (clause.children.length === 0)
    return el(name, { eId }, num, el('content', {}, textParagraphs(clause.text)));
  return el(
    name,
    { eId },
    num,
    el(
      'list',
      { eId: ids.counted(eId, 'list') },
      clause.text.trim() ? el('intro', {}, textParagraphs(clause.text)) : null,
      clause.children.map((child) => clauseElement(child, ids, eId)),
    ),
  );
}

/** Text or tables standing among hierarchical elements, as the naming convention's generic container. */
function textContainer(items: readonly Inline[], ids: EidRegistry, parent: string): XmlElement {
  return el(
    'hcontainer',
    { eId: ids.counted(parent, 'hcontainer'), name: 'text' },
    el('content', {}, blocks(items, ids, parent)),
  );
}

/** Block content: <p> for text, <table> for tables; never empty, as <content> needs one block. */
function blocks(items: readonly Inline[], ids: EidRegistry, parent: string): XmlElement[] {
  const out = items.flatMap((item) =>
    item.kind === 'text' ? textParagraphs(item.text) : [tableElement(item, ids, parent)],
  );
  return out.length ? out : [el('p')];
}

/** A table with a header row of <th> and rows of <td>, padded to the widest row. */
function tableElement(table: TableModel, ids: EidRegistry, parent: string): XmlElement {
  const columns = Math.max(1, ...table.rows.map((row) => row.length));
  const rows = table.rows.length ? table.rows : [[]];
  return el(
    'table',
    { eId: ids.counted(parent, 'table') },
    rows.map((row, r) =>
      el(
        'tr',
        {},
        Array.from({ length: columns }, (_, c) =>
          el(r === 0 ? 'th' : 'td', {}, textParagraphs(row[c] ?? '')),
        ),
      ),
    ),
  );
}

/** Text as one <p>, its line breaks as <br/>. */
export function textParagraphs(
  text: string,
  attributes: Readonly<Record<string, string>> = {},
): XmlElement[] {
  const lines = text.split('\n');
  const children: XmlNode[] = lines.flatMap((line, i) => (i === 0 ? [line] : [el('br'), line]));
  return [
    el(
      'p',
      attributes,
      children.filter((c) => c !== ''),
    ),
  ];
}
