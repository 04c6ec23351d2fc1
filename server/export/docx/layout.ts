import { Paragraph, Tab, type Table, TextRun } from 'docx';
import type {
  ActHeader,
  AnnexModel,
  BodyItem,
  ClauseModel,
  DocumentModel,
} from '../../../shared/model/documentModel';
import { joinedRuns, textRuns } from './runs';
import { CLAUSE_INDENT, DEEPER_CLAUSE_STEP, STYLE } from './styles';
import { actTable } from './table';

/** What a Word body is made of. */
export type Block = Paragraph | Table;

/**
 * The blocks of an act in the order of a Georgian council act: header, title, preamble and formula, the
 * body, the signature block, then each annex on a page of its own.
 */
export function actBlocks(model: DocumentModel, header: ActHeader): Block[] {
  return [
    ...headerBlocks(header),
    ...styled(STYLE.title, [model.title]),
    ...styled(STYLE.preamble, model.preamble),
    ...styled(STYLE.enactingFormula, [model.enactingFormula]),
    ...bodyBlocks(model.body),
    ...styled(STYLE.signature, model.signature),
    ...model.annexes.flatMap(annexBlocks),
  ];
}

/** Issuing body and act type centred; then the number; then the date, with the place at the right margin. */
function headerBlocks(header: ActHeader): Paragraph[] {
  const dateAndPlace = [header.date, header.place].filter(isPresent);
  return [
    ...styled(STYLE.actHeader, [header.issuingBody]),
    ...styled(STYLE.actType, [header.actTypeLabel]),
    ...styled(STYLE.actMeta, [header.number]),
    ...(dateAndPlace.length
      ? [new Paragraph({ style: STYLE.actMeta, children: joinedRuns(dateAndPlace, 'tab') })]
      : []),
  ];
}

/** Items of the body of the act or of an annex, in order. */
export function bodyBlocks(items: readonly BodyItem[]): Block[] {
  return items.flatMap((item): Block[] => {
    switch (item.kind) {
      case 'chapter':
        // One paragraph with a line break, so the navigation pane lists "თავი I ზოგადი დებულებანი" once.
        return [
          new Paragraph({
            style: STYLE.chapter,
            children: joinedRuns([item.label, item.heading].filter(isPresent), 'break'),
          }),
        ];
      case 'article':
        return [
          new Paragraph({ style: STYLE.article, children: textRuns(labelled(item.label, item.heading)) }),
          ...bodyBlocks(item.content),
        ];
      case 'clause':
        return clauseBlocks(item);
      case 'text':
        return styled(STYLE.text, [item.text]);
      case 'table': {
        const table = actTable(item);
        // Word merges two tables that touch, and a table cannot end a cell or page: a paragraph follows.
        return table ? [table, new Paragraph({ style: STYLE.tableText, children: [] })] : [];
      }
    }
  });
}

/** "მუხლი 3. რეგულირების სფერო", or "მუხლი 3." for an article without a heading. */
function labelled(label: string, heading: string): string {
  return heading.trim() ? `${label}. ${heading}` : `${label}.`;
}

/**
 * A paragraph or subparagraph with its literal label ("2.", "ა)", "ბ.ა)") and a tab to the hanging indent,
 * then those nested below it. Word's own list numbering is not used: it renumbers on its own, cannot count
 * in Georgian letters, and its numbers are lost when text is copied out.
 */
function clauseBlocks(clause: ClauseModel): Paragraph[] {
  const styled = CLAUSE_INDENT[Math.min(clause.depth, CLAUSE_INDENT.length - 1)] ?? CLAUSE_INDENT[0];
  const extra = Math.max(0, clause.depth - (CLAUSE_INDENT.length - 1)) * DEEPER_CLAUSE_STEP;
  const paragraph = new Paragraph({
    style: styled.style,
    // Only levels deeper than the styled ones carry direct indentation.
    ...(extra > 0 ? { indent: { left: styled.left + extra, hanging: styled.hanging } } : {}),
    children: [
      new TextRun({ text: clause.label }),
      new TextRun({ children: [new Tab()] }),
      ...textRuns(clause.text),
    ],
  });
  return [paragraph, ...clause.children.flatMap(clauseBlocks)];
}

/** An annex: its label at the top right of a new page, its heading centred, then its body. */
function annexBlocks(annex: AnnexModel): Block[] {
  return [
    new Paragraph({ style: STYLE.annexLabel, pageBreakBefore: true, children: textRuns(annex.label) }),
    ...styled(STYLE.annexHeading, [annex.heading]),
    ...bodyBlocks(annex.body),
  ];
}

/** One paragraph in `style` per non-empty text. */
function styled(style: string, texts: readonly string[]): Paragraph[] {
  return texts.filter(isPresent).map((text) => new Paragraph({ style, children: textRuns(text) }));
}

function isPresent(text: string): boolean {
  return text.trim() !== '';
}
