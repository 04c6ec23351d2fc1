import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cleanupAfterEach, serverForTest } from '../helpers/lifecycle';
import { api } from '../helpers/testServer';

const cleanup = cleanupAfterEach();

async function setup() {
  const { server, dataDir } = await serverForTest(cleanup);
  return { server, dataDir, token: server.workspace.ownerToken };
}

describe('documents API', () => {
  test('health needs no token and names the version', async () => {
    const { server } = await setup();
    const health = await api(server, null, 'GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  test('the owner token is written to <data>/owner.token readable by the owner only', async () => {
    const { dataDir } = await setup();
    expect(statSync(join(dataDir, 'owner.token')).mode & 0o777).toBe(0o600);
  });

  test('create, list, get and read the text of a document', async () => {
    const { server, token } = await setup();
    const created = await api(server, token, 'POST', '/api/documents', {
      title: 'ეთიკის კოდექსი',
      language: 'ka',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'ეთიკის კოდექსი', language: 'ka' });
    expect(created.body.id).toMatch(/^[a-z0-9][a-z0-9-]{7,63}$/);
    expect(Date.parse(created.body.createdAt)).not.toBeNaN();

    const list = await api(server, token, 'GET', '/api/documents');
    expect(list.body.documents.map((d: { id: string }) => d.id)).toEqual([created.body.id]);
    expect(Object.keys(list.body.documents[0]).sort()).toEqual(
      expect.arrayContaining(['createdAt', 'id', 'language', 'title', 'updatedAt']),
    );

    const one = await api(server, token, 'GET', `/api/documents/${created.body.id}`);
    expect(one.body).toEqual(created.body);

    const text = await api(server, token, 'GET', `/api/documents/${created.body.id}/text`);
    expect(text.status).toBe(200);
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const lines = (text.body as string).split('\n');
    expect(lines).toContain('ეთიკის კოდექსი');
    expect(lines).toContain('მუხლი 1. ზოგადი დებულებები');
    expect(lines).toContain('მუხლი 2. ძალაში შესვლა');
  });

  test('requests without a valid token get 401 JSON and change nothing', async () => {
    const { server, token } = await setup();
    for (const [method, path, body] of [
      ['GET', '/api/documents', undefined],
      ['POST', '/api/documents', { title: 'x', language: 'en' }],
      ['GET', '/api/documents/doc-12345678', undefined],
      ['GET', '/api/documents/doc-12345678/text', undefined],
    ] as const) {
      for (const bad of [null, 'not-a-token']) {
        const response = await api(server, bad, method, path, body);
        expect(response.status, `${method} ${path} with ${bad}`).toBe(401);
        expect(response.body.error.code).toBe('unauthorized');
        expect(response.body.error.message).toMatch(/Bearer/);
      }
    }
    expect((await api(server, token, 'GET', '/api/documents')).body.documents).toEqual([]);
  });

  test('bad bodies get 400 naming what was wrong, and create nothing', async () => {
    const { server, token } = await setup();
    const cases: Array<[unknown, RegExp]> = [
      [{ title: 'x', language: 'fr' }, /language.*'ka' or 'en'/],
      [{ title: '', language: 'ka' }, /title/],
      [{ language: 'ka' }, /title/],
      [{ title: 'x', language: 'ka', extra: 1 }, /extra|Unrecognized/i],
      [[1, 2], /JSON object/],
      ['{"title": ', /Bad request|JSON/i],
      [
        { templateId: 'no-such-template', language: 'ka', municipality: 'vani' },
        /Unknown template 'no-such-template'/,
      ],
    ];
    for (const [body, message] of cases) {
      const response = await api(server, token, 'POST', '/api/documents', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.message).toMatch(message);
    }
    expect((await api(server, token, 'GET', '/api/documents')).body.documents).toEqual([]);
    expect(server.workspace.db.prepare('SELECT COUNT(*) AS n FROM doc_updates').get()).toEqual({ n: 0 });
  });

  test('unknown documents and routes are 404 JSON', async () => {
    const { server, token } = await setup();
    for (const path of [
      '/api/documents/doc-unknown1',
      '/api/documents/doc-unknown1/text',
      '/api/documents/BAD%20ID',
      '/api/nothing-here',
    ]) {
      const response = await api(server, token, 'GET', path);
      expect(response.status, path).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    }
  });

  test('an oversized body is refused with 413 and changes nothing', async () => {
    const { server, token } = await setup();
    const response = await api(server, token, 'POST', '/api/documents', {
      title: 'x'.repeat(2 * 1024 * 1024),
      language: 'en',
    });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('payload_too_large');
    expect((await api(server, token, 'GET', '/api/documents')).body.documents).toEqual([]);
  });
});
