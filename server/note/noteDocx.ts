import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { NoteModel } from '../../shared/note/noteModel';
import { corePropertiesXml, GENERATOR } from '../export/docx/coreProperties';
import { actStyles, PAGE, STYLE } from '../export/docx/styles';
import { safeBaseName } from '../export/fileName';

/**
 * The explanatory note as a Word document: the act's page and fonts, "განმარტებითი ბარათი" and the act's
 * title centred, then each section's title as a heading and its paragraphs as body text. An empty section
 * keeps its heading, so the reader sees what is missing.
 */
export async function exportNoteDocx(note: NoteModel, exportedAt: string): Promise<Uint8Array> {
  const title = `${note.heading}: ${note.actTitle}`;
  const children = [
    new Paragraph({ style: STYLE.title, children: [new TextRun(note.heading)] }),
    ...(note.actTitle.trim() ? [new Paragraph({ style: STYLE.actHeader, children: [new TextRun(note.actTitle)] })] : []),
    ...note.sections.flatMap((section) => [
      ...(section.title ? [new Paragraph({ heading: HeadingLevel.HEADING_2, style: STYLE.article, children: [new TextRun(section.title)] })] : []),
      ...section.paragraphs.filter((text) => text.trim() !== '').map((text) => new Paragraph({ style: STYLE.text, children: [new TextRun(text)] })),
    ]),
  ];
  const document = new Document({
    title,
    creator: GENERATOR,
    lastModifiedBy: GENERATOR,
    styles: actStyles(note.language),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginLeft, right: PAGE.marginRight },
          },
        },
        children,
      },
    ],
  });
  const core = corePropertiesXml({ title, language: note.language, description: note.heading, exportedAt });
  return Packer.pack(document, 'uint8array', false, [core]);
}

/** "განმარტებითი ბარათი ცხელი ხაზის შესახებ.docx": safe on every OS (fileName.ts). */
export function noteFileName(note: NoteModel): string {
  return `${safeBaseName(`${note.heading} ${note.actTitle}`)}.docx`;
}
