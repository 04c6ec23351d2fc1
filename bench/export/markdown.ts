import type { BodyItem, ClauseModel, DocumentModel, TableModel } from '../../shared/model/documentModel';

/**
 * The act as Markdown with the same text as the .docx export (header, title, preamble, chapters, articles
 * with numbered paragraphs and lettered points, tables, annexes, signature), for pandoc to convert. Numbers
 * are written literally and escaped, so pandoc keeps them as text instead of making lists, as our exporter
 * does.
 */
export function modelToMarkdown(model: DocumentModel): string {
  const lines: string[] = [];
  const { header } = model;
  for (const line of [header.issuingBody, header.actTypeLabel, header.number, header.date, header.place]) if (line) lines.push(escape(line), '');
  if (model.title) lines.push(`# ${escape(model.title)}`, '');
  for (const line of model.preamble) lines.push(escape(line), '');
  if (model.enactingFormula) lines.push(escape(model.enactingFormula), '');
  body(model.body, lines);
  for (const annex of model.annexes) {
    lines.push(`## ${escape(annex.heading ? `${annex.label}. ${annex.heading}` : annex.label)}`, '');
    body(annex.body, lines);
  }
  for (const line of model.signature) lines.push(escape(line), '');
  return lines.join('\n');
}

function body(items: readonly BodyItem[], lines: string[]): void {
  for (const item of items) {
    switch (item.kind) {
      case 'chapter':
        lines.push(`## ${escape(item.heading ? `${item.label}. ${item.heading}` : item.label)}`, '');
        break;
      case 'article':
        lines.push(`### ${escape(item.heading ? `${item.label}. ${item.heading}` : item.label)}`, '');
        body(item.content, lines);
        break;
      case 'clause':
        clause(item, lines);
        break;
      case 'text':
        lines.push(escape(item.text), '');
        break;
      case 'table':
        table(item, lines);
        break;
    }
  }
}

function clause(item: ClauseModel, lines: string[]): void {
  lines.push(`${escape(`${item.label} ${item.text}`)}`, '');
  for (const child of item.children) clause(child, lines);
}

function table(item: TableModel, lines: string[]): void {
  const [head, ...rows] = item.rows;
  if (!head) return;
  const row = (cells: readonly string[]): string => `| ${head.map((_, i) => escape(cells[i] ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
  lines.push(row(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(row), '');
}

/** Escapes what Markdown would read as markup at the start of a line or inline. */
function escape(text: string): string {
  return text
    .replace(/([\\`*_[\]#<>])/g, '\\$1')
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/^([-+])\s/, '\\$1 ')
    .replace(/\n/g, '  \n');
}
