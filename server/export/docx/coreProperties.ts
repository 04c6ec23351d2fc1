import type { Language } from '../../../shared/lang/language';
import { escapeXml } from '../xml';
import { WORD_LANGUAGE } from './styles';

/** What the document properties of an exported act say. */
export interface CoreProperties {
  readonly title: string;
  readonly language: Language;
  readonly description: string;
  /** ISO timestamp of the export, used as created and modified time. */
  readonly exportedAt: string;
}

/** The application written as creator and last editor. */
export const GENERATOR = 'Sajaro' as const;

/**
 * The core properties part (docProps/core.xml). docx writes this part without dc:language and stamps it
 * with the clock; writing it here adds the language and takes the time from the export context, so the
 * same act exported twice gives the same bytes in it.
 */
export function corePropertiesXml(props: CoreProperties): { readonly path: string; readonly data: string } {
  const time = escapeXml(new Date(props.exportedAt).toISOString());
  const data =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(props.title)}</dc:title>` +
    `<dc:description>${escapeXml(props.description)}</dc:description>` +
    `<dc:creator>${GENERATOR}</dc:creator>` +
    `<cp:lastModifiedBy>${GENERATOR}</cp:lastModifiedBy>` +
    `<dc:language>${WORD_LANGUAGE[props.language]}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${time}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${time}</dcterms:modified>` +
    '</cp:coreProperties>';
  return { path: 'docProps/core.xml', data };
}
