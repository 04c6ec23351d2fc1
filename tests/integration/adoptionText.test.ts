import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { convertWithLibreOffice } from '../../server/export/libreOffice';
import { formatActDate } from '../../shared/lang/dates';
import { cleanupAfterEach, serverForTest } from '../helpers/lifecycle';
import { connectClient } from '../helpers/lexicalClient';
import { removeDir, tempDataDir, waitFor } from '../helpers/testServer';
import { approveAllArticles, caller, PUBLICATION, SIGNING, TODAY, walk, WITHOUT_CONSULTATION, type Call } from '../helpers/workflowHelpers';

/** Issue 13 §2 and §5: the adoption data in the act's own text, and the Mayor's order's workflow. */
const cleanup = cleanupAfterEach();

async function setup() {
  const { server } = await serverForTest(cleanup);
  const token = server.workspace.ownerToken;
  return { server, token, call: caller(server, token) };
}

async function create(call: Call, body: object): Promise<string> {
  const created = await call('POST', '/api/documents', body);
  expect(created.status).toBe(201);
  return created.body.id as string;
}

const text = async (call: Call, docId: string): Promise<string> => (await call('GET', `/api/documents/${docId}/text`)).body as string;
const model = async (call: Call, docId: string) => (await call('GET', `/api/documents/${docId}/model`)).body;
const stages = async (call: Call, docId: string) => (await call('GET', `/api/documents/${docId}/stages`)).body;

/** The model of the version frozen on entering `stage`. */
async function frozenAt(call: Call, docId: string, stage: string) {
  const entry = (await stages(call, docId)).history.findLast((e: { stage: string }) => e.stage === stage);
  const frozen = await call('GET', `/api/documents/${docId}/versions/${entry.versionId}/model`);
  expect(frozen.status).toBe(200);
  return frozen.body;
}

const TODAY_KA = formatActDate(TODAY, 'ka');

describe('the adoption data in the act\'s own text (issue 13 §2)', () => {
  test('the number, date, chairperson, signing date and publication appear in the live text, the model, the frozen versions and the .docx', async () => {
    const { server, token, call } = await setup();
    const docId = await create(call, { templateId: 'code-of-ethics', language: 'ka', municipality: 'bagdati', values: {} });
    // A member has the act open: the edit reaches them as a normal update of the live room.
    const client = await connectClient(server.url, docId, token);
    cleanup.push(() => client.destroy());
    const drafted = await model(call, docId);
    expect(drafted.header.number).toBe('№ ______');
    expect(drafted.header.date).toBe('______');
    expect(drafted.signature).toEqual(['საკრებულოს თავმჯდომარე ______']);

    await walk(call, docId, WITHOUT_CONSULTATION.slice(0, 5));
    const adopted = await model(call, docId);
    expect(adopted.header).toMatchObject({ number: '№ 12', date: TODAY_KA });
    expect(await text(call, docId)).toContain(`№ 12\n${TODAY_KA}`);
    await waitFor(() => client.text().includes('№ 12') && client.text().includes(TODAY_KA), 'the open client receives the number and date');
    expect((await frozenAt(call, docId, 'signature')).header).toMatchObject({ number: '№ 12', date: TODAY_KA });
    // The text stays locked for clients: the server's own edit went through, a member's does not.
    expect((await stages(call, docId)).locked).toBe(true);

    await walk(call, docId, [{ to: 'publication', data: SIGNING }]);
    const signed = await model(call, docId);
    expect(signed.signature).toEqual(['საკრებულოს თავმჯდომარე ნინო ბერიძე', `ხელმოწერის თარიღი: ${TODAY_KA}`]);
    expect((await frozenAt(call, docId, 'publication')).signature).toEqual(signed.signature);
    expect(await text(call, docId)).not.toContain('______');

    await walk(call, docId, [{ to: 'in_force', data: PUBLICATION }]);
    const inForce = await model(call, docId);
    const published = `გამოქვეყნებულია საკანონმდებლო მაცნეში: ${TODAY_KA}, სარეგისტრაციო კოდი ${PUBLICATION.registrationCode}`;
    expect(inForce.signature).toEqual([...signed.signature, published]);
    expect((await frozenAt(call, docId, 'in_force')).signature).toEqual(inForce.signature);
    await waitFor(() => client.text().includes(PUBLICATION.registrationCode), 'the open client receives the publication line');

    // The audit log says which moves wrote into the text.
    const audit = server.workspace.db
      .prepare<[string], { payload: string }>("SELECT payload FROM audit_log WHERE doc_id = ? AND action = 'stage.transition' ORDER BY seq")
      .all(docId)
      .map((r) => JSON.parse(r.payload) as { to: string; textRecorded?: boolean });
    expect(audit.filter((p) => p.textRecorded).map((p) => p.to)).toEqual(['signature', 'publication', 'in_force']);

    const outDir = tempDataDir('sajaro-adoption-docx-');
    cleanup.push(() => removeDir(outDir));
    const response = await fetch(`${server.url}/api/documents/${docId}/export.docx?version=current`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const file = join(outDir, 'adopted.docx');
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const [txt] = await convertWithLibreOffice([file], 'txt', outDir);
    const exported = readFileSync(txt!, 'utf8').replace(/[\t ]+/g, ' ');
    for (const needle of ['№ 12', TODAY_KA, 'საკრებულოს თავმჯდომარე ნინო ბერიძე', PUBLICATION.registrationCode]) expect(exported).toContain(needle);
    expect(exported).not.toContain('______');
  }, 120_000);

  test('the signature step offers the name last recorded, and refuses a blank, a long or a non-text name without changing anything', async () => {
    const { call } = await setup();
    const first = await create(call, { title: 'ეთიკის კოდექსის შესახებ', language: 'ka', municipality: 'vani' });
    await walk(call, first, [...WITHOUT_CONSULTATION.slice(0, 5), { to: 'publication', data: { ...SIGNING, signatoryName: 'თამარ ჯაფარიძე' } }]);

    const second = await create(call, { title: 'ცხელი ხაზის შესახებ', language: 'ka', municipality: 'vani' });
    await walk(call, second, WITHOUT_CONSULTATION.slice(0, 5));
    const offered = (await stages(call, second)).available.find((t: { to: string }) => t.to === 'publication');
    expect(offered.requires).toEqual(['signingDate', 'signatoryName']);
    expect(offered.defaults).toEqual({ signatoryName: 'თამარ ჯაფარიძე' });

    const before = await text(call, second);
    for (const signatoryName of ['______', '  ', 'ა'.repeat(81), 42, { name: 'x' }, 'ნინო\u0000ბერიძე', undefined]) {
      const refused = await call('POST', `/api/documents/${second}/transitions`, { to: 'publication', data: { signingDate: TODAY, signatoryName } });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('illegal_transition');
      expect(refused.body.error.message).toMatch(/signatoryName/);
    }
    expect((await stages(call, second)).current).toBe('signature');
    expect(await text(call, second)).toBe(before);
    // The Mayor's orders keep their own last name: a council act's chairperson is not offered to the Mayor.
    const order = await create(call, { title: 'სტრატეგიის შესახებ', language: 'ka', municipality: 'vani', adoptingBody: 'mayor' });
    await walk(call, order, [{ to: 'consolidation' }, { to: 'legal_review' }, { to: 'signature' }]);
    expect((await stages(call, order)).available.find((t: { to: string }) => t.to === 'publication').defaults).toBeUndefined();
  }, 60_000);
});

describe("the Mayor's order (issue 13 §5)", () => {
  test("an action plan is the Mayor's order by default: its header, formula and signature say so, and it walks without the council's stages", async () => {
    const { call } = await setup();
    const docId = await create(call, { templateId: 'anti-corruption-action-plan', language: 'ka', municipality: 'bagdati', values: {} });
    expect((await call('GET', `/api/documents/${docId}`)).body.adoptingBody).toBe('mayor');
    const drafted = await model(call, docId);
    expect(drafted.header).toMatchObject({ issuingBody: 'ბაღდათის მუნიციპალიტეტის მერის', actType: 'brdzaneba', actTypeLabel: 'ბრძანება' });
    expect(drafted.enactingFormula).toBe('ვბრძანებ:');
    expect(drafted.signature).toEqual(['მერი ______']);
    const draftText = await text(call, docId);
    expect(draftText).toContain('ბაღდათის მუნიციპალიტეტის მერის\nბრძანება');
    expect(draftText).toContain('ეს ბრძანება ამოქმედდეს გამოქვეყნებისთანავე.');
    expect(draftText).not.toContain('დადგენილება');

    const workflow = (await call('GET', '/api/workflow?adoptingBody=mayor')).body;
    expect(workflow.stages.map((s: { id: string }) => s.id)).not.toContain('council_vote');
    expect(workflow.stages.find((s: { id: string }) => s.id === 'signature').label.ka).toBe('მერის ხელმოწერა');

    await walk(call, docId, [{ to: 'consolidation' }, { to: 'legal_review' }]);
    await approveAllArticles(call, docId);
    const refused = await call('POST', `/api/documents/${docId}/transitions`, { to: 'commission' });
    expect(refused.status).toBe(409);
    // The council's stages are not in the order's workflow at all.
    expect(refused.body.error.message).toMatch(/^Invalid stage 'commission': expected one of drafting, consolidation, legal_review, public_consultation, signature, publication/);
    expect((await stages(call, docId)).available.map((t: { to: string }) => t.to)).toEqual(['drafting', 'public_consultation', 'signature', 'withdrawn']);
    await walk(call, docId, [{ to: 'signature' }]);
    expect((await stages(call, docId)).locked).toBe(true);
    const missing = await call('POST', `/api/documents/${docId}/transitions`, { to: 'publication', data: { signatoryName: 'გიორგი ლომიძე' } });
    expect(missing.status).toBe(409);
    expect(missing.body.error.message).toMatch(/actNumber/);

    await walk(call, docId, [
      { to: 'publication', data: { actNumber: '5', adoptionDate: TODAY, signatoryName: 'გიორგი ლომიძე' } },
      { to: 'in_force', data: PUBLICATION },
    ]);
    const history = (await stages(call, docId)).history.map((e: { stage: string }) => e.stage);
    expect(history).toEqual(['drafting', 'consolidation', 'legal_review', 'signature', 'publication', 'in_force']);
    const signed = await frozenAt(call, docId, 'publication');
    expect(signed.header).toMatchObject({ number: '№ 5', date: TODAY_KA, actTypeLabel: 'ბრძანება' });
    // The order is dated by its signature, so no second line repeats the date.
    expect(signed.signature).toEqual(['მერი გიორგი ლომიძე']);
    const final = await text(call, docId);
    expect(final).toContain(`ბაღდათის მუნიციპალიტეტის მერის\nბრძანება\n№ 5\n${TODAY_KA}`);
    expect(final).toContain(PUBLICATION.registrationCode);
  }, 60_000);

  test('the adopting body can be chosen against the template, and a wrong one is a 400 naming it', async () => {
    const { call } = await setup();
    const council = await create(call, { templateId: 'anti-corruption-action-plan', language: 'en', municipality: 'khoni', values: {}, adoptingBody: 'council' });
    expect((await model(call, council)).header).toMatchObject({ issuingBody: 'Sakrebulo of Khoni Municipality', actTypeLabel: 'Ordinance' });
    const order = await create(call, { title: 'On the anti-corruption strategy', language: 'en', municipality: 'khoni', adoptingBody: 'mayor' });
    const blank = await model(call, order);
    expect(blank.header).toMatchObject({ issuingBody: 'Mayor of Khoni Municipality', actType: 'brdzaneba', actTypeLabel: 'Order' });
    expect(blank.enactingFormula).toBe('I hereby order:');
    expect(await text(call, order)).toContain('This order shall enter into force upon its publication.');

    const count = (await call('GET', '/api/documents')).body.documents.length;
    for (const adoptingBody of ['king', '', 7, null]) {
      const bad = await call('POST', '/api/documents', { title: 'x', language: 'en', adoptingBody });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/adoptingBody/);
    }
    expect((await call('GET', '/api/documents')).body.documents.length).toBe(count);
    const badQuery = await call('GET', '/api/workflow?adoptingBody=king');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.message).toMatch(/council.*mayor/);
  }, 60_000);
});
