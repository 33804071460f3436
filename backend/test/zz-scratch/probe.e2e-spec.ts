import { createTestApp, DEMO, TestApp, ids } from '../app';

describe('probe', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());
  it('probes', async () => {
    const b = await t.as(DEMO.board);
    const log = (n: string, r: any) => console.log(n, r.status, JSON.stringify(r.body));
    log('block empty', await b.post('/api/blocks', {}));
    log('unit empty', await b.post('/api/units', {}));
    log('account empty', await b.post('/api/accounts', {}));
    log('account officer no unit', await b.post('/api/accounts', { fullName: 'A', email: 'a@b.vn', role: 'officer', password: 'abc12345' }));
    log('by empty', await b.post('/api/block-years', {}));
    log('by bad rules', await b.post('/api/block-years', { blockId: '00000000-0000-0000-0000-000000000000', year: 2030, memberUnitIds: [], rules: { quorumNumerator: 'x' }, legalBasis: [{ number: '', date: '2024-13-01', title: 'x' }] }));
    log('unknown', await b.post('/api/blocks', { code: 'X1', name: 'X', kind: 'khoi', foo: 1 }));
    log('bad uuid', await b.get('/api/blocks/abc'));
    log('defaults', await b.get('/api/block-years/defaults?year=abc'));
    const I = await ids(t.ds);
    const y = await b.get(`/api/block-years/${await I.blockYear('KTĐ4', 2024)}`);
    log('year', y);
    log('me', await (await t.as(DEMO.leaderOfficer)).get('/api/auth/me'));
    console.log(await t.ds.query(`SHOW timezone`));
  });
});
