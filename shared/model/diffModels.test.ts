import { describe, expect, test } from 'vitest';
import { diffModels, diffText, type ArticleDiff, type DiffPart } from './diffModels';
import type { AnnexModel, ArticleModel, DocumentModel } from './documentModel';

/** An article as a test writes it: a stable key, a heading and its paragraphs. */
interface ArticleSpec {
  readonly key: string;
  readonly heading: string;
  readonly paragraphs: readonly string[];
}

/** Numbers and labels the articles as the editor would: მუხლი 1, 2, … and paragraphs 1., 2., … */
function articles(specs: readonly ArticleSpec[]): ArticleModel[] {
  return specs.map((spec, i) => ({
    kind: 'article',
    key: spec.key,
    number: i + 1,
    label: `მუხლი ${i + 1}`,
    heading: spec.heading,
    content: spec.paragraphs.map((text, p) => ({
      kind: 'clause',
      key: `${spec.key}-p${p + 1}`,
      depth: 0,
      path: [p + 1],
      label: `${p + 1}.`,
      text,
      children: [],
    })),
  }));
}

function act(
  specs: readonly ArticleSpec[],
  changes: { title?: string; annexes?: readonly AnnexModel[] } = {},
): DocumentModel {
  return {
    language: 'ka',
    header: {
      issuingBody: 'ბაღდათის მუნიციპალიტეტის საკრებულო',
      actType: 'dadgenileba',
      actTypeLabel: 'დადგენილება',
      number: '№12',
      date: '2026 წლის 5 მარტი',
      place: 'ბაღდათი',
    },
    title: changes.title ?? 'ბაღდათის მუნიციპალიტეტის საკრებულოს წევრთა ეთიკის კოდექსის დამტკიცების შესახებ',
    preamble: [
      'ადგილობრივი თვითმმართველობის კოდექსის 24-ე მუხლის პირველი პუნქტის „ბ.ა" ქვეპუნქტის შესაბამისად,',
    ],
    enactingFormula: 'ბაღდათის მუნიციპალიტეტის საკრებულო ადგენს:',
    body: articles(specs),
    annexes: changes.annexes ?? [],
    signature: ['საკრებულოს თავმჯდომარე', 'ნინო ბერიძე'],
  };
}

const SCOPE: ArticleSpec = {
  key: 'a-scope',
  heading: 'რეგულირების სფერო',
  paragraphs: ['ეს კოდექსი ადგენს საკრებულოს წევრთა ქცევის წესებს.'],
};
const GIFTS: ArticleSpec = {
  key: 'a-gifts',
  heading: 'საჩუქრები',
  paragraphs: [
    'საკრებულოს წევრი არ იღებს საჩუქარს, რომლის ღირებულება აღემატება 100 ლარს.',
    'მიღებული საჩუქარი აღირიცხება.',
  ],
};
const CONFLICT: ArticleSpec = {
  key: 'a-conflict',
  heading: 'ინტერესთა კონფლიქტი',
  paragraphs: ['საკრებულოს წევრი აცხადებს ინტერესთა კონფლიქტს კენჭისყრამდე.'],
};
const FORCE: ArticleSpec = {
  key: 'a-force',
  heading: 'ძალაში შესვლა',
  paragraphs: ['ეს დადგენილება ამოქმედდეს გამოქვეყნებისთანავე.'],
};
const HOTLINE: ArticleSpec = {
  key: 'a-hotline',
  heading: 'ცხელი ხაზი',
  paragraphs: ['მერია უზრუნველყოფს ცხელი ხაზის მუშაობას ყოველდღიურად.'],
};

const changesOf = (parts: readonly DiffPart[]) => parts.filter((p) => p.kind !== 'equal');
const summary = (list: readonly ArticleDiff[]) =>
  list.map((a) => `${a.status} ${a.fromLabel ?? '-'} → ${a.toLabel ?? '-'}`);
const textOf = (parts: readonly DiffPart[], side: 'from' | 'to') =>
  parts
    .filter((p) => p.kind === 'equal' || p.kind === (side === 'from' ? 'delete' : 'insert'))
    .map((p) => p.text)
    .join('');

describe('aligning articles', () => {
  test('an article inserted in the middle is the one insertion; the later ones moved with their text unchanged', () => {
    const diff = diffModels(
      act([SCOPE, GIFTS, CONFLICT, FORCE]),
      act([SCOPE, HOTLINE, GIFTS, CONFLICT, FORCE]),
    );
    expect(summary(diff.articles)).toEqual([
      'unchanged მუხლი 1 → მუხლი 1',
      'inserted - → მუხლი 2',
      'moved მუხლი 2 → მუხლი 3',
      'moved მუხლი 3 → მუხლი 4',
      'moved მუხლი 4 → მუხლი 5',
    ]);
    expect(diff.counts).toEqual({ unchanged: 1, changed: 0, inserted: 1, deleted: 0, moved: 3 });
    for (const moved of diff.articles.filter((a) => a.status === 'moved')) {
      expect(moved.textChanged).toBe(false);
      expect(changesOf(moved.parts)).toEqual([]);
    }
    expect(diff.articles[1]?.parts).toEqual([
      { kind: 'insert', text: 'ცხელი ხაზი\n1. მერია უზრუნველყოფს ცხელი ხაზის მუშაობას ყოველდღიურად.' },
    ]);
  });

  test('without matching keys, renumbered articles are still paired by their content', () => {
    const rekeyed = [SCOPE, HOTLINE, GIFTS, CONFLICT, FORCE].map((a) => ({ ...a, key: `new-${a.key}` }));
    const diff = diffModels(act([SCOPE, GIFTS, CONFLICT, FORCE]), act(rekeyed));
    expect(diff.counts).toEqual({ unchanged: 1, changed: 0, inserted: 1, deleted: 0, moved: 3 });
    expect(diff.articles.map((a) => a.matchedBy)).toEqual(['content', null, 'content', 'content', 'content']);
    expect(diff.articles[2]).toMatchObject({
      fromKey: 'a-gifts',
      toKey: 'new-a-gifts',
      heading: 'საჩუქრები',
    });
  });

  test('a deleted article is reported where it stood, and the next one moves up', () => {
    const diff = diffModels(act([SCOPE, GIFTS, CONFLICT, FORCE]), act([SCOPE, CONFLICT, FORCE]));
    expect(summary(diff.articles)).toEqual([
      'unchanged მუხლი 1 → მუხლი 1',
      'deleted მუხლი 2 → -',
      'moved მუხლი 3 → მუხლი 2',
      'moved მუხლი 4 → მუხლი 3',
    ]);
    expect(diff.articles[1]).toMatchObject({
      heading: 'საჩუქრები',
      textChanged: true,
      parts: [{ kind: 'delete' }],
    });
    expect(textOf(diff.articles[1]?.parts ?? [], 'from')).toContain('100 ლარს');
  });

  test('a deleted first article is reported first', () => {
    const diff = diffModels(act([SCOPE, GIFTS]), act([GIFTS]));
    expect(summary(diff.articles)).toEqual(['deleted მუხლი 1 → -', 'moved მუხლი 2 → მუხლი 1']);
  });

  test('a rewritten article with a new key is a deletion and an insertion, not a pairing', () => {
    const rewritten = {
      key: 'a-other',
      heading: 'საჯარო ინფორმაცია',
      paragraphs: ['ინფორმაცია გაიცემა ათი დღის ვადაში.'],
    };
    const diff = diffModels(act([SCOPE, GIFTS]), act([SCOPE, rewritten]));
    expect(diff.counts).toMatchObject({ unchanged: 1, inserted: 1, deleted: 1 });
  });

  test('two articles that swapped places are both renumbered, each compared with itself; the edited one is changed too', () => {
    const edited = {
      ...CONFLICT,
      paragraphs: ['საკრებულოს წევრი წერილობით აცხადებს ინტერესთა კონფლიქტს კენჭისყრამდე.'],
    };
    const diff = diffModels(act([SCOPE, GIFTS, CONFLICT]), act([SCOPE, edited, GIFTS]));
    expect(summary(diff.articles)).toEqual([
      'unchanged მუხლი 1 → მუხლი 1',
      'changed მუხლი 3 → მუხლი 2',
      'moved მუხლი 2 → მუხლი 3',
    ]);
    expect(diff.articles.map((a) => a.renumbered)).toEqual([false, true, true]);
    expect(diff.articles[1]?.textChanged).toBe(true);
    expect(changesOf(diff.articles[1]?.parts ?? [])).toEqual([{ kind: 'insert', text: 'წერილობით ' }]);
  });

  test('an article renumbered and changed is labelled both and counted as changed (issue 12)', () => {
    // A new article 2 pushes GIFTS to 3, and GIFTS' limit changes: a lawyer scanning badges must see both.
    const cheaper = { ...GIFTS, paragraphs: [GIFTS.paragraphs[0]!.replace('100', '50'), GIFTS.paragraphs[1]!] };
    const diff = diffModels(act([SCOPE, GIFTS, FORCE]), act([SCOPE, HOTLINE, cheaper, FORCE]));
    expect(summary(diff.articles)).toEqual([
      'unchanged მუხლი 1 → მუხლი 1',
      'inserted - → მუხლი 2',
      'changed მუხლი 2 → მუხლი 3',
      'moved მუხლი 3 → მუხლი 4',
    ]);
    expect(diff.articles[2]).toMatchObject({ status: 'changed', renumbered: true, textChanged: true, fromLabel: 'მუხლი 2', toLabel: 'მუხლი 3' });
    expect(changesOf(diff.articles[2]?.parts ?? [])).toEqual([
      { kind: 'delete', text: '100' },
      { kind: 'insert', text: '50' },
    ]);
    expect(diff.articles[3]).toMatchObject({ status: 'moved', renumbered: true, textChanged: false });
    // Counted among the changed articles, and among the renumbered ones as well.
    expect(diff.counts).toEqual({ unchanged: 1, changed: 1, inserted: 1, deleted: 0, moved: 2 });
  });

  test('an article that moves from the body into an annex is moved, and names its annex', () => {
    const annex: AnnexModel = {
      key: 'x1',
      number: 1,
      label: 'დანართი №1',
      heading: 'ცხელი ხაზის წესი',
      body: articles([HOTLINE]),
    };
    const diff = diffModels(act([SCOPE, HOTLINE]), act([SCOPE], { annexes: [annex] }));
    expect(diff.articles[1]).toMatchObject({
      status: 'moved',
      fromLabel: 'მუხლი 2',
      toLabel: 'მუხლი 1',
      fromAnnex: null,
      toAnnex: 'დანართი №1',
    });
    expect(textOf(diff.frame.parts, 'to')).toContain('დანართი №1. ცხელი ხაზის წესი');
  });
});

describe('word changes', () => {
  test('a changed Georgian word is one deletion and one insertion of that word', () => {
    const changed = {
      ...GIFTS,
      paragraphs: [
        'საკრებულოს წევრი არ იღებს საჩუქარს, რომლის ღირებულება აღემატება 50 ლარს.',
        GIFTS.paragraphs[1]!,
      ],
    };
    const diff = diffModels(act([SCOPE, GIFTS]), act([SCOPE, changed]));
    expect(diff.articles[1]).toMatchObject({ status: 'changed', textChanged: true, matchedBy: 'key' });
    expect(changesOf(diff.articles[1]?.parts ?? [])).toEqual([
      { kind: 'delete', text: '100' },
      { kind: 'insert', text: '50' },
    ]);
    const verb = diffText('1. წევრი ვალდებულია განაცხადოს', '1. წევრი უფლებამოსილია განაცხადოს');
    expect(changesOf(verb)).toEqual([
      { kind: 'delete', text: 'ვალდებულია' },
      { kind: 'insert', text: 'უფლებამოსილია' },
    ]);
  });

  test('a changed English word is one deletion and one insertion', () => {
    expect(changesOf(diffText('A member shall declare gifts.', 'A member may declare gifts.'))).toEqual([
      { kind: 'delete', text: 'shall' },
      { kind: 'insert', text: 'may' },
    ]);
  });

  test('the parts rebuild both texts exactly, line breaks and spacing included', () => {
    const pairs = [
      ['ა) პირველი\nბ) მეორე  ტექსტი', 'ა) პირველი\nბ) ახალი\nგ) მესამე'],
      ['', 'მუხლი'],
      ['Article 3(2)(a) „ა"', 'Article 4(2)(b) „ბ"'],
    ] as const;
    for (const [from, to] of pairs) {
      const parts = diffText(from, to);
      expect(textOf(parts, 'from')).toBe(from);
      expect(textOf(parts, 'to')).toBe(to);
    }
  });
});

test('the parts rebuild both texts for many random edits', () => {
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  const vocabulary = [
    'საკრებულო',
    'წევრი',
    'კოდექსი',
    'member',
    'shall',
    '„ა"',
    '1.',
    'ბ)',
    ',',
    ' ',
    '  ',
    ' \n ',
    '\n',
    '\t',
  ];
  const sentence = () =>
    Array.from({ length: 1 + random(12) }, () => vocabulary[random(vocabulary.length)]).join(
      random(2) ? ' ' : '',
    );
  for (let i = 0; i < 2000; i++) {
    const from = sentence();
    const words = from.split(' ');
    words.splice(random(words.length + 1), random(3), ...Array.from({ length: random(3) }, sentence));
    const to = words.join(' ');
    const parts = diffText(from, to);
    expect(textOf(parts, 'from')).toBe(from);
    expect(textOf(parts, 'to')).toBe(to);
    expect(parts.every((p) => p.text !== '')).toBe(true);
  }
});

describe('the frame', () => {
  test('an untouched frame reports no change', () => {
    const diff = diffModels(act([SCOPE]), act([SCOPE]));
    expect(diff.frame.changed).toBe(false);
    expect(diff.frame.parts).toHaveLength(1);
    expect(diff.counts).toEqual({ unchanged: 1, changed: 0, inserted: 0, deleted: 0, moved: 0 });
  });

  test('a changed title shows in the frame as word changes', () => {
    const diff = diffModels(
      act([SCOPE]),
      act([SCOPE], {
        title: 'ბაღდათის მუნიციპალიტეტის საკრებულოს წევრთა ეთიკის კოდექსში ცვლილების შეტანის შესახებ',
      }),
    );
    expect(diff.frame.changed).toBe(true);
    expect(changesOf(diff.frame.parts)).toEqual([
      { kind: 'delete', text: 'კოდექსის დამტკიცების' },
      { kind: 'insert', text: 'კოდექსში ცვლილების შეტანის' },
    ]);
  });
});
