/**
 * What an exporter needs besides the act's text: where the act comes from, and whether it was adopted.
 * Exporters take a DocumentModel and this, and return bytes (CONVENTIONS.md: model apart from serialization).
 */
export interface ExportContext {
  /** The municipality's preset id ("bagdati"), or a free-entry name; used in AKN FRBR identifiers. */
  readonly municipality: string;
  /** Set once the council adopted the act: its number and adoption date (YYYY-MM-DD). */
  readonly adoption?: { readonly actNumber: string; readonly adoptionDate: string };
  /** The version exported, when not the current text. */
  readonly version?: { readonly id: string; readonly name: string; readonly createdAt: string };
  /** When the export was made (ISO timestamp); passed in so exports are reproducible in tests. */
  readonly exportedAt: string;
}
