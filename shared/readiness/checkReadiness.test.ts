/* eslint-disable @typescript-eslint/no-explicit-any -- the tests spoil a deep copy of a model field by field */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Language } from '../lang/language';
import { allArticles, type ArticleModel, type ClauseModel, type DocumentModel } from '../model/documentModel';
import { parseTemplate } from '../templates/parseTemplate';
import type { Template } from '../templates/templateFormat';
import { checkReadiness } from './checkReadiness';
import { doneFacts, filledValues, modelOfOutline, templateOutline } from './readinessFixtures';
import type { ReadinessFacts, ReadinessReport } from './readinessTypes';

const DIR = resolve(import.meta.dirname, '..', '..', 'templates');
const TEMPLATES: Template[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const parsed = parseTemplate(f, readFileSync(join(DIR, f), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.value;
  });
const CASES = TEMPLATES.flatMap((t) => (['ka', 'en'] as const).map((language) => ({ name: `${t.id} (${language})`, template: t, language })));

type Draft = { -readonly [K in keyof DocumentModel]: any };

/** A filled-in act from the template, and a copy of its model to spoil. */
function act(template: Template, language: Language): { model: DocumentModel; draft: () => Draft } {
  const model = modelOfOutline(templateOutline(template, language, filledValues(template, language)), language);
  return { model, draft: () => structuredClone(model) as Draft };
}

const codes = (report: ReadinessReport): string[] => [...new Set(report.problems.map((p) => p.code))];
const check = (model: DocumentModel | Draft, facts?: Partial<ReadinessFacts>): ReadinessReport =>
  checkReadiness(model as DocumentModel, { ...doneFacts(model as DocumentModel), ...facts });

function articles(draft: Draft): any[] {
  return allArticles(draft as DocumentModel) as any[];
}
function firstParagraph(draft: Draft): { article: any; clause: any } {
  for (const article of articles(draft)) {
    const clause = article.content.find((c: ClauseModel) => c.kind === 'clause' && c.depth === 0);
    if (clause) return { article, clause };
  }
  throw new Error('Expected a template with a numbered paragraph');
}
const isForce = (a: ArticleModel): boolean => /ამოქმედდეს|enter into force/.test(JSON.stringify(a.content));

describe.each(CASES)('readiness of an act from $name', ({ template, language }) => {
  const ka = language === 'ka';

  test('is ready once its placeholders are filled and its review is done', () => {
    const { model } = act(template, language);
    expect(check(model)).toEqual({ ready: true, problems: [] });
  });

  test('the adoption data may stay blank until the workflow writes it; any other blank is blocking', () => {
    const blankAdoption = { ...filledValues(template, language), actNumber: '', date: '', chairName: '' };
    const model = modelOfOutline(templateOutline(template, language, blankAdoption), language);
    expect(model.header.number).toContain('______');
    expect(check(model).problems).toEqual([]);
    const written = check(model, { adoptionDataInText: ['number', 'date', 'signature'] });
    expect(written.problems.map((p) => [p.code, p.severity])).toEqual([['placeholder_left', 'blocking'], ['placeholder_left', 'blocking']]);
    expect(written.problems[0]!.message.en).toContain('header');
    expect(written.problems[1]!.message.en).toContain('signature');
  });

  test('an empty article, paragraph or subparagraph is blocking, named by its number', () => {
    const { draft } = act(template, language);
    const emptyArticle = draft();
    const target = articles(emptyArticle)[0];
    target.content = [];
    const report = check(emptyArticle);
    expect(codes(report)).toEqual(['empty_article']);
    expect(report.problems[0]).toMatchObject({ severity: 'blocking', articleKey: target.key, message: { ka: expect.stringContaining(`მუხლი ${target.number}`), en: expect.stringContaining(`Article ${target.number}`) } });

    const emptyParagraph = draft();
    const { article, clause } = firstParagraph(emptyParagraph);
    clause.text = '  ';
    const paragraph = check(emptyParagraph);
    expect(codes(paragraph)).toEqual(['empty_paragraph']);
    expect(paragraph.problems[0]).toMatchObject({ severity: 'blocking', articleKey: article.key });
    expect(paragraph.problems[0]!.message.en).toContain(`Article ${article.number}(${clause.path[0]})`);

    const emptySub = draft();
    const parent = firstParagraph(emptySub);
    parent.clause.children = [...parent.clause.children, { kind: 'clause', key: 'sub-empty', depth: 1, path: [parent.clause.path[0], parent.clause.children.length + 1], label: '', text: '', children: [] }];
    const sub = check(emptySub);
    expect(codes(sub)).toEqual(['empty_subparagraph']);
    expect(sub.problems[0]!.message.ka).toMatch(/„[ა-ჰ]“ ქვეპუნქტი ცარიელია/);
  });

  test('a placeholder left in an article or the title is blocking', () => {
    const { draft } = act(template, language);
    const spoiled = draft();
    const { article, clause } = firstParagraph(spoiled);
    clause.text = `${clause.text} ______`;
    spoiled.title = ka ? `{{amendedActTitle}} ${spoiled.title}` : `${spoiled.title} {{amendedActTitle}}`;
    const report = check(spoiled);
    expect(report.problems.map((p) => [p.code, p.severity, p.articleKey])).toEqual([
      ['placeholder_left', 'blocking', undefined],
      ['placeholder_left', 'blocking', article.key],
    ]);
    expect(report.ready).toBe(false);
  });

  test('a cross-reference whose target is gone is blocking', () => {
    const outline = templateOutline(template, language, filledValues(template, language));
    const at = outline.findIndex((b) => b.type === 'clause');
    const clause = outline[at]!;
    if (clause.type !== 'clause') throw new Error('Expected a clause');
    outline[at] = { ...clause, inline: [...clause.inline, { text: ka ? ' იხ. ' : ' See ' }, { ref: 'deletedarticle1' }] };
    const model = modelOfOutline(outline, language);
    const report = check(model);
    expect(codes(report)).toEqual(['broken_reference']);
    expect(report.problems[0]!.severity).toBe('blocking');
    expect(allArticles(model).map((a) => a.key)).toContain(report.problems[0]!.articleKey);
  });

  test('a preamble with no legal basis is blocking', () => {
    const { draft } = act(template, language);
    const spoiled = draft();
    spoiled.preamble = [ka ? 'საზოგადოებრივი ინტერესის გათვალისწინებით,' : 'Having regard to the public interest,'];
    expect(check(spoiled).problems.map((p) => [p.code, p.severity])).toEqual([['no_legal_basis', 'blocking']]);
  });

  test('no article on entry into force is a warning', () => {
    const { draft } = act(template, language);
    const spoiled = draft();
    expect(spoiled.body.some(isForce)).toBe(true);
    spoiled.body = spoiled.body.filter((item: ArticleModel) => item.kind !== 'article' || !isForce(item));
    expect(check(spoiled).problems.map((p) => [p.code, p.severity])).toEqual([['no_entry_into_force', 'warning']]);
  });

  test('an entry-into-force date before publication is blocking; on the day of publication it is not', () => {
    const { draft } = act(template, language);
    const spoiled = draft();
    const force = spoiled.body.find((item: ArticleModel) => item.kind === 'article' && isForce(item));
    force.content = [{ kind: 'text', text: ka ? 'ეს დადგენილება ამოქმედდეს 2026 წლის 1 მარტიდან.' : 'This ordinance shall enter into force on 1 March 2026.' }];
    const before = check(spoiled, { today: '2026-03-02' });
    expect(before.problems.map((p) => [p.code, p.severity, p.articleKey])).toEqual([['entry_into_force_before_publication', 'blocking', force.key]]);
    expect(before.problems[0]!.message.en).toContain('2026-03-01');
    expect(check(spoiled, { today: '2026-02-20' }).problems).toEqual([]);
    expect(check(spoiled, { today: '2026-02-20', publicationDate: '2026-03-01' }).problems).toEqual([]);
    expect(codes(check(spoiled, { today: '2026-02-20', publicationDate: '2026-03-05' }))).toEqual(['entry_into_force_before_publication']);
  });

  test('open comments and suggestions, and articles not approved, are listed by article', () => {
    const { model } = act(template, language);
    const [first, second] = allArticles(model);
    const facts = doneFacts(model);
    const report = check(model, {
      openComments: [
        { articleKey: first!.key, blocking: false, publicConsultation: true, text: 'ვადა ძალიან მოკლეა' },
        { articleKey: first!.key, blocking: false, publicConsultation: false, text: 'სტილი' },
        { articleKey: null, blocking: true, publicConsultation: false, text: 'სათაური' },
      ],
      openSuggestions: [{ articleKey: second!.key, text: 'ახალი ტექსტი' }],
      approvals: facts.approvals.map((a) => (a.articleKey === second!.key ? { ...a, status: 'needs_rereview' } : a)),
    });
    expect(report.problems.map((p) => [p.code, p.severity, p.articleKey])).toEqual([
      ['open_comment', 'blocking', first!.key],
      ['open_comment', 'warning', first!.key],
      ['open_comment', 'blocking', undefined],
      ['open_suggestion', 'warning', second!.key],
      ['article_not_approved', 'blocking', second!.key],
    ]);
    expect(report.problems[0]!.message.ka).toContain('ვადა ძალიან მოკლეა');
    expect(report.problems[4]!.message.en).toContain(`Article ${second!.number} is not approved by the lawyers (changed since its approval)`);
  });

  test('a title not in the "… შესახებ" form is a warning', () => {
    const { draft } = act(template, language);
    const spoiled = draft();
    spoiled.title = ka ? 'ეთიკის კოდექსი' : 'Code of Ethics';
    expect(check(spoiled).problems.map((p) => [p.code, p.severity])).toEqual([['title_form', 'warning']]);
  });

  test('a unit named wrongly in a reference is a warning; right names and other acts\' units pass', () => {
    const { draft } = act(template, language);
    const spoiled = draft();
    const { article, clause } = firstParagraph(spoiled);
    const original = clause.text;
    clause.text = ka ? `${original} (ამ დადგენილების მე-2 მუხლის პირველი ნაწილის შესაბამისად)` : `${original} (in accordance with subparagraph 2 of Article 2)`;
    const report = check(spoiled);
    expect(report.problems.map((p) => [p.code, p.severity, p.articleKey])).toEqual([['wrong_unit_name', 'warning', article.key]]);
    expect(report.problems[0]!.message.en).toContain(ka ? 'მე-2 მუხლის პირველი ნაწილის' : 'subparagraph 2');

    clause.text = ka ? `${original} (მე-2 მუხლის „ა“ პუნქტი)` : `${original} (paragraph (a) of Article 2)`;
    expect(codes(check(spoiled))).toEqual(['wrong_unit_name']);
    clause.text = ka
      ? `${original} (მე-2 მუხლის პირველი პუნქტის „ა“ ქვეპუნქტი; საქართველოს ზოგადი ადმინისტრაციული კოდექსის 53-ე მუხლის მე-2 ნაწილი)`
      : `${original} (Article 2(1)(a); paragraph 1 of Article 2; subparagraph (a) of paragraph 1)`;
    expect(check(spoiled).problems).toEqual([]);
  });
});

test('every shipped template is checked', () => {
  expect(TEMPLATES.length).toBeGreaterThanOrEqual(8);
});

test('other parts add their own problems to the list', () => {
  const { model } = act(TEMPLATES[0]!, 'ka');
  const note = { code: 'note_section_empty', severity: 'warning' as const, message: { ka: 'ბარათის ნაწილი ცარიელია', en: 'A section of the note is empty' } };
  expect(checkReadiness(model, doneFacts(model), undefined, [note])).toEqual({ ready: false, problems: [note] });
  expect(checkReadiness(model, doneFacts(model), [() => [note]])).toEqual({ ready: false, problems: [note] });
});
