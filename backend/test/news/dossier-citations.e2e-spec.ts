import { createTestApp, TestApp } from '../app';
import { auditOf, expectStatus, signInRaw } from '../factories';
import { buildYearEnd, docxText, download, flat, K4, pdfText, UNIT_KEYS, YearEnd, type UnitKey } from '../proposals/helpers';

// A dossier's nominee cites entries of its own unit's exemplary-model register (news module).
describe('a dossier cites the exemplary-model register', () => {
  let t: TestApp;
  let y: YearEnd;
  let id: string;
  let nominee: UnitKey;
  let other: UnitKey;
  let models: Record<string, string>;
  const url = (unitKey: UnitKey) => `/api/proposals/${id}/nominees/${y.ids[unitKey]}/models`;
  /** A PUT signed in as `email` (the shared client has no put); one session per account. */
  const sessions = new Map<string, ReturnType<typeof signInRaw>>();
  const put = async (email: string, unitKey: UnitKey, body: unknown) => {
    if (!sessions.has(email)) sessions.set(email, signInRaw(t, email));
    const { cookie, csrf } = await sessions.get(email)!;
    return t.http().put(url(unitKey)).set('Cookie', cookie).set('X-CSRF-Token', csrf).send(body as object);
  };

  beforeAll(async () => {
    t = await createTestApp();
    y = await buildYearEnd(t);
    const p = await expectStatus(y.leader.post('/api/proposals', { blockYearId: y.yearId }), 201);
    id = p.id;
    const nominated = new Set<string>(p.nominees.map((n: { unitId: string }) => n.unitId));
    // The ballots elect the top units (the leader and deputy seats here); cite for the nominee that does not lead.
    nominee = UNIT_KEYS.find((k) => nominated.has(y.ids[k]) && k !== 'dukcq')!;
    other = UNIT_KEYS.find((k) => !nominated.has(y.ids[k]))!;
    expect(nominee && other).toBeTruthy();
    // Each unit's head enters its own models in the register.
    const entry = async (k: UnitKey, name: string) => (await expectStatus((await t.as(y.acc[k].head)).post('/api/news/models', {
      blockYearId: y.yearId, subjectKind: 'person', name, achievement: `${name}: hoàn thành xuất sắc nhiệm vụ, được đồng nghiệp tín nhiệm.`,
    }), 201)).id as string;
    models = { a: await entry(nominee, 'Chị Nguyễn Thu Hà'), b: await entry(nominee, 'Anh Trần Minh Đức'), foreign: await entry(other, 'Ông Lê Văn Phúc') };
  }, 240_000);
  afterAll(() => t.close());

  it('the leader seat cites register entries of the nominee unit; the dossier shows them with the unit', async () => {
    const d = await expectStatus(put(y.acc.dukcq.officer, nominee, { modelIds: [models.b, models.a] }), 200);
    const n = d.nominees.find((x: any) => x.unitId === y.ids[nominee]);
    expect(n.models.map((m: any) => m.name)).toEqual(['Anh Trần Minh Đức', 'Chị Nguyễn Thu Hà']);
    expect(n.models[0]).toMatchObject({ subjectKind: 'person', year: y.year, stories: [] });
    expect(d.nominees.filter((x: any) => x.unitId !== y.ids[nominee]).every((x: any) => x.models.length === 0)).toBe(true);
    const audit = (await auditOf(t.ds, 'proposal', id)).filter((a) => a.action === 'proposal.models_cite');
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toEqual({ unitId: y.ids[nominee], modelIds: [models.b, models.a] });
    // Every member reads it.
    const read = await expectStatus((await t.as(y.acc[other].officer)).get(`/api/proposals/${id}`), 200);
    expect(read.nominees.find((x: any) => x.unitId === y.ids[nominee]).models).toHaveLength(2);
  });

  it('the nominee unit itself may cite; another member unit and the board may not', async () => {
    const d = await expectStatus(put(y.acc[nominee].officer, nominee, { modelIds: [models.a] }), 200);
    expect(d.nominees.find((x: any) => x.unitId === y.ids[nominee]).models.map((m: any) => m.name)).toEqual(['Chị Nguyễn Thu Hà']);
    for (const email of [y.acc[other].head, K4.board, K4.admin, K4.otherBlock]) {
      const res = await put(email, nominee, { modelIds: [] });
      expect(res.status).toBe(403);
    }
    // A unit not on the list has nothing to cite.
    const notNominated = await expectStatus(put(y.acc.dukcq.officer, other, { modelIds: [models.foreign] }), 409);
    expect(notNominated.code).toBe('not_nominated');
  });

  it('refuses entries of another unit, unknown ids and bad input, naming modelIds, and changes nothing', async () => {
    const before = await t.ds.query('SELECT model_id FROM proposal_model_citations WHERE proposal_id = $1 ORDER BY sort', [id]);
    const cases: unknown[] = [
      { modelIds: [models.foreign] }, { modelIds: ['00000000-0000-4000-8000-000000000000'] }, { modelIds: null }, { modelIds: 'x' }, { modelIds: 5 },
      { modelIds: ['a\u0000b'] }, { modelIds: [123] }, { modelIds: Array.from({ length: 51 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`) },
      { modelIds: [models.a, models.a] }, {}, { modelIds: ['x'.repeat(100_000)] },
    ];
    for (const body of cases) {
      const res = await put(y.acc.dukcq.officer, nominee, body);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.fields ?? {}).join()).toMatch(/modelIds/);
    }
    expect((await put(y.acc.dukcq.officer, nominee, { modelIds: [models.foreign] })).body.fields.modelIds).toBe(`chỉ gồm gương điển hình trong sổ của chính đơn vị được đề nghị, từ năm ${y.year} trở về trước`);
    expect(await t.ds.query('SELECT model_id FROM proposal_model_citations WHERE proposal_id = $1 ORDER BY sort', [id])).toEqual(before);
  });

  it('the nominee list document names the cited models under the unit', async () => {
    await expectStatus(put(y.acc.dukcq.officer, nominee, { modelIds: [models.a, models.b] }), 200);
    const member = await t.as(y.acc[other].officer);
    const docx = flat(await docxText((await download(member, `/api/proposals/${id}/documents/nominees?format=docx`)).body));
    expect(docx).toContain('Gương điển hình tiên tiến của các tập thể được đề nghị:');
    expect(docx).toContain(`${y.names[nominee]}: Chị Nguyễn Thu Hà (${y.year}): Chị Nguyễn Thu Hà: hoàn thành xuất sắc nhiệm vụ`);
    expect(docx).toContain('Anh Trần Minh Đức');
    expect(docx).not.toContain('Ông Lê Văn Phúc');
    const pdf = flat(await pdfText((await download(member, `/api/proposals/${id}/documents/nominees?format=pdf`)).body));
    expect(pdf).toContain('Anh Trần Minh Đức');
  });
});
