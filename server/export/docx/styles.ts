import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import type { Language } from '../../../shared/lang/language';

/**
 * The font of the act. Sylfaen ships with Windows and covers Georgian (Mkhedruli) and Latin alike, so Word
 * shows the act as the municipality prints it. A .docx cannot name a fallback font: where Sylfaen is
 * missing the reader substitutes its own (LibreOffice on these machines picks DejaVu Sans, which covers
 * Georgian), so the act stays readable, only set in another face.
 */
export const ACT_FONT = 'Sylfaen' as const;

/** Page geometry in twips (1 cm = 567 twips): A4 with the margins of Georgian official documents. */
export const PAGE = {
  width: 11906,
  height: 16838,
  marginTop: 1134,
  marginBottom: 1134,
  marginLeft: 1418,
  marginRight: 1134,
  headerFooter: 567,
} as const;

/** The width the text runs across, which full-width tables and right tab stops use. */
export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

/**
 * The paragraph style ids of an act. Paragraphs name a style rather than carry direct formatting, so a
 * lawyer restyles every article heading or every subparagraph of the act in one move in Word.
 */
export const STYLE = {
  actHeader: 'ActHeader',
  actType: 'ActType',
  actMeta: 'ActMeta',
  title: 'Title',
  preamble: 'Preamble',
  enactingFormula: 'EnactingFormula',
  chapter: 'Heading1',
  article: 'Heading2',
  paragraph: 'Paragraph',
  subparagraph: 'Subparagraph',
  subparagraph2: 'Subparagraph2',
  text: 'ActText',
  tableText: 'TableText',
  tableHeader: 'TableHeader',
  signature: 'Signature',
  annexLabel: 'AnnexLabel',
  annexHeading: 'AnnexHeading',
  footer: 'ActFooter',
} as const;

/** Indentation of clauses by depth: where the label starts and how far its text hangs, in twips. */
export const CLAUSE_INDENT = [
  { style: STYLE.paragraph, left: 567, hanging: 567 },
  { style: STYLE.subparagraph, left: 1134, hanging: 567 },
  // „ბ.ა)" is twice as wide as „ა)", so the hang grows with it.
  { style: STYLE.subparagraph2, left: 1928, hanging: 794 },
] as const;

/** How paragraphs and subparagraphs are aligned: flush left (see `actStyles`). */
export const CLAUSE_ALIGNMENT = AlignmentType.LEFT;

/** How much further each level below the last styled one is indented, by direct formatting. */
export const DEEPER_CLAUSE_STEP = 794;

const SIZE = { body: 24, table: 20, title: 28, footer: 20 } as const;
const FIRST_LINE = 709;
const BLACK = '000000';

// Word classifies characters into ascii, hAnsi, East Asian and complex-script ranges and picks the font
// per range; Georgian falls under hAnsi, but naming all four keeps any character from falling to a theme font.
const FONTS = { ascii: ACT_FONT, hAnsi: ACT_FONT, cs: ACT_FONT, eastAsia: ACT_FONT } as const;

/** BCP 47 tags Word uses for spelling and hyphenation of the act's text. */
export const WORD_LANGUAGE: Readonly<Record<Language, string>> = { ka: 'ka-GE', en: 'en-GB' };

function paragraphStyle(
  id: string,
  name: string,
  options: Omit<IParagraphStyleOptions, 'id' | 'name'>,
): IParagraphStyleOptions {
  return { id, name, basedOn: 'Normal', next: 'Normal', quickFormat: true, ...options };
}

/** The styles part of an exported act: document defaults, the built-in headings and the act's own styles. */
export function actStyles(language: Language): IStylesOptions {
  const heading = (before: number) => ({
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
    run: { font: FONTS, bold: true, size: SIZE.body, color: BLACK },
  });
  return {
    default: {
      document: {
        run: { font: FONTS, size: SIZE.body, language: { value: WORD_LANGUAGE[language] } },
        paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
      },
      title: {
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 360 }, keepNext: true },
        run: { font: FONTS, bold: true, size: SIZE.title, color: BLACK },
      },
      heading1: {
        ...heading(360),
        paragraph: { ...heading(360).paragraph, alignment: AlignmentType.CENTER },
      },
      heading2: heading(240),
    },
    paragraphStyles: [
      paragraphStyle(STYLE.actHeader, 'Act Header', {
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 60 } },
        run: { bold: true },
      }),
      paragraphStyle(STYLE.actType, 'Act Type', {
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 240 } },
        run: { bold: true, size: SIZE.title, characterSpacing: 20 },
      }),
      paragraphStyle(STYLE.actMeta, 'Act Number and Date', {
        paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 60 }, rightTabStop: TEXT_WIDTH },
      }),
      paragraphStyle(STYLE.preamble, 'Preamble', {
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE } },
      }),
      paragraphStyle(STYLE.enactingFormula, 'Enacting Formula', {
        basedOn: STYLE.preamble,
        paragraph: { keepNext: true, spacing: { after: 240 } },
      }),
      // Clauses are set flush left: their lines are short beside the hanging label, Georgian words are long, and
      // neither LibreOffice nor Word hyphenates Georgian, so justified clauses opened wide gaps (issue 15).
      ...CLAUSE_INDENT.map(({ style, left, hanging }, depth) =>
        paragraphStyle(style, depth === 0 ? 'Paragraph' : `Subparagraph ${depth}`, {
          next: style,
          paragraph: { alignment: CLAUSE_ALIGNMENT, indent: { left, hanging }, leftTabStop: left },
        }),
      ),
      paragraphStyle(STYLE.text, 'Act Text', {
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE } },
      }),
      paragraphStyle(STYLE.tableText, 'Table Text', {
        paragraph: { spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO } },
        run: { size: SIZE.table },
      }),
      paragraphStyle(STYLE.tableHeader, 'Table Header', {
        basedOn: STYLE.tableText,
        paragraph: { alignment: AlignmentType.CENTER, keepNext: true },
        run: { bold: true, size: SIZE.table },
      }),
      paragraphStyle(STYLE.signature, 'Signature', {
        // Space above the block only: contextual spacing drops it between two signature lines.
        paragraph: {
          alignment: AlignmentType.LEFT,
          spacing: { before: 720, after: 0 },
          contextualSpacing: true,
          keepNext: true,
          keepLines: true,
        },
        run: { bold: true },
      }),
      paragraphStyle(STYLE.annexLabel, 'Annex Label', {
        paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 240 }, keepNext: true },
        run: { bold: true },
      }),
      paragraphStyle(STYLE.annexHeading, 'Annex Heading', {
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360 }, keepNext: true },
        run: { bold: true, size: SIZE.title },
      }),
      paragraphStyle(STYLE.footer, 'Act Footer', {
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
        run: { size: SIZE.footer },
      }),
    ],
  };
}

/** The word in front of the page number in the footer. */
export const PAGE_WORD: Readonly<Record<Language, string>> = { ka: 'გვ.', en: 'Page' };
