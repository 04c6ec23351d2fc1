import { isIsoDate } from '../../../shared/lang/dates';
import type { Language } from '../../../shared/lang/language';
import type { AnnexModel, DocumentModel } from '../../../shared/model/documentModel';
import type { ExportContext } from '../../../shared/model/exportContext';
import { bareActNumber, exportHeader } from '../actHeader';
import { el, serializeXml, type XmlElement } from '../xml';
import { bodyElements, EidRegistry, textParagraphs } from './body';
import { frbrIdentity, identification, references, type FrbrIdentity } from './frbr';

/** The namespace of OASIS LegalDocML, Akoma Ntoso 3.0. */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

// Elements written on one line with all they hold, so no whitespace is added inside their text.
const INLINE_ELEMENTS: ReadonlySet<string> = new Set(['p', 'num', 'heading']);

const DRAFT_STATUS: Readonly<Record<Language, string>> = { ka: 'პროექტი', en: 'Draft' };

/**
 * The act as Akoma Ntoso 3.0 XML (OASIS LegalDocML): a <bill> while it is a draft, an <act> once the
 * council adopted it, with FRBR identifiers under /akn/ge-<municipality>/, its chapters, articles,
 * paragraphs and points, the signature as conclusions, and each annex as an attachment.
 */
export function exportAkomaNtoso(model: DocumentModel, context: ExportContext): string {
  const id = frbrIdentity(model, context);
  const ids = new EidRegistry();
  const body = bodyElements(model.body, ids);
  const document = el(
    context.adoption ? 'act' : 'bill',
    { name: model.header.actType },
    el('meta', {}, identification(id), references(model, context)),
    preface(model, context),
    preamble(model),
    // A body must hold at least one hierarchical element, even for an act with no articles yet.
    el(
      'body',
      {},
      body.length
        ? body
        : el('hcontainer', { eId: 'hcontainer_1', name: 'text' }, el('content', {}, el('p'))),
    ),
    model.signature.length
      ? el(
          'conclusions',
          {},
          model.signature.flatMap((line) => textParagraphs(line, { class: 'signature' })),
        )
      : null,
    model.annexes.length
      ? el(
          'attachments',
          {},
          model.annexes.map((annex, i) => attachment(annex, i, id, ids)),
        )
      : null,
  );
  return serializeXml(el('akomaNtoso', { xmlns: AKN_NAMESPACE }, document), INLINE_ELEMENTS);
}

/** The header of the act: issuing body, type, number, date, place and title, each in its own line. */
function preface(model: DocumentModel, context: ExportContext): XmlElement {
  const header = exportHeader(model, context);
  const line = (cls: string, child: XmlElement | string | null): XmlElement | null =>
    child === null ? null : el('p', { class: cls }, child);
  const present = (text: string): boolean => text.replace(/[\s_№]/g, '') !== '';
  const number = bareActNumber(header.number);
  return el(
    'preface',
    {},
    line('issuingBody', present(header.issuingBody) ? el('docAuthority', {}, header.issuingBody) : null),
    line('actType', present(header.actTypeLabel) ? el('docType', {}, header.actTypeLabel) : null),
    line('number', number ? el('docNumber', {}, header.number) : null),
    line(
      'date',
      context.adoption && isIsoDate(context.adoption.adoptionDate)
        ? el('docDate', { date: context.adoption.adoptionDate }, header.date)
        : present(header.date)
          ? header.date
          : null,
    ),
    line('place', present(header.place) ? header.place : null),
    line('status', context.adoption ? null : el('docStatus', {}, DRAFT_STATUS[model.language])),
    line('title', el('docTitle', {}, model.title)),
  );
}

/** The legal basis as lines, then the enacting formula ("… საკრებულო ადგენს:"). */
function preamble(model: DocumentModel): XmlElement | null {
  const lines = model.preamble.flatMap((line) => textParagraphs(line));
  const formula = model.enactingFormula.trim()
    ? el('formula', { name: 'enactingFormula' }, textParagraphs(model.enactingFormula))
    : null;
  return lines.length || formula ? el('preamble', {}, lines, formula) : null;
}

/**
 * An annex as its own document inside the act: it carries its own identification (a component of the
 * act's work), its label and heading as preface, and its body, whose article numbers restart.
 */
function attachment(annex: AnnexModel, index: number, id: FrbrIdentity, ids: EidRegistry): XmlElement {
  const eId = ids.unique(`att_${index + 1}`);
  const body = bodyElements(annex.body, ids, eId);
  return el(
    'attachment',
    { eId },
    el(
      'doc',
      { name: 'annex' },
      el('meta', {}, identification(id, `annex_${index + 1}`, annex.heading || annex.label)),
      el(
        'preface',
        {},
        el('p', { class: 'annexLabel' }, el('docNumber', {}, annex.label)),
        el('p', { class: 'title' }, el('docTitle', {}, annex.heading)),
      ),
      el('mainBody', {}, body.length ? body : el('p')),
    ),
  );
}
