import { createHash } from 'node:crypto';
import { CovenantsService } from '../../src/modules/covenants/covenants.service';
import { DraftWorkflowService } from '../../src/modules/drafts/draft-workflow.service';
import { createTestApp, DEMO, TestApp } from '../app';
import { auditOf, expectStatus, failAuditFor, signInRaw } from '../factories';
import { binary, docxText, flat, pdfText } from '../drafts/doc-text';
import { actorOf, PASSWORD, startOfYear, StartOfYear } from '../drafts/start-of-year.fixture';

describe('covenants: drafting, signing in order, in force, amendments, verification', () => {
  let t: TestApp;
  let s: StartOfYear;
  let covenantId: string;
  beforeAll(async () => {
    t = await createTestApp();
    s = await startOfYear(t);
    for (const p of [s.officers[0], s.officers[2]]) raw.set(p.email, await signInRaw(t, p.email, PASSWORD));
  });
  afterAll(() => t.close());

  const openSigning = async (email: string, id: string, conferenceId: string | null = null) => {
    const svc = t.app.get(CovenantsService);
    const actor = await actorOf(t, email);
    return t.ds.transaction((em) => svc.openSigning(em, actor, id, conferenceId));
  };
  /** expectStatus for an already started request. */
  const expectRes = async (p: PromiseLike<{ status: number; body: any }>, status: number): Promise<any> => {
    const res = await p;
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) ThiDuaTest/1.0';
  const sign = async (i: number, id: string, body: object = {}) => (await s.head(i)).post(`/api/covenants/${id}/sign`, { password: PASSWORD, ...body }).set('User-Agent', UA);

  it('drafts the covenant from the adopted plan: goals from its theme and movements', async () => {
    const leader = await s.officer(0);
    // An adopted plan with a theme and a thematic movement.
    const doc = await expectStatus(leader.post('/api/drafts', { blockYearId: s.year.id, kind: 'plan' }), 201);
    const v = await expectStatus(leader.get(`/api/drafts/versions/${doc.versions[0].id}`), 200);
    await expectStatus(leader.patch(`/api/drafts/versions/${v.id}`, {
      version: v.version,
      plan: {
        theme: 'Đoàn kết, kỷ cương, sáng tạo, hiệu quả', slogan: 'Thi đua yêu nước', activities: [], commemorations: [], fieldTrips: [],
        movements: [{ kind: 'thematic', title: 'Thi đua lập thành tích chào mừng Đại hội Đảng bộ các cấp', period: 'Quý I-III/2025', goal: '100% đơn vị tham gia' }],
      },
    }), 200);
    await t.ds.transaction(async (em) => t.app.get(DraftWorkflowService).adoptVersion(em, await actorOf(t, s.officers[0].email), v.id, null));

    const member = await s.officer(2);
    const denied = await member.post('/api/covenants', { blockYearId: s.year.id });
    expect(denied.status).toBe(403);
    expect((await (await t.as(DEMO.board)).post('/api/covenants', { blockYearId: s.year.id })).status).toBe(403);

    const c = await expectStatus(leader.post('/api/covenants', { blockYearId: s.year.id }), 201);
    expect(c).toMatchObject({ number: 1, docNumber: `01/GU-${s.block.code}`, status: 'draft', basedOnPlanVersionId: v.id, memberCount: 5, signedCount: 0 });
    expect(c.goals).toEqual([
      'Thực hiện thắng lợi chủ đề năm 2025: “Đoàn kết, kỷ cương, sáng tạo, hiệu quả”.',
      'Thi đua lập thành tích chào mừng Đại hội Đảng bộ các cấp: 100% đơn vị tham gia.',
    ]);
    expect(c.commitments.length).toBeGreaterThan(3);
    expect(c.progress.map((p: any) => p.state)).toEqual(['not_open', 'not_open', 'not_open', 'not_open', 'not_open']);
    expect(c.progress[4]).toMatchObject({ unitId: s.units[0].id, isLeader: true });
    covenantId = c.id;
    const again = await leader.post('/api/covenants', { blockYearId: s.year.id });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('covenant_open');

    const other = await t.as(DEMO.otherBlockOfficer);
    expect((await other.get(`/api/covenants/${c.id}`)).status).toBe(403);
    expect((await other.get(`/api/covenants?blockYearId=${s.year.id}`)).status).toBe(403);
  });

  it('edits per-unit targets while a draft, validating units, values and duplicates', async () => {
    const leader = await s.officer(0);
    const c = await expectStatus(leader.get(`/api/covenants/${covenantId}`), 200);
    expect((await put(s.officers[2].email, `/api/covenants/${covenantId}/targets`, { targets: [], version: c.version })).status).toBe(403);
    const other = (await t.ds.query(`SELECT id FROM units WHERE short_name = 'Sở Nội vụ'`))[0].id;
    const bad = await put(s.officers[0].email, `/api/covenants/${covenantId}/targets`, {
      version: c.version,
      targets: [
        { unitId: other, indicator: 'Đảng viên mới', unitOfMeasure: 'người', targetValue: 10 },
        { unitId: s.units[2].id, indicator: 'Đảng viên mới', unitOfMeasure: 'người', targetValue: 10 },
        { unitId: s.units[2].id, indicator: 'đảng viên mới', unitOfMeasure: 'người', targetValue: 12 },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual({ 'targets.0.unitId': 'phải là đơn vị thành viên của khối trong năm', 'targets.2.indicator': 'bị trùng với một chỉ tiêu khác của cùng đơn vị' });
    const negative = await put(s.officers[0].email, `/api/covenants/${covenantId}/targets`, { version: c.version, targets: [{ unitId: s.units[2].id, indicator: 'X', unitOfMeasure: 'người', targetValue: -1 }] });
    expect(negative.status).toBe(400);
    expect(Object.keys(negative.body.fields)).toEqual(['targets.0.targetValue']);
    const targets = s.units.map((u, i) => ({ unitId: u.id, indicator: 'Số đảng viên mới kết nạp', unitOfMeasure: 'đảng viên', targetValue: 10 + i }));
    targets.push({ unitId: s.units[3].id, indicator: 'Tỷ lệ hồ sơ giải quyết đúng hạn', unitOfMeasure: '%', targetValue: 98.5 });
    const ok = await expectStatus(put(s.officers[0].email, `/api/covenants/${covenantId}/targets`, { version: c.version, targets }), 200);
    expect(ok.targets).toHaveLength(6);
    expect(ok.targets[5]).toMatchObject({ unitName: s.units[3].name, targetValue: 98.5, unitOfMeasure: '%' });
    const stale = await put(s.officers[0].email, `/api/covenants/${covenantId}/targets`, { version: c.version, targets: [] });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    await expectStatus(leader.patch(`/api/covenants/${covenantId}`, { commitments: [...ok.commitments, 'Tổ chức tốt các hoạt động kỷ niệm 50 năm Ngày Giải phóng miền Nam.'], version: ok.version }), 200);
  });

  it('cannot be signed until a conference opens signing, which freezes the content', async () => {
    const early = await sign(2, covenantId);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('not_open');
    await expect(openSigning(s.officers[2].email, covenantId)).rejects.toMatchObject({ statusCode: 403 });
    await expect(openSigning(DEMO.board, covenantId)).rejects.toMatchObject({ statusCode: 403 });
    await openSigning(s.officers[0].email, covenantId);
    await expect(openSigning(s.officers[0].email, covenantId)).rejects.toMatchObject({ statusCode: 409, code: 'already_open' });
    const leader = await s.officer(0);
    const c = await expectStatus(leader.get(`/api/covenants/${covenantId}`), 200);
    expect(c.status).toBe('signing');
    expect(c.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const edit = await leader.patch(`/api/covenants/${covenantId}`, { title: 'Đổi', version: c.version });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('covenant_frozen');
    const targets = await put(s.officers[0].email, `/api/covenants/${covenantId}/targets`, { version: c.version, targets: [] });
    expect(targets.status).toBe(409);
    expect(c.progress.map((p: any) => p.state)).toEqual(['waiting', 'waiting', 'waiting', 'waiting', 'waits_for_members']);
  });

  it('lets only a member unit head sign, for their own unit, with their password', async () => {
    const officer = await (await s.officer(2)).post(`/api/covenants/${covenantId}/sign`, { password: PASSWORD });
    expect(officer.status).toBe(403);
    expect(officer.body.message).toMatch(/Chỉ thủ trưởng đơn vị/);
    const board = await (await t.as(DEMO.board)).post(`/api/covenants/${covenantId}/sign`, { password: 'ThiDua@2024' });
    expect(board.status).toBe(403);
    const outsider = await (await t.as(DEMO.unitHead)).post(`/api/covenants/${covenantId}/sign`, { password: 'ThiDua@2024' });
    expect(outsider.status).toBe(403);
    const forOther = await sign(2, covenantId, { unitId: s.units[3].id });
    expect(forOther.status).toBe(403);
    expect(forOther.body.message).toMatch(/đơn vị của mình/);
    const wrong = await sign(2, covenantId, { password: 'sai-mat-khau-1' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('invalid_password');
    expect(wrong.body.fields).toEqual({ password: 'không đúng' });
    const missing = await (await s.head(2)).post(`/api/covenants/${covenantId}/sign`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toHaveProperty('password');
    const changed = await sign(2, covenantId, { contentHash: 'a'.repeat(64) });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('content_changed');
    expect((await t.ds.query('SELECT count(*)::int AS n FROM covenant_signatures WHERE covenant_id = $1', [covenantId]))[0].n).toBe(0);
  });

  it('makes the leader unit head sign last (server-enforced), members in any order, each once', async () => {
    const early = await sign(0, covenantId);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('leader_signs_last');
    expect(early.body.message).toContain('Thủ trưởng đơn vị Khối trưởng ký sau cùng');
    expect(early.body.message).toContain('Còn chờ 4 đơn vị');
    expect(early.body.message).toContain(s.units[2].name);

    const c = await expectStatus((await s.head(3)).get(`/api/covenants/${covenantId}`), 200);
    expect(c.permissions).toMatchObject({ isSigner: true, canSign: true, signBlockedReason: null });
    // isSigner is false for the same unit's officer, whom signing refuses.
    const officerView = await expectStatus((await s.officer(3)).get(`/api/covenants/${covenantId}`), 200);
    expect(officerView.permissions).toMatchObject({ isSigner: false, canSign: false });
    expect((await (await s.officer(3)).post(`/api/covenants/${covenantId}/sign`, { password: PASSWORD, contentHash: c.contentHash })).status).toBe(403);
    const first = await expectStatus((await s.head(3)).post(`/api/covenants/${covenantId}/sign`, { password: PASSWORD, contentHash: c.contentHash }), 201);
    expect(first.signedCount).toBe(1);
    const twice = await sign(3, covenantId);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('already_signed');
    // Two heads sign at the same moment: the row lock serialises them and both count.
    const [a, b] = await Promise.all([sign(1, covenantId), sign(4, covenantId)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const stillEarly = await sign(0, covenantId);
    expect(stillEarly.status).toBe(409);
    expect(stillEarly.body.message).toContain('Còn chờ 1 đơn vị');
    const leaderView = await expectStatus((await s.head(0)).get(`/api/covenants/${covenantId}`), 200);
    expect(leaderView.permissions).toMatchObject({ isSigner: true, canSign: false });
    expect(leaderView.permissions.signBlockedReason).toMatch(/sau cùng/);
    await expectRes(sign(2, covenantId), 201);
    const last = await expectRes(sign(0, covenantId), 201);
    expect(last.status).toBe('in_force');
    expect(last.signedCount).toBe(5);
    expect(last.documentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(last.progress.every((p: any) => p.state === 'signed')).toBe(true);
    const sig = last.signatures.find((x: any) => x.unitId === s.units[2].id);
    expect(sig).toMatchObject({ signerId: s.heads[2].id, signerName: s.heads[2].fullName, signerTitle: 'Thủ trưởng', contentHash: last.contentHash });
    expect(sig.ip).toMatch(/127\.0\.0\.1|::1/);
    expect(sig.userAgent).toBe(UA);
    expect(last.signatures[4].unitId).toBe(s.units[0].id);
    const actions = (await auditOf(t.ds, 'covenant', covenantId)).map((x) => x.action);
    expect(actions.filter((x) => x === 'covenant.sign')).toHaveLength(5);
    expect(actions.slice(-1)).toEqual(['covenant.in_force']);
    const afterForce = await sign(0, covenantId);
    expect(afterForce.status).toBe(409);
  });

  it('issues a completion certificate, exports the frozen PDF, and verifies it by file or hash', async () => {
    const member = await s.officer(3);
    const cert = await expectStatus(member.get(`/api/covenants/${covenantId}/certificate`), 200);
    expect(cert.events).toHaveLength(5);
    expect(cert.events.map((e: any) => e.order)).toEqual([1, 2, 3, 4, 5]);
    expect(cert.events[4]).toMatchObject({ unitId: s.units[0].id });
    expect(cert.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(cert.documentSha256).toMatch(/^[0-9a-f]{64}$/);

    const res = await member.get(`/api/covenants/${covenantId}/export?format=pdf`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('filename*=UTF-8');
    const pdf: Buffer = res.body;
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(cert.documentSha256);
    const text = flat(await pdfText(pdf));
    for (const x of ['GIAO ƯỚC THI ĐUA', s.block.name.toLocaleUpperCase('vi-VN'), `01/GU-${s.block.code}`, 'Số đảng viên mới kết nạp', s.heads[2].fullName, 'Đã ký lúc']) {
      expect(text).toContain(x);
    }
  });

  it('verifies uploads and pasted hashes', async () => {
    const member = await s.officer(3);
    const cert = (await member.get(`/api/covenants/${covenantId}/certificate`)).body;
    const pdf: Buffer = (await member.get(`/api/covenants/${covenantId}/export?format=pdf`).buffer(true).parse(binary)).body;
    const { cookie, csrf } = await signInRawFor(s.officers[3].email);
    const up = await t.http().post('/api/covenants/verify').set('Cookie', cookie).set('X-CSRF-Token', csrf).attach('file', pdf, 'giao-uoc.pdf');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ matched: true, matchedBy: 'document', inForce: true, sha256: cert.documentSha256, covenant: { id: covenantId, number: 1, year: 2025, status: 'in_force' } });
    expect(up.body.message).toContain('đang có hiệu lực');
    const tampered = Buffer.concat([pdf, Buffer.from('%')]);
    const bad = await t.http().post('/api/covenants/verify').set('Cookie', cookie).set('X-CSRF-Token', csrf).attach('file', tampered, 'giao-uoc.pdf');
    expect(bad.body).toMatchObject({ matched: false, covenant: null, inForce: false });
    const byContent = await expectStatus(member.post('/api/covenants/verify', { sha256: cert.contentHash.toUpperCase() }), 201);
    expect(byContent).toMatchObject({ matched: true, matchedBy: 'content', covenant: { id: covenantId } });
    const none = await member.post('/api/covenants/verify', {});
    expect(none.status).toBe(400);
    expect(none.body.fields).toHaveProperty('file');
    const malformed = await member.post('/api/covenants/verify', { sha256: 'abc' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields).toHaveProperty('sha256');
  });

  it('exports the covenant as .docx with a signature table of one column per unit', async () => {
    const leader = await s.officer(0);
    const res = await leader.get(`/api/covenants/${covenantId}/export?format=docx`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const text = await docxText(res.body);
    for (const x of ['GIAO ƯỚC THI ĐUA', 'ĐẠI DIỆN CÁC ĐƠN VỊ THÀNH VIÊN', 'I. MỤC TIÊU CHUNG', 'III. CHỈ TIÊU ĐĂNG KÝ CỦA CÁC ĐƠN VỊ', '98,5']) expect(text).toContain(x);
    for (const u of s.units) expect(text).toContain(u.name.toLocaleUpperCase('vi-VN'));
  });

  it('gives scoring the targets in force', async () => {
    const targets = await t.app.get(CovenantsService).targetsInForce(s.year.id);
    expect(targets).toHaveLength(6);
    expect(targets.find((x) => x.unitId === s.units[3].id && x.unitOfMeasure === '%')).toMatchObject({ targetValue: 98.5, indicator: 'Tỷ lệ hồ sơ giải quyết đúng hạn', covenantId });
    expect(await t.app.get(CovenantsService).describe(t.ds.manager, covenantId)).toEqual({ blockYearId: s.year.id, title: `Giao ước thi đua số 01/GU-${s.block.code}: Năm 2025 của ${s.block.name}` });
  });

  it('an amendment needs every signature again; signing the frozen-then-amended version is refused', async () => {
    const leader = await s.officer(0);
    const member = await s.officer(2);
    expect((await member.post(`/api/covenants/${covenantId}/amend`)).status).toBe(403);
    const a = await expectStatus(leader.post(`/api/covenants/${covenantId}/amend`), 201);
    expect(a).toMatchObject({ number: 2, status: 'draft', amendsId: covenantId, signedCount: 0 });
    expect(a.targets).toHaveLength(6);
    const again = await leader.post(`/api/covenants/${covenantId}/amend`);
    expect(again.status).toBe(409);
    // The covenant in force stays in force while the amendment is drafted and signed.
    expect((await t.app.get(CovenantsService).targetsInForce(s.year.id))[0].covenantId).toBe(covenantId);
    const targets = a.targets.map((x: any) => ({ unitId: x.unitId, indicator: x.indicator, unitOfMeasure: x.unitOfMeasure, targetValue: x.unitId === s.units[2].id ? 20 : x.targetValue }));
    await expectStatus(put(s.officers[0].email, `/api/covenants/${a.id}/targets`, { targets, version: a.version }), 200);
    await openSigning(s.officers[1].email, a.id);
    await expectRes(sign(2, a.id), 201);

    // The amendment is amended again before everyone signed: its frozen content is void.
    const b = await expectStatus(leader.post(`/api/covenants/${a.id}/amend`), 201);
    expect(b).toMatchObject({ number: 3, amendsId: a.id });
    const frozen = await sign(3, a.id);
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('covenant_superseded');
    expect(frozen.body.message).toContain('bản sửa đổi số 3');
    await openSigning(s.officers[0].email, b.id);
    for (const i of [4, 3, 2, 1]) await expectRes(sign(i, b.id), 201);
    // The last signature, the covenant coming into force and their audit entries commit together or not at all.
    const undo = await failAuditFor(t.ds, 'covenant.in_force');
    try {
      expect((await sign(0, b.id)).status).toBe(500);
    } finally {
      await undo();
    }
    const [row] = await t.ds.query('SELECT status, (SELECT count(*)::int FROM covenant_signatures WHERE covenant_id = $1) AS n FROM covenants WHERE id = $1', [b.id]);
    expect(row).toEqual({ status: 'signing', n: 4 });
    const done = await expectRes(sign(0, b.id), 201);
    expect(done.status).toBe('in_force');
    const list = await expectStatus(member.get(`/api/covenants?blockYearId=${s.year.id}`), 200);
    expect(list.items.map((x: any) => [x.number, x.status])).toEqual([[3, 'in_force'], [2, 'superseded'], [1, 'superseded']]);
    const inForce = await t.app.get(CovenantsService).targetsInForce(s.year.id);
    expect(inForce.every((x) => x.covenantId === b.id)).toBe(true);
    expect(inForce.find((x) => x.unitId === s.units[2].id && x.indicator === 'Số đảng viên mới kết nạp')!.targetValue).toBe(20);
    const old = await sign(1, covenantId);
    expect(old.status).toBe(409);
    // The first covenant's PDF still verifies, now as superseded.
    const cert1 = (await member.get(`/api/covenants/${covenantId}/certificate`)).body;
    const v = await expectStatus(member.post('/api/covenants/verify', { sha256: cert1.documentSha256 }), 201);
    expect(v).toMatchObject({ matched: true, inForce: false, covenant: { status: 'superseded' } });
    expect(v.message).toContain('đã được thay thế');
  });

  const signInRawFor = (email: string) => signInRaw(t, email, PASSWORD);
  /** The test client has no PUT; send it with a raw session (signed in once per account). */
  const raw = new Map<string, { cookie: string; csrf: string }>();
  const put = (email: string, url: string, body: object) => {
    const r = raw.get(email)!;
    return t.http().put(url).set('Cookie', r.cookie).set('X-CSRF-Token', r.csrf).send(body);
  };
  it('counts wrong signing passwords toward the wrong-password throttle (429), never a lock', async () => {
    const head = await t.as(DEMO.unitHead);
    for (let i = 0; i < 5; i++) {
      const r = await head.post(`/api/covenants/${covenantId}/sign`, { password: `sai-${i}` });
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('invalid_password');
    }
    const sixth = await head.post(`/api/covenants/${covenantId}/sign`, { password: 'sai-6' });
    expect(sixth.status).toBe(429);
    expect(sixth.headers['retry-after']).toBeDefined();
    // The same person at another address is not held up.
    const signIn = await t.http().post('/api/auth/sign-in').set('X-Forwarded-For', '198.51.100.30').send({ email: DEMO.unitHead, password: 'ThiDua@2024' });
    expect(signIn.status).toBe(200);
  });
});
