import type { Bilingual } from '../lang/language';
import type { ArticleModel, BodyItem, ClauseModel, DocumentModel } from '../model/documentModel';
import type { ClauseSpec, Template, TemplateBodyItem, TemplateText } from './templateFormat';

/**
 * Turns an act into a workspace template, so a working group can start its next act from this one. The
 * act's text fills both languages until someone translates the other; references become plain text.
 */
export function templateFromModel(model: DocumentModel, id: string, title: Bilingual): Template {
  const text: TemplateText = {
    actTypeLabel: model.header.actTypeLabel || (model.language === 'ka' ? 'დადგენილება' : 'Ordinance'),
    title: model.title || title[model.language],
    preamble: model.preamble.length ? [...model.preamble] : ['—'],
    formula: model.enactingFormula || '{{council}}',
    body: bodyItems(model.body),
    signature: model.signature.length ? [...model.signature] : ['{{chairName}}'],
    ...(model.annexes.length ? { annexes: model.annexes.map((a) => ({ heading: a.heading || a.label, body: bodyItems(a.body) })) } : {}),
  };
  // A Mayor's order stays one: its text speaks as the Mayor (issue 13 §5).
  const body = model.header.actType === 'brdzaneba' ? { adoptingBody: 'mayor' as const } : {};
  return { format: 1, id, kind: 'other', actType: model.header.actType, ...body, title, placeholders: [], ka: text, en: text };
}

function bodyItems(items: readonly BodyItem[]): TemplateBodyItem[] {
  const out: TemplateBodyItem[] = [];
  for (const item of items) {
    if (item.kind === 'chapter') out.push({ chapter: item.heading || item.label });
    else if (item.kind === 'text') out.push({ paragraph: item.text || '—' });
    else if (item.kind === 'table') out.push({ table: item.rows.map((r) => [...r]) });
    else if (item.kind === 'clause') out.push({ points: [clauseSpec(item)] });
    else out.push(...articleItems(item));
  }
  return out;
}

function articleItems(article: ArticleModel): TemplateBodyItem[] {
  const texts = article.content.filter((c) => c.kind === 'text').map((c) => c.text);
  const clauses = article.content.filter((c): c is ClauseModel => c.kind === 'clause');
  const tables = article.content.filter((c) => c.kind === 'table');
  const paragraphs = clauses.filter((c) => c.depth === 0).map(clauseSpec);
  const points = clauses.filter((c) => c.depth > 0).map(clauseSpec);
  return [
    {
      article: article.heading,
      ...(texts.length ? { text: texts.join('\n') } : {}),
      ...(paragraphs.length ? { paragraphs } : {}),
      ...(points.length ? { points } : {}),
    },
    ...tables.map((t) => ({ table: t.rows.map((r) => [...r]) })),
  ];
}

function clauseSpec(clause: ClauseModel): string | ClauseSpec {
  const text = clause.text || '—';
  return clause.children.length ? { text, points: clause.children.map(clauseSpec) } : text;
}
