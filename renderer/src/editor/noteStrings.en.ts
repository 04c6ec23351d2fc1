/** English UI strings of the explanatory note (issue 13, §3); spread into en.ts as `note`. */
export const noteStringsEn = {
  note: {
    tabs: 'Act and explanatory note',
    actTab: 'Act',
    noteTab: 'Explanatory note',
    explain: 'The explanatory note goes to the council with the draft. Write under each heading; the headings follow the council’s Rules of Procedure.',
    label: 'explanatory note text',
    export: 'Explanatory note (.docx)',
  },
} as const;
