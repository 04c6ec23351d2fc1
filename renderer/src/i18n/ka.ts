import { amendmentsStringsKa } from '../amendments/amendmentsStrings.ka';
import type { en } from './en';
import { workflowStringsKa } from '../workflow/workflowStrings.ka';
import { reviewStringsKa } from '../review/reviewStrings.ka';
import { membersStringsKa } from '../members/membersStrings.ka';
import { changesStringsKa } from '../changes/changesStrings.ka';
import { noteStringsKa } from '../editor/noteStrings.ka';
import { pageStringsKa } from '../editor/pageStrings.ka';
import { documentsStringsKa } from '../documents/documentsStrings.ka';
import { readinessStringsKa } from '../readiness/readinessStrings.ka';
import { suggestionsStringsKa } from '../suggestions/suggestionsStrings.ka';
import { errorStringsKa } from '../errors/errorStrings.ka';

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** Georgian UI strings: the authoritative language of the acts, and the first of the interface. */
export const ka: Strings<typeof en> = {
  app: { name: 'საჯარო', tagline: 'მუნიციპალური აქტების ერთობლივი შემუშავება' },
  language: { ka: 'ქართული', en: 'English', switch: 'ინტერფეისის ენა' },
  list: {
    title: 'სამუშაო სივრცის აქტები',
    empty: 'აქტები ჯერ არ არის. შექმენით პირველი შაბლონიდან.',
    new: 'ახალი აქტი',
    open: 'გახსნა',
    updated: 'ბოლო ცვლილება',
    languageColumn: 'ენა',
    municipality: 'მუნიციპალიტეტი',
    loading: 'აქტები იტვირთება…',
  },
  create: {
    title: 'ახალი აქტი',
    template: 'შაბლონი',
    blank: 'ცარიელი აქტი (შაბლონის გარეშე)',
    language: 'აქტის ენა',
    municipality: 'მუნიციპალიტეტი',
    otherMunicipality: 'სხვა…',
    otherMunicipalityName: 'მუნიციპალიტეტის სახელწოდება',
    actTitle: 'აქტის სათაური',
    placeholders: 'შესავსები მონაცემები',
    required: 'სავალდებულო',
    submit: 'აქტის შექმნა',
    creating: 'იქმნება…',
    cancel: 'დახურვა',
    templateErrors: 'ზოგიერთი შაბლონის ფაილი ვერ წაიკითხა:',
    adoptingBody: 'აქტს იღებს',
    adoptingBodyCouncil: 'საკრებულო (დადგენილება)',
    adoptingBodyMayor: 'მერი (ბრძანება)',
  },
  editor: {
    back: 'ყველა აქტი',
    outline: 'სტრუქტურა',
    noArticles: 'მუხლები ჯერ არ არის',
    insertArticle: 'მუხლი',
    insertParagraph: 'პუნქტი',
    insertSubparagraph: 'ქვეპუნქტი',
    insertChapter: 'თავი',
    insertReference: 'მითითება',
    indent: 'დონით ქვემოთ',
    outdent: 'დონით ზემოთ',
    moveUp: 'მუხლის ზემოთ გადატანა',
    moveDown: 'მუხლის ქვემოთ გადატანა',
    undo: 'დაბრუნება',
    redo: 'გამეორება',
    readOnly: 'მხოლოდ საკითხავად',
    shortcuts: 'კლავიშები',
    referencePrompt: 'რომელ მუხლს ან პუნქტს მიუთითოთ?',
    referenceCase: 'ფორმა წინადადებაში',
    loading: 'აქტი იხსნება…',
    notFound: 'ეს აქტი არ არსებობს, ან მასზე წვდომა არ გაქვთ.',
    accessEnded: 'აქტის ჩვენება შეუძლებელია: ეს ბმული სამუშაო სივრცეზე წვდომას აღარ იძლევა. აქ აკრეფილი და შეუნახავი ცვლილებები ამ ბრაუზერში რჩება.',
  },
  presence: { here: 'აქტში ახლა', you: 'თქვენ' },
  status: {
    synced: 'შენახულია სერვერზე',
    saving: 'ინახება…',
    connecting: 'უკავშირდება…',
    offline: 'კავშირი არ არის: ცვლილებები ინახება ამ კომპიუტერზე და გაიგზავნება კავშირის აღდგენისას',
    unsent: 'არ შენახულა: ბოლო ცვლილებები მხოლოდ ამ კომპიუტერზეა',
    closed: 'გათიშულია: თქვენი წვდომა შეწყდა',
  },
  name: { label: 'სახელი და გვარი', cancel: 'დახურვა', change: 'სახელის შეცვლა', title: 'თქვენი სახელი', explain: 'ამ სახელს სხვები დაინახავენ თქვენი კურსორის გვერდით, ასევე ეტაპების ისტორიაში, პასუხებში, ოქმებსა და აუდიტის ჟურნალში.', placeholder: 'მაგ.: ნინო ბერიძე', save: 'გაგრძელება' },
  auth: { missing: 'გახსენით საჯარო მიღებული მოწვევის ბმულით (ბოლოვდება #token=…-ით).', invalid: 'მოწვევის ბმული აღარ მოქმედებს. სთხოვეთ კოორდინატორს ახალი.' },
  export: { button: 'ექსპორტი', working: 'მიმდინარეობს ექსპორტი…', docx: 'Word-ის დოკუმენტი (.docx), ოფიციალური ფორმა', akn: 'Akoma Ntoso XML (LegalDocML)', saved: 'შენახულია: {{path}}', failed: 'ექსპორტი ვერ მოხერხდა: {{message}}' },
  dates: { placeholder: 'დდ.თთ.წწწწ', hint: 'დღე, თვე, წელი, მაგ.: 02.12.2026', invalid: 'შეიყვანეთ არსებული თარიღი ფორმით დღე.თვე.წელი, მაგ.: 02.12.2026' },
  errors: { generic: 'შეცდომა: {{message}}', network: 'სერვერი მიუწვდომელია. შეამოწმეთ კავშირი და სცადეთ ხელახლა.' },
  ...workflowStringsKa,
  ...reviewStringsKa,
  ...membersStringsKa,
  ...changesStringsKa,
  ...noteStringsKa,
  ...pageStringsKa,
  ...documentsStringsKa,
  ...readinessStringsKa,
  ...amendmentsStringsKa,
  ...suggestionsStringsKa,
  ...errorStringsKa,
};
