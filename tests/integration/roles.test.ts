import { join } from 'node:path';
import { $getRoot, type TextNode } from 'lexical';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROLES, type Role } from '../../shared/api/members';
import { buildApp } from '../../server/api/app';
import { may, mayComment, PERMISSIONS, type Permission } from '../../server/auth/permissions';
import { openWorkspace } from '../../server/workspace';
import { connectClient, type LexicalClient } from '../helpers/lexicalClient';
import { serverAnswered } from '../helpers/syncProbe';
import { anchorOn } from '../helpers/reviewHelpers';
import { api, removeDir, ROOT, startTestServer, tempDataDir, waitFor } from '../helpers/testServer';
import { caller, THROUGH_CONSULTATION, walk } from '../helpers/workflowHelpers';

/**
 * Issue 7's table, route by route: every role can do exactly what PERMISSIONS says, and every refusal is a
 * 403 naming the missing permission. Every route the server registers must have a row here, so a new route
 * cannot slip in without its rule being tested.
 */

type Server = Awaited<ReturnType<typeof startTestServer>>;
/** What a request needs: the route's documents, thread and version, made by the owner. */
interface Context {
  server: Server;
  owner: string;
  tokens: Record<Role, string>;
  docId: string;
  consultationDocId: string;
  anchor: unknown;
  consultationAnchor: unknown;
  versionId: string;
  articleKey: string;
  /** The blank act's first paragraph, where suggestions insert text. */
  clauseKey: string;
  counter: number;
}

/** Who may call a route: a permission of the table, or commenting, which also depends on the act's stage. */
type Rule = { readonly permission: Permission } | { readonly comment: 'drafting' | 'public_consultation' };

interface RouteCase {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as the server registers it. */
  readonly route: string;
  readonly rule: Rule;
  /** The status an allowed member gets. */
  readonly ok: number;
  /** Server-sent events: only the status is read. */
  readonly stream?: boolean;
  /** Builds the request for a role, making whatever it consumes (a member to revoke, an open thread) first. */
  readonly request: (
    ctx: Context,
    role: Role,
  ) => Promise<{ path: string; body?: unknown }> | { path: string; body?: unknown };
}

const read = { permission: 'read' } as const;
const fresh = (ctx: Context, prefix: string) => `${prefix}-${(ctx.counter += 1)}`;
const ownerCall = (ctx: Context, method: string, path: string, body?: unknown) =>
  api(ctx.server, ctx.owner, method, path, body);

async function newThread(ctx: Context): Promise<string> {
  const created = await ownerCall(ctx, 'POST', `/api/documents/${ctx.docId}/comments`, {
    anchor: ctx.anchor,
    text: 'A remark to answer',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

/** An open suggestion that inserts a word at the start of the act's first paragraph. */
async function newSuggestion(ctx: Context): Promise<string> {
  const created = await ownerCall(ctx, 'POST', `/api/documents/${ctx.docId}/suggestions`, {
    target: { blockKey: ctx.clauseKey, quote: '', offset: 0 },
    text: `${fresh(ctx, 'word')} `,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

async function newDocument(ctx: Context): Promise<string> {
  const created = await ownerCall(ctx, 'POST', '/api/documents', {
    title: fresh(ctx, 'Act'),
    language: 'en',
  });
  return created.body.id as string;
}

const ROUTES: readonly RouteCase[] = [
  { method: 'GET', route: '/api/me', rule: read, ok: 200, request: () => ({ path: '/api/me' }) },
  { method: 'PATCH', route: '/api/me', rule: read, ok: 200, request: (ctx) => ({ path: '/api/me', body: { name: fresh(ctx, 'Me') } }) },
  {
    method: 'GET',
    route: '/api/members',
    rule: { permission: 'manageMembers' },
    ok: 200,
    request: () => ({ path: '/api/members' }),
  },
  {
    method: 'POST',
    route: '/api/members',
    rule: { permission: 'manageMembers' },
    ok: 201,
    request: (ctx) => ({ path: '/api/members', body: { name: fresh(ctx, 'Guest'), role: 'observer' } }),
  },
  {
    method: 'PATCH',
    route: '/api/members/:id',
    rule: { permission: 'manageMembers' },
    ok: 200,
    request: async (ctx) => ({
      path: `/api/members/${(await ownerCall(ctx, 'POST', '/api/members', { name: fresh(ctx, 'Victim'), role: 'observer' })).body.id}`,
      body: { role: 'reviewer' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/members/:id',
    rule: { permission: 'manageMembers' },
    ok: 204,
    request: async (ctx) => ({
      path: `/api/members/${(await ownerCall(ctx, 'POST', '/api/members', { name: fresh(ctx, 'Victim'), role: 'observer' })).body.id}`,
    }),
  },
  {
    method: 'GET',
    route: '/api/documents',
    rule: read,
    ok: 200,
    request: () => ({ path: '/api/documents' }),
  },
  {
    method: 'POST',
    route: '/api/documents',
    rule: { permission: 'createDocument' },
    ok: 201,
    request: (ctx) => ({ path: '/api/documents', body: { title: fresh(ctx, 'New act'), language: 'ka' } }),
  },
  {
    method: 'GET',
    route: '/api/documents/:id',
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}` }),
  },
  {
    method: 'PATCH',
    route: '/api/documents/:id',
    rule: { permission: 'editText' },
    ok: 200,
    request: async (ctx) => ({ path: `/api/documents/${await newDocument(ctx)}`, body: { title: fresh(ctx, 'Renamed act') } }),
  },
  {
    method: 'POST',
    route: '/api/documents/:id/archive',
    rule: { permission: 'archiveDocument' },
    ok: 200,
    request: async (ctx) => ({ path: `/api/documents/${await newDocument(ctx)}/archive` }),
  },
  {
    method: 'POST',
    route: '/api/documents/:id/restore',
    rule: { permission: 'archiveDocument' },
    ok: 200,
    request: async (ctx) => {
      const id = await newDocument(ctx);
      expect((await ownerCall(ctx, 'POST', `/api/documents/${id}/archive`)).status).toBe(200);
      return { path: `/api/documents/${id}/restore` };
    },
  },
  {
    method: 'GET',
    route: '/api/documents/:id/text',
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/text` }),
  },
  {
    method: 'GET',
    route: '/api/documents/:id/model',
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/model` }),
  },
  {
    method: 'GET',
    route: '/api/documents/:id/export.docx',
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/export.docx` }),
  },
  {
    method: 'GET',
    route: '/api/documents/:id/export.akn.xml',
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/export.akn.xml` }),
  },
  {
    method: 'GET',
    route: '/api/templates',
    rule: read,
    ok: 200,
    request: () => ({ path: '/api/templates' }),
  },
  {
    method: 'POST',
    route: '/api/templates',
    rule: { permission: 'manageTemplates' },
    ok: 201,
    request: (ctx) => ({
      path: '/api/templates',
      body: { fromDocumentId: ctx.docId, id: fresh(ctx, 'role-template'), title: 'Role template' },
    }),
  },
  { method: 'GET', route: '/api/workflow', rule: read, ok: 200, request: () => ({ path: '/api/workflow' }) },
  {
    method: 'PUT',
    route: '/api/workflow',
    rule: { permission: 'changeStage' },
    ok: 200,
    request: async (ctx) => ({
      path: '/api/workflow',
      body: (await ownerCall(ctx, 'GET', '/api/workflow')).body,
    }),
  },
  // Issue 13, §3: the explanatory note's section list (a coordinators' setting) and an act's note.
  { method: 'GET', route: '/api/note-sections', rule: read, ok: 200, request: () => ({ path: '/api/note-sections' }) },
  {
    method: 'PUT',
    route: '/api/note-sections',
    rule: { permission: 'changeStage' },
    ok: 200,
    request: async (ctx) => ({ path: '/api/note-sections', body: (await ownerCall(ctx, 'GET', '/api/note-sections')).body }),
  },
  { method: 'GET', route: '/api/documents/:id/note', rule: read, ok: 200, request: (ctx) => ({ path: `/api/documents/${ctx.docId}/note` }) },
  {
    method: 'GET',
    route: '/api/documents/:id/note/export.docx',
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/note/export.docx` }),
  },
  {
    method: 'GET',
    route: '/api/documents/:id/readiness',
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/readiness` }),
  },
  {
    method: 'GET',
    route: '/api/documents/:id/stages',
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/stages` }),
  },
  {
    method: 'POST',
    route: '/api/documents/:id/transitions',
    rule: { permission: 'changeStage' },
    ok: 200,
    request: async (ctx) => ({
      path: `/api/documents/${await newDocument(ctx)}/transitions`,
      body: { to: 'consolidation' },
    }),
  },
  {
    method: 'GET',
    route: '/api/documents/:id/versions',
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/versions` }),
  },
  {
    method: 'POST',
    route: '/api/documents/:id/versions',
    rule: { permission: 'saveVersion' },
    ok: 201,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/versions`, body: { name: fresh(ctx, 'Draft') } }),
  },
  {
    method: 'GET',
    route: '/api/documents/:id/versions/:versionId/model',
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/versions/${ctx.versionId}/model` }),
  },
  {
    method: 'GET',
    route: '/api/documents/:id/versions/:versionId/state',
    // The raw Yjs state keeps deleted text: only those who may edit it get it (issue 11, point 10).
    rule: { permission: 'editText' },
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/versions/${ctx.versionId}/state` }),
  },
  {
    method: 'GET',
    route: '/api/documents/:id/snapshot',
    // The same bytes as the member's sync step 2, so the same rule as reading the act over sync (issue 14).
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/snapshot` }),
  },
  {
    method: 'GET',
    route: '/api/documents/:id/diff',
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/diff?from=${ctx.versionId}&to=current` }),
  },
  {
    method: 'GET',
    route: '/api/documents/:id/diff/export.docx',
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/diff/export.docx?from=${ctx.versionId}&to=current` }),
  },
  {
    method: 'GET',
    route: '/api/documents/:id/changes',
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/changes?since=${ctx.versionId}` }),
  },
  {
    method: 'POST',
    route: '/api/documents/:id/visits',
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/visits` }),
  },
  {
    method: 'GET',
    route: '/api/documents/:id/comments',
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/comments` }),
  },
  {
    method: 'POST',
    route: '/api/documents/:id/comments',
    rule: { comment: 'drafting' },
    ok: 201,
    request: (ctx) => ({
      path: `/api/documents/${ctx.docId}/comments`,
      body: { anchor: ctx.anchor, text: 'A remark during drafting' },
    }),
  },
  {
    method: 'POST',
    route: '/api/documents/:id/comments',
    rule: { comment: 'public_consultation' },
    ok: 201,
    request: (ctx) => ({
      path: `/api/documents/${ctx.consultationDocId}/comments`,
      body: { anchor: ctx.consultationAnchor, text: 'A citizen’s remark' },
    }),
  },
  {
    method: 'GET',
    route: '/api/documents/:id/comments/export.docx',
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/comments/export.docx` }),
  },
  {
    method: 'GET',
    route: '/api/documents/:id/comments/export.csv',
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/comments/export.csv` }),
  },
  {
    method: 'POST',
    route: '/api/documents/:id/comments/:threadId/resolve',
    rule: { permission: 'editText' },
    ok: 200,
    request: async (ctx) => ({
      path: `/api/documents/${ctx.docId}/comments/${await newThread(ctx)}/resolve`,
      body: { outcome: 'accepted', reason: 'Agreed' },
    }),
  },
  {
    method: 'POST',
    route: '/api/documents/:id/comments/:threadId/reopen',
    rule: { comment: 'drafting' },
    ok: 200,
    request: async (ctx) => {
      const threadId = await newThread(ctx);
      await ownerCall(ctx, 'POST', `/api/documents/${ctx.docId}/comments/${threadId}/resolve`, {
        outcome: 'rejected',
        reason: 'Out of scope',
      });
      return { path: `/api/documents/${ctx.docId}/comments/${threadId}/reopen`, body: {} };
    },
  },
  {
    method: 'GET',
    route: '/api/documents/:id/reviews',
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/reviews` }),
  },
  {
    method: 'PUT',
    route: '/api/documents/:id/reviews/:articleKey',
    rule: { permission: 'review' },
    ok: 200,
    request: (ctx) => ({
      path: `/api/documents/${ctx.docId}/reviews/${ctx.articleKey}`,
      body: { status: 'changes_requested', note: 'Cite the law' },
    }),
  },
  {
    method: 'GET',
    route: '/api/documents/:id/review/events',
    rule: read,
    ok: 200,
    stream: true,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/review/events` }),
  },
  {
    method: 'GET',
    route: '/api/documents/:id/suggestions',
    rule: read,
    ok: 200,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/suggestions` }),
  },
  {
    method: 'POST',
    route: '/api/documents/:id/suggestions',
    rule: { comment: 'drafting' },
    ok: 201,
    request: (ctx) => ({
      path: `/api/documents/${ctx.docId}/suggestions`,
      body: { target: { blockKey: 'title:0', quote: 'ethics' }, text: 'conduct' },
    }),
  },
  {
    method: 'POST',
    route: '/api/documents/:id/suggestions',
    rule: { comment: 'public_consultation' },
    ok: 201,
    request: (ctx) => ({
      path: `/api/documents/${ctx.consultationDocId}/suggestions`,
      body: { target: { blockKey: 'title:0', quote: 'petition' }, text: 'petitions' },
    }),
  },
  {
    method: 'POST',
    route: '/api/documents/:id/suggestions/:sid/accept',
    rule: { permission: 'editText' },
    ok: 200,
    request: async (ctx) => ({ path: `/api/documents/${ctx.docId}/suggestions/${await newSuggestion(ctx)}/accept`, body: {} }),
  },
  {
    method: 'POST',
    route: '/api/documents/:id/suggestions/:sid/reject',
    rule: { permission: 'editText' },
    ok: 200,
    request: async (ctx) => ({
      path: `/api/documents/${ctx.docId}/suggestions/${await newSuggestion(ctx)}/reject`,
      body: { reason: 'Not needed' },
    }),
  },
  {
    method: 'POST',
    route: '/api/documents/:id/suggestions/:sid/undo',
    rule: { permission: 'editText' },
    ok: 200,
    // Only the decider may undo: a role that may decide decides itself, the others try the owner's decision.
    request: async (ctx, role) => {
      const id = await newSuggestion(ctx);
      const decider = may(role, 'editText') ? ctx.tokens[role] : ctx.owner;
      await api(ctx.server, decider, 'POST', `/api/documents/${ctx.docId}/suggestions/${id}/reject`, { reason: 'Not now' });
      return { path: `/api/documents/${ctx.docId}/suggestions/${id}/undo`, body: {} };
    },
  },
  {
    method: 'POST',
    route: '/api/documents/:id/suggestions/accept',
    rule: { permission: 'editText' },
    ok: 200,
    request: async (ctx) => ({
      path: `/api/documents/${ctx.docId}/suggestions/accept`,
      body: { ids: [await newSuggestion(ctx)] },
    }),
  },
  // Issue 13 §4: revisions, amending acts and editions. The shared act is a draft, so a member allowed past the
  // access rule meets the act's own answer: no revision yet (409, 404) and no edition in force (404).
  {
    method: 'POST',
    route: '/api/documents/:id/revisions',
    rule: { permission: 'createDocument' },
    ok: 409,
    request: (ctx) => ({ path: `/api/documents/${ctx.docId}/revisions`, body: {} }),
  },
  { method: 'GET', route: '/api/documents/:id/revisions', rule: read, ok: 200, request: (ctx) => ({ path: `/api/documents/${ctx.docId}/revisions` }) },
  { method: 'GET', route: '/api/documents/:id/revision', rule: read, ok: 404, request: (ctx) => ({ path: `/api/documents/${ctx.docId}/revision` }) },
  { method: 'GET', route: '/api/documents/:id/amending-act', rule: read, ok: 404, request: (ctx) => ({ path: `/api/documents/${ctx.docId}/amending-act` }) },
  { method: 'GET', route: '/api/documents/:id/editions', rule: read, ok: 200, request: (ctx) => ({ path: `/api/documents/${ctx.docId}/editions` }) },
  { method: 'GET', route: '/api/documents/:id/editions/diff', rule: read, ok: 404, request: (ctx) => ({ path: `/api/documents/${ctx.docId}/editions/diff?from=1&to=2` }) },
  { method: 'GET', route: '/api/documents/:id/editions/:n/export.docx', rule: read, ok: 404, request: (ctx) => ({ path: `/api/documents/${ctx.docId}/editions/2/export.docx` }) },
  // Every member may load their own .sajaro file (whose it is, is read from the file: updateFiles.test.ts); a JSON
  // body is not a file, so an allowed member gets 400 bad_update_file.
  { method: 'POST', route: '/api/documents/import-changes', rule: read, ok: 400, request: () => ({ path: '/api/documents/import-changes', body: { not: 'a file' } }) },
  { method: 'GET', route: '/api/documents/:id/export-changes', rule: { permission: 'editText' }, ok: 200, request: (ctx) => ({ path: `/api/documents/${ctx.docId}/export-changes` }) },
  { method: 'GET', route: '/api/acts-in-force', rule: read, ok: 200, request: () => ({ path: '/api/acts-in-force' }) },
  {
    method: 'GET',
    route: '/api/dashboard',
    rule: read,
    ok: 200,
    request: () => ({ path: '/api/dashboard' }),
  },
  {
    method: 'GET',
    route: '/api/audit/verify',
    rule: read,
    ok: 200,
    request: () => ({ path: '/api/audit/verify' }),
  },
  {
    method: 'GET',
    route: '/api/audit',
    rule: { permission: 'readAudit' },
    ok: 200,
    request: () => ({ path: '/api/audit?limit=5' }),
  },
  {
    method: 'GET',
    route: '/api/events',
    rule: read,
    ok: 200,
    stream: true,
    request: () => ({ path: '/api/events' }),
  },
];

/** Routes that need no token, or are not the API. */
const PUBLIC_ROUTES = new Set(['GET /api/health', 'OPTIONS *', 'OPTIONS /api/*']);

function allowed(rule: Rule, role: Role): boolean {
  return 'permission' in rule ? may(role, rule.permission) : mayComment(role, rule.comment);
}

function permissionOf(rule: Rule): Permission {
  return 'permission' in rule ? rule.permission : 'comment';
}

/** The status of a server-sent-events route, without waiting for the stream to end. */
async function streamStatus(
  server: Server,
  token: string,
  path: string,
): Promise<{ status: number; body: any }> {
  const controller = new AbortController();
  const response = await fetch(`${server.url}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  const body = response.status === 200 ? null : await response.json();
  controller.abort();
  return { status: response.status, body };
}

/** Every method and route the API registers, read from Fastify's route tree. */
async function registeredRoutes(): Promise<string[]> {
  const dataDir = tempDataDir();
  const workspace = openWorkspace({ dataDir, templatesDir: join(ROOT, 'templates'), log: () => undefined });
  try {
    const app = await buildApp(workspace, { dataDir });
    await app.ready();
    const stack: string[] = [];
    const routes: string[] = [];
    for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
      const match = /^([│ ]*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
      if (!match) continue;
      const depth = match[1]!.length / 4;
      const path = (stack[depth - 1] ?? '') + match[2]!;
      stack[depth] = path;
      stack.length = depth + 1;
      for (const method of (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD'))
        routes.push(`${method} ${path}`);
    }
    await app.close();
    return routes;
  } finally {
    workspace.close();
    removeDir(dataDir);
  }
}

const cleanup: Array<() => unknown> = [];
let ctx: Context;

beforeAll(async () => {
  const dataDir = tempDataDir();
  const server = await startTestServer(dataDir);
  cleanup.push(
    () => removeDir(dataDir),
    () => server.stop(),
  );
  const owner = server.workspace.ownerToken;
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES)
    tokens[role] = (
      await api(server, owner, 'POST', '/api/members', { name: `The ${role}`, role })
    ).body.token;
  const docId = (
    await api(server, owner, 'POST', '/api/documents', {
      title: 'Code of ethics of the council',
      language: 'en',
    })
  ).body.id as string;
  const consultationDocId = (
    await api(server, owner, 'POST', '/api/documents', { title: 'E-petition rules', language: 'en' })
  ).body.id as string;
  await walk(caller(server, owner), consultationDocId, THROUGH_CONSULTATION.slice(0, 3));
  const anchorClient = await connectClient(server.url, docId, owner);
  const consultationClient = await connectClient(server.url, consultationDocId, owner);
  const anchor = anchorOn(anchorClient.doc, 'ethics');
  const consultationAnchor = anchorOn(consultationClient.doc, 'petition');
  anchorClient.destroy();
  consultationClient.destroy();
  const versionId = (
    await api(server, owner, 'POST', `/api/documents/${docId}/versions`, { name: 'First draft' })
  ).body.id as string;
  const articleKey = (await api(server, owner, 'GET', `/api/documents/${docId}/reviews`)).body.articles[0]
    .articleKey as string;
  const clauseKey = (await api(server, owner, 'GET', `/api/documents/${docId}/model`)).body.body[0].content[0]
    .key as string;
  ctx = {
    server,
    owner,
    tokens,
    docId,
    consultationDocId,
    anchor,
    consultationAnchor,
    versionId,
    articleKey,
    clauseKey,
    counter: 0,
  };
});

afterAll(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

describe('roles on every route', () => {
  test('every registered route has a row in the role table', async () => {
    const covered = new Set(ROUTES.map((r) => `${r.method} ${r.route}`));
    const missing = (await registeredRoutes()).filter((r) => !covered.has(r) && !PUBLIC_ROUTES.has(r));
    expect(missing, 'routes without a role rule in tests/integration/roles.test.ts').toEqual([]);
  });

  test('the table covers every permission that guards a route', () => {
    const used = new Set(ROUTES.map((r) => permissionOf(r.rule)));
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      // editText is enforced on the sync endpoint (below) as well as on resolving comments.
      expect(used.has(permission), permission).toBe(true);
    }
  });

  for (const route of ROUTES) {
    const label = `${route.method} ${route.route}${'comment' in route.rule ? ` (act in ${route.rule.comment})` : ''}`;
    test(`${label}: allowed roles succeed, the others get 403 naming '${permissionOf(route.rule)}'`, async () => {
      for (const role of ROLES) {
        const { path, body } = await route.request(ctx, role);
        const response = route.stream
          ? await streamStatus(ctx.server, ctx.tokens[role], path)
          : await api(ctx.server, ctx.tokens[role], route.method, path, body);
        if (allowed(route.rule, role)) {
          expect(response.status, `${role}: ${JSON.stringify(response.body).slice(0, 300)}`).toBe(route.ok);
        } else {
          expect(response.status, `${role} must be refused`).toBe(403);
          expect(response.body.error.code).toBe('forbidden');
          expect(response.body.error.message, role).toContain(`'${permissionOf(route.rule)}'`);
          expect(response.body.error.message, role).toContain(`'${role}'`);
        }
      }
    });
  }

  test('a refused request changes nothing', async () => {
    const before = await api(ctx.server, ctx.owner, 'GET', '/api/documents');
    const members = await api(ctx.server, ctx.owner, 'GET', '/api/members');
    for (const role of ['reviewer', 'observer'] as const) {
      expect(
        (
          await api(ctx.server, ctx.tokens[role], 'POST', '/api/documents', {
            title: 'Sneaky',
            language: 'en',
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await api(ctx.server, ctx.tokens[role], 'POST', '/api/members', {
            name: 'Sneaky',
            role: 'coordinator',
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await api(ctx.server, ctx.tokens[role], 'PATCH', `/api/members/${members.body.members[1].id}`, {
            role: 'coordinator',
          })
        ).status,
      ).toBe(403);
    }
    expect((await api(ctx.server, ctx.owner, 'GET', '/api/documents')).body).toEqual(before.body);
    expect((await api(ctx.server, ctx.owner, 'GET', '/api/members')).body).toEqual(members.body);
  });
});

/** The act's text as the server holds it. */
async function storedText(): Promise<string> {
  return (await api(ctx.server, ctx.owner, 'GET', `/api/documents/${ctx.docId}/text`)).body as string;
}

/** A stock y-websocket client that records the permission-denied messages it is sent. */
async function syncMember(role: Role): Promise<{ client: LexicalClient; denied: string[] }> {
  const client = await connectClient(ctx.server.url, ctx.docId, ctx.tokens[role]);
  cleanup.push(() => client.destroy());
  const denied: string[] = [];
  client.provider.messageHandlers[2] = (_encoder, decoder) => {
    if (decoding.readVarUint(decoder) === 0) denied.push(decoding.readVarString(decoder));
  };
  return { client, denied };
}

describe('roles on the sync endpoint', () => {
  test('editors’ edits reach everyone; read-only roles’ edits are dropped and they are told; awareness works for all', async () => {
    const watcher = await syncMember('coordinator');
    const members = Object.fromEntries(
      await Promise.all(ROLES.map(async (role) => [role, await syncMember(role)] as const)),
    ) as Record<Role, Awaited<ReturnType<typeof syncMember>>>;
    for (const role of ROLES) {
      members[role].client.provider.awareness.setLocalStateField('user', { name: `The ${role}` });
      members[role].client.type(` typed-by-${role}`);
    }
    // Everyone, read-only or not, shows up in everyone's presence list.
    await waitFor(() => {
      const names = [...watcher.client.provider.awareness.getStates().values()].map(
        (s) => (s as { user?: { name: string } }).user?.name,
      );
      return ROLES.every((role) => names.includes(`The ${role}`));
    }, 'every role’s presence reaches the others');
    await waitFor(
      () =>
        watcher.client.text().includes('typed-by-coordinator') &&
        watcher.client.text().includes('typed-by-drafter'),
      'editors’ edits arrive',
    );
    for (const role of ROLES) {
      if (may(role, 'editText')) {
        // A refusal of the edit would come before the server's answer to a later message on the same socket.
        await serverAnswered(members[role].client.provider);
        expect(members[role].denied, role).toEqual([]);
      } else await waitFor(() => members[role].denied.length > 0, `${role} is told its edit was refused`);
    }
    expect(members.reviewer.denied[0]).toMatch(
      /read-only: the role 'reviewer' may not edit the text \(permission editText\)/,
    );
    const stored = (await api(ctx.server, ctx.owner, 'GET', `/api/documents/${ctx.docId}/text`))
      .body as string;
    expect(stored).toContain('typed-by-coordinator');
    expect(stored).toContain('typed-by-drafter');
    expect(stored).not.toContain('typed-by-reviewer');
    expect(stored).not.toContain('typed-by-observer');
    expect(watcher.client.text()).not.toContain('typed-by-observer');
  });

  test('a drafter demoted to observer while connected is refused from the next edit on', async () => {
    const token = (
      await api(ctx.server, ctx.owner, 'POST', '/api/members', { name: 'Demoted', role: 'drafter' })
    ).body;
    const client = await connectClient(ctx.server.url, ctx.docId, token.token);
    cleanup.push(() => client.destroy());
    const denied: string[] = [];
    client.provider.messageHandlers[2] = (_e, decoder) =>
      void (decoding.readVarUint(decoder) === 0 && denied.push(decoding.readVarString(decoder)));
    client.type(' before-demotion');
    await waitFor(
      async () =>
        (
          (await api(ctx.server, ctx.owner, 'GET', `/api/documents/${ctx.docId}/text`)).body as string
        ).includes('before-demotion'),
      'the drafter’s edit is stored',
    );
    expect(
      (await api(ctx.server, ctx.owner, 'PATCH', `/api/members/${token.id}`, { role: 'observer' })).status,
    ).toBe(200);
    client.type(' after-demotion');
    await waitFor(() => denied.length > 0, 'the demoted member is told');
    expect((await api(ctx.server, ctx.owner, 'GET', `/api/documents/${ctx.docId}/text`)).body).not.toContain(
      'after-demotion',
    );
  });

  test('a revoked token is refused at once: its open socket is closed, and the API and sync answer 401', async () => {
    const created = (
      await api(ctx.server, ctx.owner, 'POST', '/api/members', { name: 'Leaving', role: 'drafter' })
    ).body;
    expect(created).toMatchObject({
      name: 'Leaving',
      role: 'drafter',
      inviteUrl: `${ctx.server.url}/#token=${created.token}`,
    });
    const socket = new WebSocket(
      `${ctx.server.url.replace('http', 'ws')}/sync/${ctx.docId}?token=${created.token}`,
    );
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    expect((await api(ctx.server, created.token, 'GET', '/api/me')).body.name).toBe('Leaving');

    expect((await api(ctx.server, ctx.owner, 'DELETE', `/api/members/${created.id}`)).status).toBe(204);
    expect(await closed).toEqual({ code: 4001, reason: 'token revoked' });
    const me = await api(ctx.server, created.token, 'GET', '/api/me');
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('unauthorized');
    const upgrade = await new Promise<number>((resolve) => {
      const again = new WebSocket(
        `${ctx.server.url.replace('http', 'ws')}/sync/${ctx.docId}?token=${created.token}`,
      );
      again.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      again.on('open', () => resolve(101));
    });
    expect(upgrade).toBe(401);
    expect(
      (await api(ctx.server, ctx.owner, 'GET', '/api/members')).body.members.map((m: { id: string }) => m.id),
    ).not.toContain(created.id);
  });

  test('tokens are 256 random bits, and the database holds only their SHA-256 hashes', async () => {
    const created = (
      await api(ctx.server, ctx.owner, 'POST', '/api/members', { name: 'Hash check', role: 'reviewer' })
    ).body;
    expect(Buffer.from(created.token, 'base64url')).toHaveLength(32);
    const rows = ctx.server.workspace.db.prepare('SELECT * FROM members').all() as Array<
      Record<string, unknown>
    >;
    const dump = JSON.stringify(rows);
    for (const token of [created.token, ctx.owner, ...Object.values(ctx.tokens)])
      expect(dump).not.toContain(token);
    const { createHash } = await import('node:crypto');
    expect(rows.map((r) => r.token_hash)).toContain(createHash('sha256').update(created.token).digest('hex'));
    // A doc can be opened only with a whole token, not a prefix or the hash itself.
    const hash = createHash('sha256').update(created.token).digest('hex');
    for (const bad of [created.token.slice(0, -1), hash, `${created.token}x`])
      expect((await api(ctx.server, bad, 'GET', '/api/me')).status).toBe(401);
  });

  test('an idle read-only client is not told off for syncing', async () => {
    // Give the act a deletion, so every client's sync step 2 carries a delete set that the server already has.
    const editor = await connectClient(ctx.server.url, ctx.docId, ctx.owner);
    cleanup.push(() => editor.destroy());
    editor.type(' soon-deleted');
    await waitFor(async () => (await storedText()).includes('soon-deleted'), 'the typed text is stored');
    editor.edit(() => {
      const text = $getRoot().getLastDescendant() as TextNode;
      text.setTextContent(text.getTextContent().replace(' soon-deleted', ''));
    });
    await waitFor(async () => !(await storedText()).includes('soon-deleted'), 'the deletion is stored');

    const { client, denied } = await syncMember('observer');
    expect(Y.decodeUpdate(Y.encodeStateAsUpdate(client.doc)).ds.clients.size).toBeGreaterThan(0);
    client.provider.disconnect();
    client.provider.connect();
    await waitFor(() => client.provider.synced, 'reconnected');
    // The client sent its step 2 before it was synced; a refusal of it would arrive before this answer.
    await serverAnswered(client.provider);
    expect(denied).toEqual([]);
  });
});
