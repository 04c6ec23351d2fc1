import { amendmentsStringsEn } from '../amendments/amendmentsStrings.en';
import { workflowStringsEn } from '../workflow/workflowStrings.en';
import { reviewStringsEn } from '../review/reviewStrings.en';
import { membersStringsEn } from '../members/membersStrings.en';
import { changesStringsEn } from '../changes/changesStrings.en';
import { noteStringsEn } from '../editor/noteStrings.en';
import { pageStringsEn } from '../editor/pageStrings.en';
import { documentsStringsEn } from '../documents/documentsStrings.en';
import { readinessStringsEn } from '../readiness/readinessStrings.en';
import { suggestionsStringsEn } from '../suggestions/suggestionsStrings.en';
import { errorStringsEn } from '../errors/errorStrings.en';

/** English UI strings. Keys are shared with ka.ts; a missing key falls back to English. */
export const en = {
  app: { name: 'Sajaro', tagline: 'Drafting municipal acts together' },
  language: { ka: 'ქართული', en: 'English', switch: 'Interface language' },
  list: {
    title: 'Acts of the workspace',
    empty: 'No acts yet. Create the first one from a template.',
    new: 'New act',
    open: 'Open',
    updated: 'Last edited',
    languageColumn: 'Language',
    municipality: 'Municipality',
    loading: 'Loading acts…',
  },
  create: {
    title: 'New act',
    template: 'Template',
    blank: 'Blank act (no template)',
    language: 'Language of the act',
    municipality: 'Municipality',
    otherMunicipality: 'Other…',
    otherMunicipalityName: 'Name of the municipality',
    actTitle: 'Title of the act',
    placeholders: 'Details to fill in',
    required: 'required',
    submit: 'Create act',
    creating: 'Creating…',
    cancel: 'Cancel',
    templateErrors: 'Some template files could not be read:',
    adoptingBody: 'Adopted by',
    adoptingBodyCouncil: 'the Sakrebulo (ordinance)',
    adoptingBodyMayor: 'the Mayor (order)',
  },
  editor: {
    back: 'All acts',
    outline: 'Outline',
    noArticles: 'No articles yet',
    insertArticle: 'Article',
    insertParagraph: 'Paragraph',
    insertSubparagraph: 'Subparagraph',
    insertChapter: 'Chapter',
    insertReference: 'Reference',
    indent: 'Indent',
    outdent: 'Outdent',
    moveUp: 'Move article up',
    moveDown: 'Move article down',
    undo: 'Undo',
    redo: 'Redo',
    readOnly: 'Read-only',
    shortcuts: 'Shortcuts',
    referencePrompt: 'Refer to which article or paragraph?',
    referenceCase: 'Form in the sentence',
    loading: 'Opening the act…',
    notFound: 'This act does not exist, or you have no access to it.',
    accessEnded: 'The act cannot be shown: this link no longer gives access to the workspace. Changes typed here that were not saved stay in this browser.',
  },
  presence: { here: 'In this act', you: 'you' },
  status: {
    synced: 'Saved to the server',
    saving: 'Saving…',
    connecting: 'Connecting…',
    offline: 'Offline: edits are kept on this computer and sent when the connection returns',
    unsent: 'Not saved: your last changes are only on this computer',
    closed: 'Disconnected: your access has ended',
  },
  name: { label: 'Your name', cancel: 'Cancel', change: 'Change your name', title: 'Your name', explain: 'Others see this name beside your cursor, and as yours in the stage history, replies, records and the audit log.', placeholder: 'e.g. Nino Beridze', save: 'Continue' },
  auth: { missing: 'Open Sajaro with the invitation link you received (it ends in #token=…).', invalid: 'This invitation link is no longer valid. Ask your coordinator for a new one.' },
  export: { button: 'Export', working: 'Exporting…', docx: 'Word document (.docx), official form', akn: 'Akoma Ntoso XML (LegalDocML)', saved: 'Saved to {{path}}', failed: 'Export failed: {{message}}' },
  dates: { placeholder: 'dd.mm.yyyy', hint: 'day, month, year, e.g. 02.12.2026', invalid: 'Enter a real date as day.month.year, e.g. 02.12.2026' },
  errors: { generic: 'Something went wrong: {{message}}', network: 'The server cannot be reached. Check the connection and try again.' },
  ...workflowStringsEn,
  ...reviewStringsEn,
  ...membersStringsEn,
  ...changesStringsEn,
  ...noteStringsEn,
  ...pageStringsEn,
  ...documentsStringsEn,
  ...readinessStringsEn,
  ...amendmentsStringsEn,
  ...suggestionsStringsEn,
  ...errorStringsEn,
} as const;
