import { randomId } from '../ids';
import { formatActDate } from '../lang/dates';
import type { Language } from '../lang/language';
import { councilName, resolveMunicipality } from '../lang/municipalities';
import { fail, ok, type Parsed } from '../parsed';
import type { BlockSpec, InlineSpec } from './actOutline';
import type { CitationCase } from '../model/numbering';
import { BLANK, PLACEHOLDER_PATTERN, REFERENCE_PATTERN, STANDARD_PLACEHOLDERS } from './standardPlaceholders';
import type { ClauseSpec, Template, TemplateBodyItem, TemplatePlaceholder } from './templateFormat';
import { outlineForBody } from './adoptingBodyOutline';
import { DEFAULT_ADOPTING_BODY, type AdoptingBody } from '../workflow/adoptingBody';

/** What a user fills in to create an act from a template. */
export interface TemplateChoice {
  readonly language: Language;
  /** A preset municipality id ("bagdati") or a free-entry name. */
  readonly municipality: string;
  readonly values: Readonly<Record<string, string>>;
  /** Who adopts the act (issue 13 §5); the template's default when not given. */
  readonly adoptingBody?: AdoptingBody;
}

/** Every placeholder a template asks for: the standard ones first, then its own. */
export function placeholdersOf(template: Template): TemplatePlaceholder[] {
  const own = new Set(template.placeholders.map((p) => p.name));
  return [...STANDARD_PLACEHOLDERS.filter((p) => !own.has(p.name)), ...template.placeholders];
}

/**
 * Instantiates a template into the outline of a new act: fills placeholders, writes the header from the
 * municipality, gives every block a fresh stable id and turns `[[ref:id]]` into cross-references.
 */
export function instantiateTemplate(template: Template, choice: TemplateChoice): Parsed<BlockSpec[]> {
  if (!choice.municipality.trim()) return fail("Missing municipality: expected a preset id such as 'bagdati' or a name");
  const missing = placeholdersOf(template).filter((p) => p.required && !(choice.values[p.name] ?? p.default ?? '').trim());
  if (missing.length) return fail(`Missing required placeholder${missing.length > 1 ? 's' : ''} ${missing.map((p) => `'${p.name}'`).join(', ')} for template '${template.id}'`);

  const { language } = choice;
  const municipality = resolveMunicipality(choice.municipality);
  const values: Record<string, string> = {};
  for (const p of placeholdersOf(template)) values[p.name] = (choice.values[p.name] ?? '').trim() || p.default || BLANK;
  values.municipality = municipality.name[language];
  values.municipalityGenitive = municipality.genitive;
  values.council = councilName(municipality, language);
  values.place = (choice.values.place ?? '').trim() || (language === 'ka' ? `ქ. ${municipality.name.ka}` : municipality.name.en);
  if (values.date !== BLANK) values.date = formatActDate(values.date ?? '', language);

  const fill = (raw: string): string => raw.replace(PLACEHOLDER_PATTERN, (_m, name: string) => values[name] ?? BLANK);
  const uids = new Map<string, string>();
  const uidFor = (id?: string): string => {
    if (!id) return randomId(12);
    const existing = uids.get(id);
    if (existing) return existing;
    const uid = randomId(12);
    uids.set(id, uid);
    return uid;
  };
  const inline = (raw: string): InlineSpec[] => splitReferences(fill(raw), uidFor);

  const act = template[language];
  const blocks: BlockSpec[] = [
    { type: 'part', part: 'issuingBody', inline: [{ text: values.council }] },
    { type: 'part', part: 'actType', actType: template.actType, inline: inline(act.actTypeLabel) },
    { type: 'part', part: 'number', inline: [{ text: `№ ${values.actNumber}` }] },
    { type: 'part', part: 'date', inline: [{ text: values.date ?? BLANK }] },
    { type: 'part', part: 'place', inline: [{ text: values.place }] },
    { type: 'part', part: 'title', inline: inline(act.title) },
    ...act.preamble.map((line): BlockSpec => ({ type: 'part', part: 'preamble', inline: inline(line) })),
    { type: 'part', part: 'formula', inline: inline(act.formula) },
  ];
  for (const item of act.body) blocks.push(...bodyBlocks(item, inline, uidFor));
  blocks.push(...act.signature.map((line): BlockSpec => ({ type: 'part', part: 'signature', inline: inline(line) })));
  for (const annex of act.annexes ?? []) {
    blocks.push({ type: 'annex', uid: uidFor(), inline: inline(annex.heading) });
    for (const item of annex.body) blocks.push(...bodyBlocks(item, inline, uidFor));
  }
  // The template's text speaks as the body its act type names; the act may be the other's (issue 13 §5).
  return ok(outlineForBody(blocks, textBody(template), choice.adoptingBody ?? defaultBody(template), language, municipality));
}

/** Who adopts acts made from a template unless the form says otherwise: its declared body, else its text's. */
export function defaultBody(template: Template): AdoptingBody {
  return template.adoptingBody ?? textBody(template);
}

/** The body a template's text is written for: the Mayor when its act is an order, else the council. */
function textBody(template: Template): AdoptingBody {
  return template.actType === 'brdzaneba' ? 'mayor' : DEFAULT_ADOPTING_BODY;
}

function bodyBlocks(item: TemplateBodyItem, inline: (raw: string) => InlineSpec[], uidFor: (id?: string) => string): BlockSpec[] {
  if ('chapter' in item) return [{ type: 'chapter', uid: uidFor(), inline: inline(item.chapter) }];
  if ('paragraph' in item) return [{ type: 'text', inline: inline(item.paragraph) }];
  if ('table' in item) return [{ type: 'table', rows: item.table }];
  if ('article' in item) {
    const out: BlockSpec[] = [{ type: 'article', uid: uidFor(item.id), inline: inline(item.article) }];
    if (item.text) out.push({ type: 'text', inline: inline(item.text) });
    for (const c of item.paragraphs ?? []) out.push(...clauseBlocks(c, 0, inline, uidFor));
    for (const c of item.points ?? []) out.push(...clauseBlocks(c, 1, inline, uidFor));
    if (item.after) out.push({ type: 'text', inline: inline(item.after) });
    return out;
  }
  return item.points.flatMap((c) => clauseBlocks(c, 1, inline, uidFor));
}

function clauseBlocks(clause: string | ClauseSpec, depth: number, inline: (raw: string) => InlineSpec[], uidFor: (id?: string) => string): BlockSpec[] {
  const spec = typeof clause === 'string' ? { text: clause } : clause;
  return [
    { type: 'clause', uid: uidFor(spec.id), depth, inline: inline(spec.text) },
    ...(spec.points ?? []).flatMap((c) => clauseBlocks(c, depth + 1, inline, uidFor)),
  ];
}

/** Splits text at `[[ref:id]]` markers into text runs and references to the ids' block uids. */
function splitReferences(text: string, uidFor: (id?: string) => string): InlineSpec[] {
  const out: InlineSpec[] = [];
  let last = 0;
  for (const m of text.matchAll(REFERENCE_PATTERN)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ ref: uidFor(m[1]), ...(m[2] ? { grammaticalCase: m[2] as CitationCase } : {}) });
    last = m.index + m[0].length;
  }
  if (last < text.length || out.length === 0) out.push({ text: text.slice(last) });
  return out;
}
