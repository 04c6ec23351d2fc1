import type { Cleanup } from './lifecycle';
import { serverForTest } from './lifecycle';
import { connectClient, type LexicalClient } from './lexicalClient';
import { $buildArticles, addMember } from './reviewHelpers';
import { api, waitFor } from './testServer';

/** The act the suggestion tests work on: three articles, the second with two paragraphs. */
export const ARTICLES = [
  { heading: 'მიზანი', paragraphs: ['ეს კოდექსი ადგენს ქცევის წესებს.'] },
  { heading: 'საჩუქრები', paragraphs: ['საჩუქრის მიღება აკრძალულია.', 'საჩუქარი ფასდება საბაზრო ფასით, საჩუქრის ღირებულება.'] },
  { heading: 'ინტერესთა კონფლიქტი', paragraphs: ['მოსამსახურე აცხადებს კონფლიქტს წერილობით.'] },
] as const;

/** The keys of the act's articles and their paragraphs, as `GET …/model` gives them. */
export interface ActKeys {
  readonly articles: string[];
  /** clauses[i][j]: the j-th paragraph of article i. */
  readonly clauses: string[][];
}

/** A member as the tests use one: token and id. */
export interface TestMember {
  readonly token: string;
  readonly id: string;
}

async function member(server: { url: string }, owner: string, name: string, role: string): Promise<TestMember> {
  const token = await addMember(server, owner, name, role);
  const me = await api(server, token, 'GET', '/api/me');
  return { token, id: me.body.id as string };
}

/**
 * A workspace with an act of three articles, the owner connected to it over sync, and a lawyer (reviewer),
 * two drafters and an observer.
 */
export async function suggestionAct(cleanup: Cleanup) {
  const { server } = await serverForTest(cleanup);
  const owner = server.workspace.ownerToken;
  const lawyer = await member(server, owner, 'ნინო იურისტი', 'reviewer');
  const drafter = await member(server, owner, 'გიორგი ბერიძე', 'drafter');
  const otherDrafter = await member(server, owner, 'თამარ ლომიძე', 'drafter');
  const observer = await member(server, owner, 'მოქალაქე ლევანი', 'observer');
  const docId: string = (await api(server, owner, 'POST', '/api/documents', { title: 'ეთიკის კოდექსი', language: 'ka' })).body.id;
  const alice: LexicalClient = await connectClient(server.url, docId, owner);
  cleanup.push(() => alice.destroy());
  alice.edit(() => $buildArticles(ARTICLES));
  const text = async (): Promise<string> => (await api(server, owner, 'GET', `/api/documents/${docId}/text`)).body as string;
  await waitFor(async () => (await text()).includes('აცხადებს კონფლიქტს'), 'the server has the articles');
  const model = (await api(server, owner, 'GET', `/api/documents/${docId}/model`)).body;
  const articles = model.body.filter((b: { kind: string }) => b.kind === 'article');
  const keys: ActKeys = {
    articles: articles.map((a: { key: string }) => a.key),
    clauses: articles.map((a: { content: { key: string }[] }) => a.content.map((c) => c.key)),
  };
  const suggest = (token: string, body: unknown) => api(server, token, 'POST', `/api/documents/${docId}/suggestions`, body);
  const decide = (token: string, sid: string, action: 'accept' | 'reject' | 'undo', body: unknown = {}) =>
    api(server, token, 'POST', `/api/documents/${docId}/suggestions/${sid}/${action}`, body);
  const list = async (): Promise<any[]> => (await api(server, owner, 'GET', `/api/documents/${docId}/suggestions`)).body.suggestions;
  const byId = async (sid: string): Promise<any> => (await list()).find((s) => s.id === sid);
  return { server, owner, lawyer, drafter, otherDrafter, observer, docId, alice, keys, text, suggest, decide, list, byId };
}

/** Collects a server-sent-events stream's text until aborted. */
export async function openStream(url: string, token: string, cleanup: Cleanup): Promise<{ received: () => string }> {
  const controller = new AbortController();
  cleanup.push(() => controller.abort());
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal: controller.signal });
  const reader = response.body!.getReader();
  let received = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      received += new TextDecoder().decode(value);
    }
  })().catch(() => undefined);
  await waitFor(() => received.includes('event: ready'), 'the stream opens');
  return { received: () => received };
}
