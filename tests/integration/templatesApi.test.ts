import { describe, expect, test } from 'vitest';
import { cleanupAfterEach, serverForTest } from '../helpers/lifecycle';
import { api } from '../helpers/testServer';

const cleanup = cleanupAfterEach();

async function setup() {
  const { server } = await serverForTest(cleanup);
  return { server, token: server.workspace.ownerToken };
}

describe('templates API', () => {
  test('lists the library with bilingual titles and placeholders', async () => {
    const { server, token } = await setup();
    const listing = await api(server, token, 'GET', '/api/templates');
    expect(listing.status).toBe(200);
    expect(listing.body.errors).toEqual([]);
    const petition = listing.body.templates.find((t: { id: string }) => t.id === 'e-petition');
    expect(petition).toMatchObject({
      id: 'e-petition',
      kind: 'e_petition',
      title: { ka: expect.any(String), en: expect.any(String) },
    });
    const threshold = petition.placeholders.find((p: { name: string }) => p.name === 'signatureThreshold');
    expect(threshold).toMatchObject({
      required: true,
      label: { ka: expect.any(String), en: expect.any(String) },
    });
  });

  test('creates an act from a template: the server seeds it, numbered, in the chosen language', async () => {
    const { server, token } = await setup();
    const created = await api(server, token, 'POST', '/api/documents', {
      templateId: 'code-of-ethics',
      language: 'ka',
      municipality: 'ambrolauri',
      values: { chairName: 'ნინო გელაშვილი', date: '2026-10-01', actNumber: '15' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      language: 'ka',
      templateId: 'code-of-ethics',
      municipality: 'ambrolauri',
    });
    const model = (await api(server, token, 'GET', `/api/documents/${created.body.id}/model`)).body;
    expect(model.header.issuingBody).toBe('ამბროლაურის მუნიციპალიტეტის საკრებულო');
    expect(model.header.number).toBe('№ 15');
    const articles = model.body.filter((b: { kind: string }) => b.kind === 'article');
    expect(articles.map((a: { number: number }) => a.number)).toEqual(
      articles.map((_: unknown, i: number) => i + 1),
    );
    expect(articles[0].label).toBe('მუხლი 1');
    expect(articles[0].key).toMatch(/^[a-z0-9]{12}$/);
    const text: string = (await api(server, token, 'GET', `/api/documents/${created.body.id}/text`)).body;
    expect(text).toContain('ნინო გელაშვილი');
    expect(text).toMatch(/^მუხლი 1\. /m);
    expect(text).toMatch(/^ა\) /m);
  });

  test('a missing required placeholder or an unknown template is a 400 naming it, and creates nothing', async () => {
    const { server, token } = await setup();
    const missing = await api(server, token, 'POST', '/api/documents', {
      templateId: 'amending-act',
      language: 'en',
      municipality: 'khoni',
      values: {},
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/amendedActTitle/);
    const unknown = await api(server, token, 'POST', '/api/documents', {
      templateId: 'no-such',
      language: 'en',
      municipality: 'khoni',
      values: {},
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/Unknown template 'no-such'/);
    const noMunicipality = await api(server, token, 'POST', '/api/documents', {
      templateId: 'hotline',
      language: 'en',
      values: {},
    });
    expect(noMunicipality.status).toBe(400);
    expect(noMunicipality.body.error.message).toMatch(/municipality/);
    expect((await api(server, token, 'GET', '/api/documents')).body.documents).toEqual([]);
  });

  test('a free-entry municipality gets a council name by the genitive rule', async () => {
    const { server, token } = await setup();
    const created = await api(server, token, 'POST', '/api/documents', {
      templateId: 'hotline',
      language: 'ka',
      municipality: 'ჩოხატაური',
      values: {},
    });
    const model = (await api(server, token, 'GET', `/api/documents/${created.body.id}/model`)).body;
    expect(model.header.issuingBody).toBe('ჩოხატაურის მუნიციპალიტეტის საკრებულო');
  });

  test('any document can be saved as a workspace template, and a new act made from it', async () => {
    const { server, token } = await setup();
    const source = await api(server, token, 'POST', '/api/documents', {
      templateId: 'hotline',
      language: 'en',
      municipality: 'vani',
      values: { hotlineNumber: '0 800 100 200' },
    });
    const saved = await api(server, token, 'POST', '/api/templates', {
      fromDocumentId: source.body.id,
      id: 'vani-hotline',
      title: 'Vani hotline',
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({
      id: 'vani-hotline',
      title: { ka: 'Vani hotline', en: 'Vani hotline' },
    });
    const again = await api(server, token, 'POST', '/api/templates', {
      fromDocumentId: source.body.id,
      id: 'vani-hotline',
      title: 'x',
    });
    expect(again.status).toBe(409);
    const copy = await api(server, token, 'POST', '/api/documents', {
      templateId: 'vani-hotline',
      language: 'en',
      municipality: 'vani',
      values: {},
    });
    expect(copy.status).toBe(201);
    const text: string = (await api(server, token, 'GET', `/api/documents/${copy.body.id}/text`)).body;
    expect(text).toContain('0 800 100 200');
    const original: string = (await api(server, token, 'GET', `/api/documents/${source.body.id}/text`)).body;
    expect(text.split('\n').filter((l) => l.startsWith('Article')).length).toBe(
      original.split('\n').filter((l) => l.startsWith('Article')).length,
    );
  });
});
