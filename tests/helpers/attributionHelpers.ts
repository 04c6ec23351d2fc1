import * as authProtocol from 'y-protocols/auth';
import { $getRoot, type ElementNode, type TextNode } from 'lexical';
import type { Role } from '../../shared/api/members';
import type { LexicalClient } from './lexicalClient';
import { api } from './testServer';

/** A member made by the owner: id, name and token. */
export interface TestMember {
  readonly id: string;
  readonly name: string;
  readonly token: string;
}

/** Adds a member with a role; the owner's token makes the call. */
export async function addMember(server: { url: string }, ownerToken: string, name: string, role: Role): Promise<TestMember> {
  const created = await api(server, ownerToken, 'POST', '/api/members', { name, role });
  if (created.status !== 201) throw new Error(`Expected the member to be created, got ${created.status}: ${JSON.stringify(created.body)}`);
  return { id: created.body.id as string, name, token: created.body.token as string };
}

/**
 * Edits the text of the top-level block whose text is `current` (its first text node), as a member would by
 * typing: `splice(offset, deleteCount, insert)` in Lexical, which the binding turns into Yjs inserts and
 * deletions of just those characters.
 */
export function spliceBlock(client: LexicalClient, current: string, offset: number, deleteCount: number, insert: string): void {
  client.edit(() => {
    const block = $getRoot()
      .getChildren<ElementNode>()
      .find((child) => child.getTextContent() === current);
    if (!block) throw new Error(`Expected a block with the text '${current}'`);
    (block.getFirstChild() as TextNode).spliceText(offset, deleteCount, insert);
  });
}

/** The reasons the server gave this client for refusing its updates (y-websocket's permission-denied). */
export function collectDenials(client: LexicalClient): string[] {
  const reasons: string[] = [];
  client.provider.messageHandlers[2] = (_encoder, decoder) => authProtocol.readAuthMessage(decoder, client.doc, (_doc, reason) => reasons.push(reason));
  return reasons;
}
