import { formatActDate } from '../../shared/lang/dates';
import type { ActHeader, DocumentModel } from '../../shared/model/documentModel';
import type { ExportContext } from '../../shared/model/exportContext';

/** The number sign of acts (GLOSSARY.md, "Punctuation and dates"). */
export const NUMBER_SIGN = '№';

/**
 * The header an export prints: the model's, except that an adopted act carries its real number and adoption
 * date, because the text drafted before the vote holds blanks ("№ ______") in their place.
 */
export function exportHeader(model: DocumentModel, context: Pick<ExportContext, 'adoption'>): ActHeader {
  const { adoption } = context;
  if (!adoption) return model.header;
  return {
    ...model.header,
    number: numberLine(adoption.actNumber),
    date: formatActDate(adoption.adoptionDate, model.language),
  };
}

/** "№ 12" from "12" or "№12", so a number typed with its sign is not signed twice. */
export function numberLine(actNumber: string): string {
  return `${NUMBER_SIGN} ${bareActNumber(actNumber)}`;
}

/**
 * The act number without its sign and spaces ("12"), or '' when the number is still a blank to fill in
 * ("№ ______"): a blank is not a number and must not reach a file name or an identifier.
 */
export function bareActNumber(numberText: string): string {
  const bare = numberText.replace(/^\s*(?:№|N[o°]?\.?)\s*/u, '').trim();
  return /^[_\s.…-]*$/u.test(bare) ? '' : bare;
}
