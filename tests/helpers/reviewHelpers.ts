import { $createTextNode, $getRoot, $isTextNode, type ElementNode, type LexicalNode, type TextNode } from 'lexical';
import * as Y from 'yjs';
import { $createArticleNode, $createClauseNode } from '../../shared/nodes';
import { actRoot, readActText, type TextPoint } from '../../shared/review/actText';
import { createTextAnchor, type TextAnchor } from '../../shared/review/textAnchor';
import type { LexicalClient } from './lexicalClient';
import { api } from './testServer';

/** An article to build: its heading and its paragraphs' texts. */
export interface ArticleSpec {
  readonly heading: string;
  readonly paragraphs: readonly string[];
}

/** Replaces the body of a blank act (everything between the enacting formula and the signature) with articles. */
export function $buildArticles(articles: readonly ArticleSpec[]): void {
  const blocks = $getRoot().getChildren();
  const signature = blocks.find((b) => (b as ElementNode & { getPart?: () => string }).getPart?.() === 'signature');
  for (const block of blocks) {
    const type = block.getType();
    if (type === 'article' || type === 'clause' || type === 'chapter' || type === 'paragraph') block.remove();
  }
  for (const spec of articles) {
    const article = $createArticleNode().append($createTextNode(spec.heading));
    const clauses = spec.paragraphs.map((text) => $createClauseNode(0).append($createTextNode(text)));
    for (const node of [article, ...clauses]) {
      if (signature) signature.insertBefore(node);
      else $getRoot().append(node);
    }
  }
}

/** The text node that holds `needle`, and where in it. Must run inside a read or update. */
export function $textNodeWith(needle: string): { node: TextNode; offset: number } {
  const visit = (node: LexicalNode): { node: TextNode; offset: number } | null => {
    if ($isTextNode(node)) {
      const offset = node.getTextContent().indexOf(needle);
      return offset >= 0 ? { node, offset } : null;
    }
    for (const child of (node as ElementNode).getChildren?.() ?? []) {
      const found = visit(child);
      if (found) return found;
    }
    return null;
  };
  const found = visit($getRoot());
  if (!found) throw new Error(`Expected a text node with '${needle}' in the editor`);
  return found;
}

/** The points around the first occurrence of `needle` in one segment of an act's Y.Doc. */
export function pointsOf(doc: Y.Doc, needle: string): { from: TextPoint; to: TextPoint } {
  const act = readActText(doc);
  const segment = act.segments.find((s) => s.text.includes(needle));
  if (!segment) throw new Error(`Expected '${needle}' in the act`);
  const offset = segment.text.indexOf(needle);
  return { from: { path: segment.path, offset }, to: { path: segment.path, offset: offset + needle.length } };
}

/** An anchor on the first occurrence of `needle`, placed in a client's own copy of the act. */
export function anchorOn(doc: Y.Doc, needle: string): TextAnchor {
  const { from, to } = pointsOf(doc, needle);
  const anchor = createTextAnchor(doc, from, to);
  if (!anchor.ok) throw new Error(anchor.error);
  return anchor.value;
}

/**
 * A Yjs undo manager on a client's editor root, tracking the client's own Lexical edits as
 * CollaborationPlugin's does (its tracked origin is the binding, which the client does not expose, so it
 * is picked up from the client's first local transaction).
 */
export function undoManagerOf(client: LexicalClient): Y.UndoManager {
  const undo = new Y.UndoManager(actRoot(client.doc), { trackedOrigins: new Set([null]) });
  client.doc.on('beforeTransaction', (transaction: Y.Transaction) => {
    const origin = transaction.origin as { collabNodeMap?: unknown } | null;
    if (transaction.local && origin && typeof origin === 'object' && 'collabNodeMap' in origin) undo.addTrackedOrigin(origin);
  });
  return undo;
}

/** Creates a member with a role and returns their token. */
export async function addMember(server: { url: string }, ownerToken: string, name: string, role: string): Promise<string> {
  const created = await api(server, ownerToken, 'POST', '/api/members', { name, role });
  if (created.status !== 201) throw new Error(`Expected to create member ${name}: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.token as string;
}

/** One thread as GET /api/documents/:id/comments returns it. */
export async function threadById(server: { url: string }, token: string, docId: string, threadId: string): Promise<any> {
  const listed = await api(server, token, 'GET', `/api/documents/${docId}/comments`);
  if (listed.status !== 200) throw new Error(`Expected the comments of ${docId}: ${listed.status} ${JSON.stringify(listed.body)}`);
  return listed.body.threads.find((t: { id: string }) => t.id === threadId);
}
