import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { fail, ok, type Parsed } from '../parsed';
import { DERIVED_PLACEHOLDERS, PLACEHOLDER_PATTERN, REFERENCE_PATTERN, STANDARD_PLACEHOLDERS } from './standardPlaceholders';
import { TemplateFile, type Template, type TemplateBodyItem, type ClauseSpec } from './templateFormat';

/**
 * Parses a template file's text. A broken file gives one sentence naming the file, the line and field, and
 * what was expected, so the library can list it and keep loading the others.
 */
export function parseTemplate(fileName: string, source: string): Parsed<Template> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = lineCounter.linePos(yamlError.pos[0]);
    return fail(`${fileName}, line ${pos.line}: ${yamlError.message.split('\n')[0]}`);
  }
  const parsed = TemplateFile.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    const path = issue.path.map(String);
    const node = doc.getIn(issue.path as (string | number)[], true);
    const where = isNode(node) && node.range ? `line ${lineCounter.linePos(node.range[0]).line}, ` : '';
    return fail(`${fileName}, ${where}at '${path.join('.') || '(top)'}': ${issue.message}`);
  }
  const consistency = checkConsistency(parsed.data);
  return consistency ? fail(`${fileName}: ${consistency}`) : ok(parsed.data);
}

/** Every placeholder used must be declared or standard, and every reference must name an id of the same text. */
function checkConsistency(template: Template): string | null {
  const known = new Set<string>([...DERIVED_PLACEHOLDERS, ...STANDARD_PLACEHOLDERS.map((p) => p.name), ...template.placeholders.map((p) => p.name)]);
  for (const language of ['ka', 'en'] as const) {
    const act = template[language];
    const texts: string[] = [act.actTypeLabel, act.title, ...act.preamble, act.formula, ...act.signature];
    const ids = new Set<string>();
    const items = [...act.body, ...(act.annexes ?? []).flatMap((a) => [{ chapter: a.heading }, ...a.body])];
    for (const item of items) collectItem(item, texts, ids);
    for (const t of texts) {
      for (const m of t.matchAll(PLACEHOLDER_PATTERN)) {
        if (!known.has(m[1] ?? '')) return `${language}: unknown placeholder '{{${m[1]}}}': expected one of ${[...known].join(', ')} (declare it under placeholders)`;
      }
      for (const m of t.matchAll(REFERENCE_PATTERN)) {
        if (!ids.has(m[1] ?? '')) return `${language}: reference '[[ref:${m[1]}]]' names no article or paragraph id`;
      }
    }
  }
  return null;
}

function collectItem(item: TemplateBodyItem, texts: string[], ids: Set<string>): void {
  if ('chapter' in item) texts.push(item.chapter);
  else if ('paragraph' in item) texts.push(item.paragraph);
  else if ('table' in item) texts.push(...item.table.flat());
  else if ('article' in item) {
    texts.push(item.article);
    if (item.id) ids.add(item.id);
    if (item.text) texts.push(item.text);
    if (item.after) texts.push(item.after);
    for (const c of [...(item.paragraphs ?? []), ...(item.points ?? [])]) collectClause(c, texts, ids);
  } else for (const c of item.points) collectClause(c, texts, ids);
}

function collectClause(clause: string | ClauseSpec, texts: string[], ids: Set<string>): void {
  if (typeof clause === 'string') {
    texts.push(clause);
    return;
  }
  texts.push(clause.text);
  if (clause.id) ids.add(clause.id);
  for (const c of clause.points ?? []) collectClause(c, texts, ids);
}
