import { BorderStyle, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import type { TableModel } from '../../../shared/model/documentModel';
import { textRuns } from './runs';
import { STYLE, TEXT_WIDTH } from './styles';

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
} as const;

/** Bounds on a column's weight, in characters: a "№" column stays narrow, a long text does not crowd it out. */
const COLUMN_WEIGHT = { min: 5, max: 40 } as const;

/**
 * A table of the act as a real Word table: full width, ruled, with the first row as a bold header row that
 * Word and LibreOffice repeat on each page. Rows shorter than the widest are padded with empty cells.
 */
export function actTable(table: TableModel): Table | null {
  if (table.rows.length === 0) return null;
  const widths = columnWidths(table);
  const rows = table.rows.map(
    (row, r) =>
      new TableRow({
        tableHeader: r === 0,
        cantSplit: true,
        children: widths.map(
          (width, c) =>
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              children: [
                new Paragraph({
                  style: r === 0 ? STYLE.tableHeader : STYLE.tableText,
                  children: textRuns(row[c] ?? ''),
                }),
              ],
            }),
        ),
      }),
  );
  return new Table({
    rows,
    width: { size: '100%', type: WidthType.PERCENTAGE },
    columnWidths: widths,
    borders: BORDERS,
  });
}

/** Column widths in twips that fill the text width, each in proportion to its longest line. */
function columnWidths(table: TableModel): number[] {
  const columns = Math.max(1, ...table.rows.map((row) => row.length));
  const weights = Array.from({ length: columns }, (_, c) => {
    const longest = Math.max(
      0,
      ...table.rows.flatMap((row) => (row[c] ?? '').split('\n').map((l) => l.length)),
    );
    return Math.min(COLUMN_WEIGHT.max, Math.max(COLUMN_WEIGHT.min, longest));
  });
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
}
