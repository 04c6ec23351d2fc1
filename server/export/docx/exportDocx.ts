import { Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { DocumentModel } from '../../../shared/model/documentModel';
import type { ExportContext } from '../../../shared/model/exportContext';
import { exportHeader } from '../actHeader';
import { corePropertiesXml, GENERATOR } from './coreProperties';
import { actBlocks } from './layout';
import { actStyles, PAGE, PAGE_WORD, STYLE } from './styles';

/**
 * The act as a Word document (.docx): A4, laid out as a Georgian council act, every paragraph in a named
 * style, numbers and letters written literally so they survive Word, LibreOffice and copy-paste.
 */
export async function exportDocx(model: DocumentModel, context: ExportContext): Promise<Uint8Array> {
  const header = exportHeader(model, context);
  const title = model.title.trim() || header.actTypeLabel;
  const description = [header.issuingBody, header.actTypeLabel, header.number, header.date]
    .concat(context.version ? [`${context.version.name} (${context.version.createdAt})`] : [])
    // Blanks of a draft ("№ ______") say nothing in a file's properties.
    .filter((part) => part.replace(/[\s_№]/g, '') !== '')
    .join(', ');
  const document = new Document({
    title,
    description,
    creator: GENERATOR,
    lastModifiedBy: GENERATOR,
    styles: actStyles(model.language),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.marginTop,
              bottom: PAGE.marginBottom,
              left: PAGE.marginLeft,
              right: PAGE.marginRight,
              header: PAGE.headerFooter,
              footer: PAGE.headerFooter,
            },
          },
        },
        footers: { default: pageNumberFooter(model.language) },
        children: actBlocks(model, header),
      },
    ],
  });
  const core = corePropertiesXml({
    title,
    language: model.language,
    description,
    exportedAt: context.exportedAt,
  });
  return Packer.pack(document, 'uint8array', false, [core]);
}

/** "გვ. 3" / "Page 3", centred at the foot of every page. */
function pageNumberFooter(language: DocumentModel['language']): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        children: [new TextRun({ children: [`${PAGE_WORD[language]} `, PageNumber.CURRENT] })],
      }),
    ],
  });
}
