import { $createTextNode, $getRoot, type LexicalNode } from 'lexical';
import { formatActDate } from '../../shared/lang/dates';
import type { Language } from '../../shared/lang/language';
import { $createActPartNode, $isActPartNode, $isAnnexNode, type ActPart, type ActPartNode } from '../../shared/nodes';
import { adoptingBodyText, publicationLine, RECORDED_LINE_PREFIXES, signingLine } from '../../shared/templates/adoptingBodyText';
import { BLANK } from '../../shared/templates/standardPlaceholders';
import type { AdoptingBody } from '../../shared/workflow/adoptingBody';
import type { TransitionData } from '../../shared/workflow/requirements';
import { numberLine } from '../export/actHeader';

/** The lines of the act's own text that a move's recorded data fills in (issue 13 §2). */
export interface RecordedLines {
  /** The header's number line, "№ 12". */
  readonly number?: string;
  /** The header's date line, the adoption date as the act writes it. */
  readonly date?: string;
  /** The signatory's line of the signature block, "საკრებულოს თავმჯდომარე ნინო ბერიძე". */
  readonly signatory?: string;
  readonly signing?: string;
  readonly publication?: string;
}

/**
 * What a move's data writes into the act, in the act's language and its adopting body's words. A Mayor's
 * order is dated by its signature, so its header's date says the signing date and no line repeats it.
 */
export function recordedLines(data: TransitionData, language: Language, body: AdoptingBody): RecordedLines {
  const date = (iso: string): string => formatActDate(iso, language);
  const signedWithAdoption = data.adoptionDate !== undefined && data.signingDate === data.adoptionDate;
  return {
    ...(data.actNumber !== undefined ? { number: numberLine(data.actNumber) } : {}),
    ...(data.adoptionDate !== undefined ? { date: date(data.adoptionDate) } : {}),
    ...(data.signatoryName !== undefined ? { signatory: `${adoptingBodyText(body, language).signatory} ${data.signatoryName}` } : {}),
    ...(data.signingDate !== undefined && !signedWithAdoption ? { signing: signingLine(date(data.signingDate), language) } : {}),
    ...(data.registrationCode !== undefined && data.publicationDate !== undefined
      ? { publication: publicationLine(date(data.publicationDate), data.registrationCode, language) }
      : {}),
  };
}

/** True when a move records nothing the text shows. */
export function isEmpty(lines: RecordedLines): boolean {
  return Object.keys(lines).length === 0;
}

/**
 * Writes the lines into the act, inside `editor.update`; returns whether anything changed. A line already
 * written by an earlier recording is replaced, never repeated, so an act returned and adopted again still
 * has one number and one signature.
 */
export function $writeRecordedLines(lines: RecordedLines, language: Language, body: AdoptingBody): boolean {
  let changed = false;
  const parts = (): ActPartNode[] => $getRoot().getChildren().filter($isActPartNode);
  const ofPart = (part: ActPart): ActPartNode[] => parts().filter((p) => p.getPart() === part);
  const set = (node: ActPartNode, text: string): void => {
    if (node.getTextContent() === text) return;
    node.clear();
    node.append($createTextNode(text));
    changed = true;
  };
  /** A new line after `after`; a header line without its neighbour goes first, a signature line before the annexes. */
  const place = (part: ActPart, text: string, after: LexicalNode | null): void => {
    const node = $createActPartNode(part);
    node.append($createTextNode(text));
    const root = $getRoot();
    const before = part === 'signature' ? root.getChildren().find($isAnnexNode) : root.getFirstChild();
    if (after) after.insertAfter(node);
    else if (before) before.insertBefore(node);
    else root.append(node);
    changed = true;
  };
  const header = (part: 'number' | 'date', text: string, after: ActPart): void => {
    const existing = ofPart(part)[0];
    if (existing) set(existing, text);
    else place(part, text, ofPart(after)[0] ?? null);
  };

  if (lines.number) header('number', lines.number, 'actType');
  if (lines.date) header('date', lines.date, 'number');
  if (lines.signatory) {
    const title = adoptingBodyText(body, language).signatory;
    const signature = ofPart('signature');
    const target = signature.find((p) => p.getTextContent().startsWith(title)) ?? signature.find((p) => p.getTextContent().includes(BLANK)) ?? signature[0];
    if (target) set(target, lines.signatory);
    else place('signature', lines.signatory, null);
  }
  for (const kind of ['signing', 'publication'] as const) {
    const text = lines[kind];
    if (!text) continue;
    const prefix = RECORDED_LINE_PREFIXES[kind][language];
    const signature = ofPart('signature');
    const existing = signature.find((p) => p.getTextContent().startsWith(prefix));
    if (existing) set(existing, text);
    else place('signature', text, signature.at(-1) ?? null);
  }
  return changed;
}
