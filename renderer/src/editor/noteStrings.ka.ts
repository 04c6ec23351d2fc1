import type { noteStringsEn } from './noteStrings.en';

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** Georgian UI strings of the explanatory note (issue 13, §3); spread into ka.ts as `note`. */
export const noteStringsKa: Strings<typeof noteStringsEn> = {
  note: {
    tabs: 'აქტი და განმარტებითი ბარათი',
    actTab: 'აქტი',
    noteTab: 'განმარტებითი ბარათი',
    explain: 'განმარტებითი ბარათი საკრებულოს წარედგინება პროექტთან ერთად. შეავსეთ თითოეული განყოფილება; სათაურები შეესაბამება საკრებულოს რეგლამენტს.',
    label: 'განმარტებითი ბარათის ტექსტი',
    export: 'განმარტებითი ბარათი (.docx)',
  },
};
