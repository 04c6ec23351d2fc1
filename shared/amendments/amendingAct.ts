import { formatActDate, isIsoDate } from '../lang/dates';
import type { Language } from '../lang/language';
import { amendmentChanges, consolidatedForm, type AmendmentChange } from './changes';
import { AMENDMENT_FORMULAE, type NamedAct } from './amendmentFormulae';
import type { ArticleModel, ClauseModel, DocumentModel, TextModel } from '../model/documentModel';
import { renderPlainText } from '../model/plainText';

/** The amended act as the amending act names it: title, date, number and Herald registration code. */
export interface AmendedAct {
  readonly title: string;
  readonly issuingBody: string;
  readonly actTypeLabel: string;
  readonly actNumber: string;
  /** YYYY-MM-DD. */
  readonly adoptionDate: string;
  readonly registrationCode: string | null;
}

/** What the generator reads: the act in force, its revision, and how the amended act is named. */
export interface AmendingActInput {
  readonly amended: AmendedAct;
  /** The text in force (the edition the revision started from). */
  readonly inForce: DocumentModel;
  /** The revision's current text, numbered against the act in force (stableNumbering.ts). */
  readonly revision: DocumentModel;
  /** True when the amending act repeals the whole act instead ("ძალადაკარგულად გამოცხადდეს"). */
  readonly repeal?: boolean;
  /** The amending act's own adoption record, once the council adopted it. */
  readonly adoption?: { readonly actNumber: string; readonly adoptionDate: string } | null;
}

/** The amending act: its model (a DocumentModel like any act's), its text, and the changes it lists. */
export interface AmendingAct {
  readonly model: DocumentModel;
  readonly text: string;
  readonly changes: readonly AmendmentChange[];
}

const KA_MONTHS_GENITIVE = ['იანვრის', 'თებერვლის', 'მარტის', 'აპრილის', 'მაისის', 'ივნისის', 'ივლისის', 'აგვისტოს', 'სექტემბრის', 'ოქტომბრის', 'ნოემბრის', 'დეკემბრის'];

/** A date in the genitive, as a title names an act by it: "2024 წლის 14 ივლისის"; English as formatActDate. */
export function actDateGenitive(iso: string, language: Language): string {
  if (language === 'en' || !isIsoDate(iso)) return formatActDate(iso, language);
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${year} წლის ${day} ${KA_MONTHS_GENITIVE[month - 1]}`;
}

/**
 * Derives the amending act ("… ცვლილების შეტანის შესახებ") from the article-aligned diff between the act in
 * force and its revision, in the glossary's formulae and the act's language: each change one numbered point
 * of the amending article, in the order of the units it changes. Pure.
 */
export function generateAmendingAct(input: AmendingActInput): AmendingAct {
  const language = input.revision.language;
  const f = AMENDMENT_FORMULAE[language];
  const named: NamedAct = {
    title: input.amended.title,
    issuingBody: input.amended.issuingBody,
    actTypeLabel: input.amended.actTypeLabel,
    actNumber: input.amended.actNumber,
    date: actDateGenitive(input.amended.adoptionDate, language),
    registrationCode: input.amended.registrationCode,
  };
  const changes = input.repeal ? [] : amendmentChanges(input.inForce, consolidatedForm(input.inForce, input.revision), language);
  const points: ClauseModel[] = changes.map((change, i) => ({
    kind: 'clause',
    key: `amendment-${i + 1}`,
    depth: 0,
    path: [i + 1],
    label: `${i + 1}.`,
    text: `${change.text}${i === changes.length - 1 ? '.' : ';'}`,
    children: [],
  }));
  const first: TextModel = { kind: 'text', text: input.repeal ? f.repeal(named) : f.intro(named, changes.length > 1) };
  const articleNo = (n: number) => (language === 'ka' ? `მუხლი ${n}` : `Article ${n}`);
  const ownType = input.revision.header.actTypeLabel || input.amended.actTypeLabel;
  const body: ArticleModel[] = [
    { kind: 'article', key: 'amending-article', number: 1, label: articleNo(1), heading: '', content: input.repeal ? [first] : [first, ...points] },
    { kind: 'article', key: 'entry-into-force', number: 2, label: articleNo(2), heading: '', content: [{ kind: 'text', text: f.entryIntoForce(ownType) }] },
  ];
  const { header } = input.revision;
  const adoption = input.adoption ?? null;
  const model: DocumentModel = {
    language,
    header: {
      ...header,
      number: adoption ? `№ ${adoption.actNumber}` : '№ ______',
      date: adoption ? formatActDate(adoption.adoptionDate, language) : '______',
    },
    title: input.repeal ? f.repealTitle(named) : f.title(named),
    preamble: [...f.preamble],
    enactingFormula: input.revision.enactingFormula,
    body,
    annexes: [],
    signature: [...input.revision.signature],
  };
  return { model, text: renderPlainText(model), changes };
}
