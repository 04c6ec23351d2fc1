import type { documentsStringsEn } from './documentsStrings.en';

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** Georgian UI strings of the act list's renaming and archiving, and of the new-act dialog (issue 15); spread into ka.ts. */
export const documentsStringsKa: Strings<typeof documentsStringsEn> = {
  acts: {
    actions: 'მოქმედებები',
    rename: 'სათაურის შეცვლა',
    renameTitle: 'აქტის სათაურის შეცვლა',
    renameExplain: 'სათაური აქტის ტექსტის ნაწილია: ის ყველასთვის შეიცვლება აქტში, ცვლილება კი აღირიცხება.',
    renameLabel: 'ახალი სათაური',
    renameSave: 'სათაურის შენახვა',
    renameLocked: 'მიღებული აქტის ტექსტი, მათ შორის სათაური, დაბლოკილია.',
    archive: 'არქივში გადატანა',
    archiveTitle: 'გადავიდეს არქივში „{{title}}“?',
    archiveExplain: 'აქტი ყველასთვის გაქრება სიიდან და დაფიდან. არაფერი იშლება: ტექსტი, ვერსიები და შენიშვნები შენახულია, კოორდინატორს კი შეუძლია აღადგინოს ის „დაარქივებული აქტებიდან“.',
    archiveConfirm: 'არქივში გადატანა',
    restore: 'აღდგენა',
    archived: 'დაარქივებული აქტები',
    showArchived: 'დაარქივებული აქტები ({{count}})',
    showActive: 'მოქმედ აქტებზე დაბრუნება',
    archivedOn: 'დაარქივდა: {{date}}',
    archivedEmpty: 'დაარქივებული აქტი არ არის.',
    close: 'დახურვა',
    no: 'არა, დარჩეს',
    working: 'ინახება…',
  },
  templates: {
    choose: 'საიდან დავიწყოთ',
    blankLine: 'ცარიელი აქტი სათაურით, პრეამბულითა და ერთი მუხლით: ყველაფრისთვის, რასაც შაბლონები არ მოიცავს.',
    mostUsed: 'აქ ყველაზე ხშირად გამოყენებული',
  },
};
