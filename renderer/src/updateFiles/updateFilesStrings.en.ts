/** English UI strings of work carried by hand (issue 14, part 4). Spread into en.ts as `updateFiles`. */
export const updateFilesStringsEn = {
  updateFiles: {
    button: 'File',
    save: 'Save my changes to a file',
    load: 'Load changes from a file…',
    exportForMember: 'Save the act for a member offline',
    working: 'Working…',
    saved: 'Your changes are in the file {{name}}. Take it to a place with a connection, or send it to a coordinator.',
    appliedAct: '“{{title}}”: {{updates}} text changes, {{comments}} comments and {{suggestions}} suggestions were added.',
    nothingNew: 'Nothing new: everything in this file is already in the workspace.',
    refusedAct: '“{{title}}” was not fully taken: {{reason}}',
    copyLoaded: 'The act’s text from the file is now in this computer’s copy; it works without a connection.',
    copyOtherAct: 'This file holds another act; open that act and load it there.',
    showChanges: 'Show the changes since my last visit',
    close: 'Close',
  },
} as const;
