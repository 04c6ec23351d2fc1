import { renderPlainText } from '../../shared/model/plainText';
import type { AmendmentService } from './amendmentService';

/** The plain text of an edition with its edition note as the first line, or null when there is no such edition. */
export function editionText(amendments: AmendmentService, docId: string, edition: number): string | null {
  const model = amendments.editionModel(docId, edition);
  if (!model) return null;
  const note = amendments.editions(docId).editions.find((e) => e.number === edition)?.note;
  return `${note ? `${note}\n` : ''}${renderPlainText(model)}`;
}
