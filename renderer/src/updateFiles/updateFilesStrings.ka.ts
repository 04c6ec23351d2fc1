/** Georgian UI strings of work carried by hand (issue 14, part 4). Spread into ka.ts as `updateFiles`. */
export const updateFilesStringsKa = {
  updateFiles: {
    button: 'ფაილი',
    save: 'ჩემი ცვლილებების ფაილად შენახვა',
    load: 'ცვლილებების ჩატვირთვა ფაილიდან…',
    exportForMember: 'აქტის შენახვა წევრისთვის, რომელსაც კავშირი არ აქვს',
    working: 'მიმდინარეობს…',
    saved: 'თქვენი ცვლილებები ფაილშია: {{name}}. წაიღეთ ის იქ, სადაც კავშირია, ან გაუგზავნეთ კოორდინატორს.',
    appliedAct: '„{{title}}“: დაემატა ტექსტის {{updates}} ცვლილება, {{comments}} კომენტარი და {{suggestions}} შეთავაზება.',
    nothingNew: 'ახალი არაფერია: ამ ფაილის ყველაფერი უკვე სამუშაო სივრცეშია.',
    refusedAct: '„{{title}}“ სრულად ვერ მიიღო: {{reason}}',
    copyLoaded: 'ფაილიდან აქტის ტექსტი ახლა ამ კომპიუტერის ასლშია; ის კავშირის გარეშეც მუშაობს.',
    copyOtherAct: 'ამ ფაილში სხვა აქტია; გახსენით ის აქტი და იქ ჩატვირთეთ.',
    showChanges: 'ცვლილებების ჩვენება ჩემი ბოლო ვიზიტის შემდეგ',
    close: 'დახურვა',
  },
} as const;
