import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, test } from 'vitest';
import { allArticles } from '../../shared/model/documentModel';
import { deriveDocumentModel } from '../../shared/model/deriveModel';
import type { SerializedState } from '../../shared/model/serializedState';
import { renderPlainText } from '../../shared/model/plainText';
import { defaultBody, instantiateTemplate, placeholdersOf } from '../../shared/templates/instantiate';
import { readEditorState } from '../lexical/actEditor';
import { seedActState } from '../lexical/seed';
import { createTemplateLibrary } from './templateLibrary';

const SHIPPED = resolve(import.meta.dirname, '..', '..', 'templates');
const shippedFiles = readdirSync(SHIPPED).filter((f) => f.endsWith('.yaml'));

describe('the shipped template library', () => {
  const library = createTemplateLibrary(SHIPPED, join(mkdtempSync(join(tmpdir(), 'sajaro-tpl-')), 'none'));

  test('holds the eight kinds of act the working groups draft, and every file loads', () => {
    const listing = library.list();
    expect(listing.errors).toEqual([]);
    expect(listing.templates).toHaveLength(shippedFiles.length);
    expect(new Set(listing.templates.map((t) => t.kind))).toEqual(
      new Set(['code_of_ethics', 'anti_corruption_regulation', 'action_plan', 'e_petition', 'citizen_reception', 'hotline', 'participatory_budget', 'amendment']),
    );
    for (const t of listing.templates) {
      expect(t.title.ka).toMatch(/[ა-ჰ]/);
      expect(t.title.en).toMatch(/[A-Za-z]/);
    }
  });

  for (const file of shippedFiles) {
    for (const language of ['ka', 'en'] as const) {
      test(`${file} instantiates in ${language} to an act numbered 1..N with no gap`, () => {
        const template = library.list().templates.find((t) => `${t.id}.yaml` === file);
        const full = library.get(template!.id)!;
        const values = Object.fromEntries(placeholdersOf(full).map((p) => [p.name, p.default ?? 'ტესტი']));
        const outline = instantiateTemplate(full, { language, municipality: 'terjola', values: { ...values, date: '2026-03-02', actNumber: '7' } });
        expect(outline.ok).toBe(true);
        if (!outline.ok) return;
        const model = deriveDocumentModel(readEditorState(seedActState(outline.value, 'doc-template-test'), 'doc-template-test') as unknown as SerializedState, language);
        const mainArticles = model.body.filter((b) => b.kind === 'article');
        expect(mainArticles.length).toBeGreaterThan(0);
        expect(mainArticles.map((a) => a.number)).toEqual(mainArticles.map((_, i) => i + 1));
        for (const annex of model.annexes) {
          const inAnnex = annex.body.filter((b) => b.kind === 'article');
          expect(inAnnex.map((a) => a.number)).toEqual(inAnnex.map((_, i) => i + 1));
        }
        expect(allArticles(model).every((a) => a.label === (language === 'ka' ? `მუხლი ${a.number}` : `Article ${a.number}`))).toBe(true);
        // The header is written from the municipality, the form and who adopts it (issue 13 §5).
        const mayor = defaultBody(full) === 'mayor';
        const council = language === 'ka' ? 'თერჯოლის მუნიციპალიტეტის საკრებულო' : 'Sakrebulo of Terjola Municipality';
        const mayorBody = language === 'ka' ? 'თერჯოლის მუნიციპალიტეტის მერის' : 'Mayor of Terjola Municipality';
        expect(model.header.issuingBody).toBe(mayor ? mayorBody : council);
        expect(model.header.actType).toBe(mayor ? 'brdzaneba' : full.actType);
        expect(model.header.date).toBe(language === 'ka' ? '2026 წლის 2 მარტი' : '2 March 2026');
        const text = renderPlainText(model);
        // Every placeholder was filled and every cross-reference resolved.
        expect(text).not.toMatch(/\{\{|\}\}|\[\[ref:/);
        expect(text).not.toContain('[referenced provision deleted]');
        expect(text).not.toContain('[მითითებული დებულება წაშლილია]');
      });
    }
  }
});

describe('a broken template file', () => {
  function workspaceWith(files: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), 'sajaro-tpl-'));
    const own = join(dir, 'templates');
    mkdirSync(own);
    copyFileSync(join(SHIPPED, 'hotline.yaml'), join(own, 'hotline-copy.yaml'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(own, name), text);
    return createTemplateLibrary(SHIPPED, own);
  }

  test('is listed with the file, the line and what was expected, and the others still load', () => {
    const library = workspaceWith({
      'broken-yaml.yaml': 'format: 1\nid: broken\n  title: [unclosed\n',
      'wrong-field.yaml': 'format: 1\nid: wrong-field\nkind: not_a_kind\nactType: dadgenileba\n',
    });
    const listing = library.list();
    expect(listing.templates.length).toBe(shippedFiles.length);
    const byFile = Object.fromEntries(listing.errors.map((e) => [e.file, e.message]));
    expect(Object.keys(byFile).sort()).toEqual(['broken-yaml.yaml', 'wrong-field.yaml']);
    expect(byFile['broken-yaml.yaml']).toMatch(/^broken-yaml\.yaml, line \d+:/);
    expect(byFile['wrong-field.yaml']).toMatch(/^wrong-field\.yaml, line 3, at 'kind': .*code_of_ethics/);
  });

  test('an unknown placeholder or a dangling reference is named', () => {
    const hotline = readdirSync(SHIPPED).includes('hotline.yaml');
    expect(hotline).toBe(true);
    const base = `format: 1\nid: tiny\nkind: other\nactType: dadgenileba\ntitle: { ka: "ა", en: "a" }\n`;
    const act = (extra: string) => `  actTypeLabel: "x"\n  title: "t"\n  preamble: ["p"]\n  formula: "f"\n  body:\n    - article: "a"\n      text: "${extra}"\n  signature: ["s"]\n`;
    const library = workspaceWith({
      'unknown-placeholder.yaml': `${base}ka:\n${act('{{mayorName}}')}en:\n${act('x')}`,
      'dangling-ref.yaml': `${base.replace('id: tiny', 'id: tiny2')}ka:\n${act('[[ref:nowhere]]')}en:\n${act('x')}`,
    });
    const byFile = Object.fromEntries(library.list().errors.map((e) => [e.file, e.message]));
    expect(byFile['unknown-placeholder.yaml']).toMatch(/unknown placeholder '\{\{mayorName\}\}'/);
    expect(byFile['dangling-ref.yaml']).toMatch(/reference '\[\[ref:nowhere\]\]' names no article/);
  });
});
