import type { pageStringsEn } from './pageStrings.en';

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** Georgian UI strings of the calm act page (issue 15), with the same keys as the English ones; spread into ka.ts. */
export const pageStringsKa: Strings<typeof pageStringsEn> = {
  side: {
    label: 'გვერდითი პანელი',
    outline: 'სტრუქტურა',
    review: 'შენიშვნები',
    versions: 'ვერსიები',
    stage: 'ეტაპი',
  },
  shortcuts: {
    title: 'კლავიატურის მალსახმობები',
    explain: 'Mac-ზე Ctrl-ის ნაცვლად გამოიყენეთ ⌘. ეს სია ხელახლა გაიხსნება ? ღილაკით, თუ კურსორი ტექსტში არ დგას.',
    close: 'დახურვა',
    groups: { structure: 'აქტის სტრუქტურა', review: 'შენიშვნები, შეთავაზებები და ცვლილებები', editing: 'ტექსტი', page: 'გვერდი' },
    items: {
      article: 'ახალი მუხლი მიმდინარის შემდეგ',
      paragraph: 'ახალი პუნქტი (1. 2. …)',
      subparagraph: 'ახალი ქვეპუნქტი (ა) ბ) …)',
      chapter: 'ახალი თავი მიმდინარე მუხლის წინ',
      reference: 'მითითება მუხლზე ან პუნქტზე',
      indent: 'ერთი საფეხურით შიგნით: პუნქტი → ქვეპუნქტი',
      outdent: 'ერთი საფეხურით გარეთ: ქვეპუნქტი → პუნქტი → მუხლი',
      moveUp: 'მუხლის ზემოთ გადატანა (კურსორი მუხლში, სათაურშიც)',
      moveDown: 'მუხლის ქვემოთ გადატანა',
      comment: 'შენიშვნა მონიშნულ ტექსტზე',
      suggestingMode: 'რედაქტირებასა და შეთავაზებას შორის გადართვა',
      nextChange: 'შემდეგი შეცვლილი მუხლი (როცა ცვლილებები ჩანს)',
      previousChange: 'წინა შეცვლილი მუხლი',
      undo: 'თქვენი ბოლო ცვლილების დაბრუნება',
      redo: 'გამეორება',
      bold: 'მუქი',
      italic: 'დახრილი',
      underline: 'ხაზგასმული',
      shortcuts: 'მალსახმობების ეს სია',
      closeDialog: 'ფანჯრის დახურვა',
    },
  },
  structure: {
    moveAcrossChapter: 'მუხლი მხოლოდ თავის ფარგლებში გადაადგილდება. სხვა თავში გადასატანად ამოჭერით (Ctrl+X) და იქ ჩასვით (Ctrl+V).',
    moveFirst: 'ეს უკვე პირველი მუხლია.',
    moveLast: 'ეს უკვე ბოლო მუხლია.',
    moveNoArticle: 'კურსორი დააყენეთ იმ მუხლში, რომლის გადატანაც გსურთ (სათაურში ან რომელიმე პუნქტში).',
    dismiss: 'კარგი',
  },
  opening: {
    starting: 'აქტი იხსნება…',
    progress: 'აქტი იხსნება… {{percent}} %',
  },
  can: {
    why: 'თქვენს როლს ({{role}}) ეს არ შეუძლია: {{reason}}.',
    createDocument: 'აქტს ქმნიან მხოლოდ კოორდინატორი და შემდგენელი',
    editText: 'ტექსტს ცვლიან მხოლოდ კოორდინატორი და შემდგენელი',
    archiveDocument: 'აქტს არქივში გადაიტანს და აღადგენს მხოლოდ კოორდინატორი',
  },
};
