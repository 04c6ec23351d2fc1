import { BorderStyle, Document, HeadingLevel, PageOrientation, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import type { Language } from '../../shared/lang/language';
import { RECORD_WORDS, type RecordRow } from './commentRecord';

/** Sylfaen ships with Windows and covers Georgian; LibreOffice substitutes a font that does (DESIGN.md). */
const FONT = { ascii: 'Sylfaen', hAnsi: 'Sylfaen', cs: 'Sylfaen', eastAsia: 'Sylfaen' } as const;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER } as const;
/** The text width of a landscape A4 page with 2 cm margins, in twips. */
export const RECORD_TEXT_WIDTH = 16838 - 2 * 1134;
/**
 * The widths of the eleven columns in twips, summing to the text width. Each narrow column is wide enough for
 * the longest word of its header or its usual values at 9 pt ("No.", "განხილვა", "დეკემბერი", "ნაწილობრივ",
 * "consultation") with the cell margins, so no word breaks letter by letter (issue 15); the quote, the proposed
 * text, the comment and the reason take the rest. The layout is fixed, so Word and LibreOffice keep these
 * widths instead of fitting columns to their content.
 */
export const RECORD_COLUMN_WIDTHS = [620, 1050, 1500, 1850, 1500, 1100, 1300, 1400, 1500, 1200, 1550] as const;
/** Half-points: 9 pt in the table, 14 pt for the title. */
const SIZE = { cell: 18, title: 28 } as const;

function cellParagraphs(text: string, bold: boolean): Paragraph[] {
  const lines = text.split('\n');
  return lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, font: FONT, size: SIZE.cell })] }));
}

/** What the record's heading says of the act and the state it was taken from. */
export interface RecordHeading {
  readonly actTitle: string;
  /** The version's name, or '' for the current text. */
  readonly versionName: string;
  readonly language: Language;
}

/**
 * The "comments and responses" record as a .docx: a title, the act and version it belongs to, and one real
 * Word table (header row repeated on every page) with a row per thread, on landscape pages.
 */
export async function recordDocx(rows: readonly RecordRow[], heading: RecordHeading): Promise<Uint8Array> {
  const words = RECORD_WORDS[heading.language];
  const widths = RECORD_COLUMN_WIDTHS;
  const yes = heading.language === 'ka' ? 'დიახ' : 'yes';
  const row = (cells: readonly string[], header: boolean): TableRow =>
    new TableRow({
      tableHeader: header,
      children: widths.map((width, c) => new TableCell({ width: { size: width, type: WidthType.DXA }, children: cellParagraphs(cells[c] ?? '', header) })),
    });
  const table = new Table({
    width: { size: RECORD_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [
      row(words.columns, true),
      ...rows.map((r) => row([String(r.index), r.article, r.quote, r.proposal, r.comment, r.author, r.date, r.outcome, r.reason, r.replies, r.publicConsultation ? yes : ''], false)),
    ],
  });
  const subtitle = `${heading.actTitle} — ${heading.versionName ? `${words.version}: ${heading.versionName}` : words.current}`;
  const document = new Document({
    title: `${words.title}: ${heading.actTitle}`,
    creator: 'Sajaro',
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: words.title, bold: true, font: FONT, size: SIZE.title })] }),
          new Paragraph({ children: [new TextRun({ text: subtitle, font: FONT, size: SIZE.cell + 4 })] }),
          new Paragraph({ children: [] }),
          table,
        ],
      },
    ],
  });
  return Packer.pack(document, 'uint8array');
}
