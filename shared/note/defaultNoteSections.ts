import type { NoteSections } from './noteSections';

/**
 * The sections of an explanatory note that councils' Rules of Procedure commonly ask for (GLOSSARY.md). A
 * workspace replaces them with its own council's list through `PUT /api/note-sections`.
 */
export const DEFAULT_NOTE_SECTIONS: NoteSections = {
  sections: [
    { key: 'reason', title: { ka: 'პროექტის მიღების მიზეზი', en: 'The reason for the draft' } },
    { key: 'aim', title: { ka: 'პროექტის მიზანი', en: 'The aim of the draft' } },
    { key: 'content', title: { ka: 'პროექტის ძირითადი არსი', en: 'The main content of the draft' } },
    {
      key: 'budget',
      title: {
        ka: 'პროექტის გავლენა მუნიციპალიტეტის ბიუჯეტზე (შემოსავლები და ხარჯები)',
        en: 'The effect of the draft on the municipal budget (revenues and spending)',
      },
    },
    { key: 'consultation', title: { ka: 'ჩატარებული კონსულტაციები და მათი შედეგები', en: 'The consultation held and its results' } },
    { key: 'authors', title: { ka: 'პროექტის ავტორი და წარმდგენი', en: 'The author and the presenter of the draft' } },
  ],
};
