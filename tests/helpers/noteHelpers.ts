import { $createTextNode, $getRoot, type ElementNode } from 'lexical';
import { noteRoomId } from '../../shared/note/noteRoom';
import { $isNoteSectionNode } from '../../shared/nodes/NoteSectionNode';
import { createNoteEditor } from '../../server/note/noteEditor';
import { connectClient } from './lexicalClient';
import { waitFor } from './testServer';
import type { Call } from './workflowHelpers';

/**
 * Writes a line into every empty section of an act's explanatory note, as a drafter would in the note's own
 * room (the note has no write route), and waits until the server's note shows them (issue 13, §3).
 */
export async function fillNote(call: Call, docId: string): Promise<void> {
  const emptyKeys = async () => ((await call('GET', `/api/documents/${docId}/note`)).body.sections as Array<{ key: string; text: string }>).filter((s) => s.key && !s.text).map((s) => s.key);
  const empty = await emptyKeys();
  if (empty.length === 0) return;
  if (!call.server || !call.token) throw new Error('Expected a caller made by caller(server, token) to fill the explanatory note');
  const client = await connectClient(call.server.url, noteRoomId(docId), call.token, { createEditor: createNoteEditor });
  try {
    client.edit(() => {
      for (const section of $getRoot().getChildren()) {
        if (!$isNoteSectionNode(section) || !empty.includes(section.getSectionKey())) continue;
        const first = section.getFirstChild() as ElementNode | null;
        first?.append($createTextNode(`The working group's text for ${section.getSectionKey()}.`));
      }
    });
    await waitFor(async () => (await emptyKeys()).length === 0, 'the explanatory note is filled');
  } finally {
    client.destroy();
  }
}
