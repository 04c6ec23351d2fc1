import Fastify from 'fastify';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { migrate } from '../db/migrations';
import { createMemberRegistry } from '../auth/members';
import { accessHook, publicFilesContext, requireAccessDeclarations } from './access';

const apps: Array<{ close(): Promise<unknown> }> = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

function appWithMembers() {
  const db = new Database(':memory:');
  migrate(db);
  const members = createMemberRegistry(db);
  const app = Fastify();
  app.decorateRequest('member', null);
  requireAccessDeclarations(app);
  app.addHook('onRequest', accessHook(members));
  apps.push(app);
  return { app, members };
}

describe('access declared on the matched route', () => {
  test('a route that declares no access fails to register, naming the route', async () => {
    const { app } = appWithMembers();
    expect(() => app.get('/api/secret', async () => 'act text')).toThrow(/GET \/api\/secret declares no valid access/);
    expect(() => app.get('/api/typo', { config: { access: 'reed' as never } }, async () => 'act text')).toThrow(/"reed"/);
  });

  test('the declaration decides: public answers anyone, a permission needs a token of a role that has it', async () => {
    const { app, members } = appWithMembers();
    app.get('/api/open', { config: { access: 'public' } }, async () => ({ open: true }));
    app.get('/api/members-only', { config: { access: 'manageMembers' } }, async () => ({ secret: true }));
    const observer = members.create('Nino', 'observer').token;
    const coordinator = members.create('Giorgi', 'coordinator').token;
    await app.ready();
    expect((await app.inject({ url: '/api/open' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/members-only' })).statusCode).toBe(401);
    // The router decodes escapes: the decoded target matches the route, so its declaration applies.
    expect((await app.inject({ url: '/%61pi/members-only' })).statusCode).toBe(401);
    const refused = await app.inject({ url: '/api/members-only', headers: { authorization: `Bearer ${observer}` } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain("'manageMembers'");
    expect((await app.inject({ url: '/api/members-only', headers: { authorization: `Bearer ${coordinator}` } })).json()).toEqual({ secret: true });
  });

  test('routes registered in a public-files context are public without a declaration of their own', async () => {
    const { app } = appWithMembers();
    await app.register(async (files) => {
      publicFilesContext(files);
      files.get('/app.js', async () => 'console.log(1)');
    });
    expect(() => app.get('/outside.js', async () => '')).toThrow(/declares no valid access/);
    await app.ready();
    expect((await app.inject({ url: '/app.js' })).statusCode).toBe(200);
  });

  test('the token goes in the query only on routes that declare it', async () => {
    const { app, members } = appWithMembers();
    const token = members.create('Nino', 'observer').token;
    app.get('/api/stream', { config: { access: 'read', tokenInQuery: true } }, async () => ({ stream: true }));
    app.get('/api/plain', { config: { access: 'read' } }, async () => ({ plain: true }));
    await app.ready();
    expect((await app.inject({ url: `/api/stream?token=${token}` })).statusCode).toBe(200);
    expect((await app.inject({ url: `/api/plain?token=${token}` })).statusCode).toBe(401);
  });
});
