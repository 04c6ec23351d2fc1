import type { Language } from '../../../shared/lang/language';
import { isIsoDate } from '../../../shared/lang/dates';
import { councilName, resolveMunicipality } from '../../../shared/lang/municipalities';
import type { DocumentModel } from '../../../shared/model/documentModel';
import type { ExportContext } from '../../../shared/model/exportContext';
import { bareActNumber } from '../actHeader';
import { asciiSlug, transliterateGeorgian } from '../transliterate';
import { el, type XmlElement } from '../xml';

/** ISO 639-2 codes of the act's languages, as FRBRlanguage and the expression URI carry them. */
export const AKN_LANGUAGE: Readonly<Record<Language, string>> = { ka: 'kat', en: 'eng' };

/** Names of the agents the metadata refers to with "#…". */
export const AKN_AGENT = {
  /** The software that wrote the XML: the source of every metadata block. */
  sajaro: 'sajaro',
  /** The municipal council that issues the act: its author. */
  council: 'council',
} as const;

/** What stands in the URI in place of a date or number an act does not have yet. */
const DRAFT = 'draft';

/** The FRBR identity of one exported act: its work, expression and manifestation URIs and dates. */
export interface FrbrIdentity {
  /** "/akn/ge-bagdati/act/dadgenileba/2026-09-15/12". */
  readonly work: string;
  /** "…/kat@2026-09-15", or "…/kat@" before adoption. */
  readonly expression: string;
  readonly workDate: { readonly date: string; readonly name: string };
  readonly exportDate: string;
  readonly actType: string;
  /** The act number, or null before adoption. */
  readonly number: string | null;
  readonly language: Language;
  readonly versionId: string | null;
}

/**
 * The FRBR identity of the act, following the Akoma Ntoso Naming Convention: the country is "ge" with the
 * municipality as its subdivision ("ge-bagdati"), and a draft has "draft" in place of its date and number.
 */
export function frbrIdentity(model: DocumentModel, context: ExportContext): FrbrIdentity {
  const adoption =
    context.adoption && isIsoDate(context.adoption.adoptionDate) ? context.adoption : undefined;
  const number = adoption ? uriSegment(bareActNumber(adoption.actNumber)) || null : null;
  const exportDate = context.exportedAt.slice(0, 10);
  const work = [
    '/akn',
    `ge-${municipalitySlug(context.municipality)}`,
    'act',
    model.header.actType,
    adoption?.adoptionDate ?? DRAFT,
    number ?? DRAFT,
  ].join('/');
  return {
    work,
    expression: `${work}/${AKN_LANGUAGE[model.language]}@${adoption?.adoptionDate ?? ''}`,
    // FRBRdate must be a real date: a draft is dated by its export.
    workDate: adoption
      ? { date: adoption.adoptionDate, name: 'adoption' }
      : { date: exportDate, name: DRAFT },
    exportDate,
    actType: model.header.actType,
    number,
    language: model.language,
    versionId: context.version?.id ?? null,
  };
}

/** "bagdati" for a preset municipality, a romanized slug for a free entry ("ჭიათურა" → "chiatura"). */
export function municipalitySlug(municipality: string): string {
  const resolved = resolveMunicipality(municipality);
  return resolved.id || asciiSlug(resolved.name.en) || 'unknown';
}

/** An act number made safe for a URI segment: romanized, with anything but [A-Za-z0-9.-] as "-". */
function uriSegment(text: string): string {
  return transliterateGeorgian(text)
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The <identification> block of the act, or of one of its annexes when `component` names it ("annex_1"):
 * a component keeps the work's FRBRuri and names itself in FRBRthis.
 */
export function identification(id: FrbrIdentity, component = 'main', alias?: string): XmlElement {
  const authorCouncil = el('FRBRauthor', { href: `#${AKN_AGENT.council}` });
  return el(
    'identification',
    { source: `#${AKN_AGENT.sajaro}` },
    el(
      'FRBRWork',
      {},
      el('FRBRthis', { value: `${id.work}/!${component}` }),
      el('FRBRuri', { value: id.work }),
      alias ? el('FRBRalias', { value: alias, name: 'title' }) : null,
      el('FRBRdate', { date: id.workDate.date, name: id.workDate.name }),
      authorCouncil,
      el('FRBRcountry', { value: 'ge' }),
      id.number ? el('FRBRnumber', { value: id.number }) : null,
      el('FRBRname', { value: id.actType }),
    ),
    el(
      'FRBRExpression',
      {},
      el('FRBRthis', { value: `${id.expression}/!${component}` }),
      el('FRBRuri', { value: id.expression }),
      el('FRBRdate', { date: id.workDate.date, name: id.workDate.name }),
      authorCouncil,
      id.versionId ? el('FRBRversionNumber', { value: id.versionId }) : null,
      el('FRBRlanguage', { language: AKN_LANGUAGE[id.language] }),
    ),
    el(
      'FRBRManifestation',
      {},
      el('FRBRthis', { value: `${id.expression}/!${component}.xml` }),
      el('FRBRuri', { value: `${id.expression}.akn` }),
      el('FRBRdate', { date: id.exportDate, name: 'generation' }),
      el('FRBRauthor', { href: `#${AKN_AGENT.sajaro}` }),
    ),
  );
}

/** The <references> block: Sajaro as the source of the metadata, the council as the author of the act. */
export function references(model: DocumentModel, context: ExportContext): XmlElement {
  const municipality = resolveMunicipality(context.municipality);
  const council = model.header.issuingBody.trim() || councilName(municipality, model.language);
  return el(
    'references',
    { source: `#${AKN_AGENT.sajaro}` },
    el('TLCOrganization', { eId: AKN_AGENT.sajaro, href: '/ontology/organization/sajaro', showAs: 'Sajaro' }),
    el('TLCOrganization', {
      eId: AKN_AGENT.council,
      href: `/ontology/organization/ge-${municipalitySlug(context.municipality)}/sakrebulo`,
      showAs: council,
    }),
  );
}
