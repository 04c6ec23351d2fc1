import { fillNote } from './noteHelpers';
import type { Call } from './workflowHelpers';

/** The words of an entry-into-force article, as readiness recognises them. */
const FORCE = /ამოქმედდეს|ძალაში შევიდეს|shall (?:enter|come) into force|shall take effect/i;
const BLANK = '______';

interface ModelClause {
  key: string;
  text: string;
  children: ModelClause[];
}

async function suggestAndAccept(call: Call, docId: string, body: object): Promise<void> {
  const made = await call('POST', `/api/documents/${docId}/suggestions`, body);
  if (made.status !== 201) throw new Error(`Could not suggest ${JSON.stringify(body)}: ${made.status} ${JSON.stringify(made.body)}`);
  const accepted = await call('POST', `/api/documents/${docId}/suggestions/${made.body.id}/accept`, {});
  if (accepted.status !== 200) throw new Error(`Could not accept ${made.body.id}: ${accepted.status} ${JSON.stringify(accepted.body)}`);
}

function clauses(items: readonly { kind: string }[]): ModelClause[] {
  const out: ModelClause[] = [];
  const visit = (c: ModelClause): void => {
    out.push(c);
    c.children.forEach(visit);
  };
  for (const item of items) if (item.kind === 'clause') visit(item as unknown as ModelClause);
  return out;
}

/**
 * Makes a test act ready for the council (issue 13, §1) the way a working group would, through the API: a
 * suggestion per fix, accepted by the caller (who must be able to edit). It fills the municipality's blanks,
 * gives the title the "… შესახებ" / "On …" form, writes text into empty paragraphs and articles, and adds an
 * entry-into-force article when there is none. The adoption data stay blank: the workflow fills them. Open
 * comments and suggestions are the test's own business and are left alone. It also fills the explanatory
 * note's empty sections.
 */
export async function makeReady(call: Call, docId: string): Promise<void> {
  await fillNote(call, docId);
  let model = (await call('GET', `/api/documents/${docId}/model`)).body;
  const ka = model.language === 'ka';
  const fills: Array<[string, string, string]> = [
    ['issuingBody:0', model.header.issuingBody, ka ? 'ვანის' : 'Vani'],
    ['place:0', model.header.place, ka ? 'ქ. ვანი' : 'Vani'],
    ['formula:0', model.enactingFormula, ka ? 'ვანის' : 'Vani'],
  ];
  for (const [blockKey, text, value] of fills) if (text.includes(BLANK)) await suggestAndAccept(call, docId, { target: { blockKey, quote: BLANK, occurrence: 0 }, text: value });
  const title: string = model.title.trim();
  if (ka ? !/(შესახებ|თაობაზე)$/.test(title) : !/^On\s/.test(title)) {
    await suggestAndAccept(call, docId, { target: { blockKey: 'title:0', quote: model.title }, text: ka ? `${title}ს შესახებ` : `On the ${title}` });
  }
  // A removed article of a revision (issue 13, §4) is only its number and "ამოღებულია": nothing to fill.
  const body = model.body.filter((b: { kind: string; removed?: boolean }) => b.kind === 'article' && !b.removed);
  const filler = ka ? 'დებულების ტექსტი.' : 'The text of the provision.';
  for (const article of body) {
    if (article.content.length === 0) await suggestAndAccept(call, docId, { target: { blockKey: article.key, quote: '', offset: article.heading.length }, text: `\n${filler}` });
    for (const clause of clauses(article.content)) if (clause.text.trim() === '') await suggestAndAccept(call, docId, { target: { blockKey: clause.key, quote: '', offset: 0 }, text: filler });
  }
  model = (await call('GET', `/api/documents/${docId}/model`)).body;
  const articles = model.body.filter((b: { kind: string }) => b.kind === 'article');
  if (!articles.some((a: { heading: string }) => FORCE.test(JSON.stringify(a)))) {
    const last = articles.at(-1);
    const lastClause = last ? clauses(last.content).at(-1) : undefined;
    const anchor = lastClause ? { key: lastClause.key, length: lastClause.text.length } : { key: last.key, length: last.heading.length };
    await suggestAndAccept(call, docId, {
      target: { blockKey: anchor.key, quote: '', offset: anchor.length },
      text: ka ? '\nძალაში შესვლა\nეს დადგენილება ამოქმედდეს გამოქვეყნებისთანავე.' : '\nEntry into force\nThis ordinance shall enter into force upon its publication.',
      newBlocks: [{ type: 'article' }, { type: 'clause', depth: 0 }],
    });
  }
}
