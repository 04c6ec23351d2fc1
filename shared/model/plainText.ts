import type { BodyItem, ClauseModel, DocumentModel } from './documentModel';

/**
 * The text of an act, one paragraph a line, with the computed numbers in front: "მუხლი 1. …", "1. …",
 * "ა) …". This is what `GET /api/documents/:id/text` returns.
 */
export function renderPlainText(model: DocumentModel): string {
  const lines: string[] = [];
  const { header } = model;
  for (const line of [header.issuingBody, header.actTypeLabel, header.number, header.date, header.place]) {
    if (line) lines.push(line);
  }
  if (model.title) lines.push(model.title);
  lines.push(...model.preamble);
  if (model.enactingFormula) lines.push(model.enactingFormula);
  renderBody(model.body, lines);
  for (const annex of model.annexes) {
    lines.push(annex.heading ? `${annex.label}. ${annex.heading}` : annex.label);
    renderBody(annex.body, lines);
  }
  lines.push(...model.signature);
  return lines.flatMap((l) => l.split('\n')).join('\n') + '\n';
}

function renderBody(items: readonly BodyItem[], lines: string[]): void {
  for (const item of items) renderItem(item, lines);
}

/** Appends the lines of one body item (an article with all its content), as the plain text shows them. */
export function renderItem(item: BodyItem, lines: string[]): void {
  switch (item.kind) {
    case 'chapter':
      lines.push(item.heading ? `${item.label}. ${item.heading}` : item.label);
      break;
    case 'article':
      lines.push(item.heading ? `${item.label}. ${item.heading}` : `${item.label}.`);
      renderBody(item.content, lines);
      break;
    case 'clause':
      renderClause(item, lines);
      break;
    case 'text':
      lines.push(item.text);
      break;
    case 'table':
      for (const row of item.rows) lines.push(row.join(' | '));
      break;
  }
}

function renderClause(clause: ClauseModel, lines: string[]): void {
  lines.push(`${clause.label} ${clause.text}`);
  for (const child of clause.children) renderClause(child, lines);
}
