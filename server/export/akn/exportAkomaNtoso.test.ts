import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import type { DocumentModel } from '../../../shared/model/documentModel';
import {
  ADOPTED_CONTEXT,
  DRAFT_CONTEXT,
  ENGLISH_ACT,
  GEORGIAN_ACT,
  OZURGETI_ADOPTED_CONTEXT,
} from '../../../tests/fixtures/exportModels';
import { exportAkomaNtoso } from './exportAkomaNtoso';

type Node = Record<string, unknown>;

// preserveOrder keeps document order, which the article order check needs.
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: true });

function parse(xml: string): Node[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Node[];
}

function nameOf(node: Node): string | undefined {
  return Object.keys(node).find((k) => k !== ':@' && k !== '?xml');
}

/** Every element in document order with its name, attributes and children. */
function* walk(
  nodes: readonly Node[],
): Generator<{ name: string; attrs: Record<string, string>; children: Node[] }> {
  for (const node of nodes) {
    const name = nameOf(node);
    if (!name || name === '#text') continue;
    const children = (node[name] as Node[]) ?? [];
    yield { name, attrs: (node[':@'] as Record<string, string>) ?? {}, children };
    yield* walk(children);
  }
}

/** The text directly inside an element. */
function textOf(children: readonly Node[]): string {
  return children
    .map((c) => (typeof c['#text'] === 'string' || typeof c['#text'] === 'number' ? String(c['#text']) : ''))
    .join('');
}

function elements(xml: string, name: string) {
  return [...walk(parse(xml))].filter((e) => e.name === name);
}

function articleLabels(model: DocumentModel): string[] {
  return model.body.flatMap((item) => (item.kind === 'article' ? [item.label] : []));
}

describe('Akoma Ntoso export', () => {
  test('a draft is a <bill> with "draft" in its work URI, declared as UTF-8 XML in the AKN namespace', () => {
    const xml = exportAkomaNtoso(GEORGIAN_ACT, DRAFT_CONTEXT);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const root = [...walk(parse(xml))][0];
    expect(root?.name).toBe('akomaNtoso');
    expect(root?.attrs['@xmlns']).toBe('http://docs.oasis-open.org/legaldocml/ns/akn/3.0');
    expect(elements(xml, 'bill')).toHaveLength(1);
    expect(elements(xml, 'act')).toHaveLength(0);
    const [workThis, workUri] =
      elements(xml, 'FRBRWork')[0]?.children.map((c) => (c[':@'] as Node)?.['@value']) ?? [];
    expect(workUri).toBe('/akn/ge-bagdati/act/dadgenileba/draft/draft');
    expect(workThis).toBe('/akn/ge-bagdati/act/dadgenileba/draft/draft/!main');
    const language = elements(xml, 'FRBRlanguage')[0]?.attrs['@language'];
    expect(language).toBe('kat');
  });

  test('an adopted act is an <act> whose URIs carry its date and number, and its expression the date', () => {
    const xml = exportAkomaNtoso(GEORGIAN_ACT, ADOPTED_CONTEXT);
    expect(elements(xml, 'act')).toHaveLength(1);
    expect(elements(xml, 'bill')).toHaveLength(0);
    const values = (name: string) => elements(xml, name).map((e) => e.attrs['@value']);
    expect(values('FRBRuri').slice(0, 3)).toEqual([
      '/akn/ge-bagdati/act/dadgenileba/2026-09-15/12',
      '/akn/ge-bagdati/act/dadgenileba/2026-09-15/12/kat@2026-09-15',
      '/akn/ge-bagdati/act/dadgenileba/2026-09-15/12/kat@2026-09-15.akn',
    ]);
    expect(values('FRBRthis')[2]).toMatch(/\/kat@2026-09-15\/!main\.xml$/);
    expect(values('FRBRcountry')[0]).toBe('ge');
    const docDate = elements(xml, 'docDate')[0];
    expect(docDate?.attrs['@date']).toBe('2026-09-15');
    expect(textOf(docDate?.children ?? [])).toBe('2026 წლის 15 სექტემბერი');
    expect(textOf(elements(xml, 'docNumber')[0]?.children ?? [])).toBe('№ 12');
  });

  test('the English expression is "eng" under the Ozurgeti work', () => {
    const xml = exportAkomaNtoso(ENGLISH_ACT, OZURGETI_ADOPTED_CONTEXT);
    expect(elements(xml, 'FRBRuri')[1]?.attrs['@value']).toBe(
      '/akn/ge-ozurgeti/act/dadgenileba/2026-09-15/17/eng@2026-09-15',
    );
    expect(elements(xml, 'FRBRlanguage')[0]?.attrs['@language']).toBe('eng');
  });

  test.each([
    ['Georgian', GEORGIAN_ACT],
    ['English', ENGLISH_ACT],
  ])('the %s article <num>s are the model labels in order, and every eId is unique ASCII', (_name, model) => {
    const xml = exportAkomaNtoso(model, DRAFT_CONTEXT);
    const articles = elements(xml, 'article');
    const nums = articles.map((a) => textOf(a.children.find((c) => nameOf(c) === 'num')?.num as Node[]));
    expect(nums).toEqual(articleLabels(model));
    const eIds = [...walk(parse(xml))]
      .map((e) => e.attrs['@eId'])
      .filter((id): id is string => id !== undefined);
    expect(new Set(eIds).size).toBe(eIds.length);
    expect(eIds.filter((id) => !/^[A-Za-z0-9_.-]+$/.test(id))).toEqual([]);
  });

  test('paragraphs hold lettered points in a list, nested points under their point', () => {
    const xml = exportAkomaNtoso(GEORGIAN_ACT, DRAFT_CONTEXT);
    const point = (eId: string) => elements(xml, 'point').find((p) => p.attrs['@eId'] === eId);
    const num = (eId: string) => textOf(point(eId)?.children.find((c) => nameOf(c) === 'num')?.num as Node[]);
    expect(num('art_1__para_2__point_1')).toBe('ა)');
    expect(num('art_1__para_2__point_2__point_1')).toBe('ბ.ა)');
    const paragraph = elements(xml, 'paragraph').find((p) => p.attrs['@eId'] === 'art_1__para_2');
    expect(paragraph?.children.map(nameOf)).toEqual(['num', 'list']);
    expect(xml).toMatch(/<intro>\s*<p>ცხელი ხაზით მიიღება:<\/p>\s*<\/intro>/);
  });

  test('preamble, formula, signature and the annex table are where AKN puts them', () => {
    const xml = exportAkomaNtoso(GEORGIAN_ACT, DRAFT_CONTEXT);
    expect(elements(xml, 'formula')[0]?.attrs['@name']).toBe('enactingFormula');
    expect(xml).toMatch(
      /<formula name="enactingFormula">\s*<p>ბაღდათის მუნიციპალიტეტის საკრებულო ადგენს:<\/p>/,
    );
    expect(xml).toMatch(/<conclusions>\s*<p class="signature">საკრებულოს თავმჯდომარე<\/p>/);
    const attachment = elements(xml, 'attachment')[0];
    expect(attachment?.attrs['@eId']).toBe('att_1');
    expect(elements(xml, 'doc')[0]?.attrs['@name']).toBe('annex');
    expect(elements(xml, 'th').map((th) => textOf(th.children.flatMap((p) => p.p as Node[])))).toEqual([
      '№',
      'ღონისძიება',
      'ვადა',
      'პასუხისმგებელი',
    ]);
    expect(elements(xml, 'mainBody')[0]?.children.map(nameOf)).toEqual(['hcontainer']);
  });

  test('text and tables loose in the body are wrapped in hcontainers, and markup in text is escaped', () => {
    const model: DocumentModel = {
      ...ENGLISH_ACT,
      title: 'On <b>bold</b> & "quoted" rules',
      body: [{ kind: 'text', text: 'Line one\nLine two & more \u0007' }, ...ENGLISH_ACT.body],
    };
    const xml = exportAkomaNtoso(model, OZURGETI_ADOPTED_CONTEXT);
    expect(elements(xml, 'b')).toHaveLength(0);
    expect(xml).toContain('<docTitle>On &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; rules</docTitle>');
    const body = elements(xml, 'body')[0];
    expect(body?.children.map(nameOf)).toEqual(['hcontainer', 'chapter']);
    expect(xml).toContain('<p>Line one<br/>Line two &amp; more </p>');
    expect(xml).toContain('gifts worth &lt; GEL 500 &amp; hospitality;');
  });
});

test('an act with no articles yet, or an empty chapter, still has a body with content', () => {
  const model: DocumentModel = {
    ...GEORGIAN_ACT,
    body: [{ kind: 'chapter', key: 'c', number: 1, label: 'თავი I', heading: 'ზოგადი' }],
    annexes: [],
    signature: [],
  };
  const xml = exportAkomaNtoso(model, DRAFT_CONTEXT);
  expect(xml).toMatch(
    /<chapter eId="chp_1">\s*<num>თავი I<\/num>\s*<heading>ზოგადი<\/heading>\s*<content>\s*<p\/>/,
  );
  expect(elements(xml, 'conclusions')).toHaveLength(0);
  const empty = exportAkomaNtoso({ ...model, body: [] }, DRAFT_CONTEXT);
  expect(elements(empty, 'body')[0]?.children.map(nameOf)).toEqual(['hcontainer']);
});
