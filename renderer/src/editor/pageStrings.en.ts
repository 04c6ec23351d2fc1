/**
 * English UI strings of the calm act page (issue 15): the side column's tabs, the shortcuts sheet, why a
 * structure command did nothing, and why a button is off for a role; spread into en.ts.
 */
export const pageStringsEn = {
  side: {
    label: 'Side panel',
    outline: 'Outline',
    review: 'Review',
    versions: 'Versions',
    stage: 'Stage',
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    explain: 'On a Mac, use ⌘ for Ctrl. Press ? anywhere outside the text to open this list again.',
    close: 'Close',
    groups: { structure: 'Structure of the act', review: 'Comments, suggestions and changes', editing: 'Text', page: 'Page' },
    items: {
      article: 'New article after the current one',
      paragraph: 'New paragraph (1. 2. …)',
      subparagraph: 'New subparagraph (a) b) …)',
      chapter: 'New chapter before the current article',
      reference: 'Refer to an article or paragraph',
      indent: 'Indent: paragraph → subparagraph',
      outdent: 'Outdent: subparagraph → paragraph → article',
      moveUp: 'Move the article up (cursor anywhere in it, its heading too)',
      moveDown: 'Move the article down',
      comment: 'Comment on the selected text',
      suggestingMode: 'Switch between editing and suggesting',
      nextChange: 'Next changed article (while changes are shown)',
      previousChange: 'Previous changed article',
      undo: 'Undo your last edit',
      redo: 'Redo',
      bold: 'Bold',
      italic: 'Italic',
      underline: 'Underline',
      shortcuts: 'This list of shortcuts',
      closeDialog: 'Close a dialog',
    },
  },
  structure: {
    moveAcrossChapter: 'An article moves only within its chapter. To move it into another chapter, cut it (Ctrl+X) and paste it there (Ctrl+V).',
    moveFirst: 'This is already the first article.',
    moveLast: 'This is already the last article.',
    moveNoArticle: 'Put the cursor in the article you want to move (its heading or any of its paragraphs).',
    dismiss: 'OK',
  },
  opening: {
    starting: 'Opening the act…',
    progress: 'Opening the act… {{percent}} %',
  },
  can: {
    why: 'Your role ({{role}}) cannot do this: {{reason}}.',
    createDocument: 'only coordinators and drafters create acts',
    editText: 'only coordinators and drafters change the text',
    archiveDocument: 'only coordinators archive and restore acts',
  },
} as const;
