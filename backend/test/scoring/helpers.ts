import request from 'supertest';
import type { Client_, TestApp } from '../app';
import { expectStatus, signInRaw } from '../factories';

/** Khối thi đua số 4 demo accounts (password ThiDua@2024). */
export const K4 = {
  leader2024: 'canbo.dukcq@thidua.vn',
  leaderHead2024: 'thutruong.dukcq@thidua.vn',
  deputy2024: 'canbo.dukdn@thidua.vn',
  deputyHead2024: 'thutruong.dukdn@thidua.vn',
  lhpOfficer: 'canbo.lhp@thidua.vn',
  lhpHead: 'thutruong.lhp@thidua.vn',
  hizaOfficer: 'canbo.hiza@thidua.vn',
  hizaHead: 'thutruong.hiza@thidua.vn',
  dukdhOfficer: 'canbo.dukdh@thidua.vn',
  dukdhHead: 'thutruong.dukdh@thidua.vn',
  board: 'bantdkt@thidua.vn',
  admin: 'admin@thidua.vn',
  otherBlock: 'canbo.snv@thidua.vn',
} as const;

export const SHORT = {
  dukcq: 'ĐUK các cơ quan TP',
  dukdn: 'ĐUK Doanh nghiệp',
  lhp: 'Trường ĐTCB Lê Hồng Phong',
  hiza: 'Ban QL các KCN&CX',
  dukdh: 'ĐUK các trường ĐH, CĐ',
} as const;

export async function k4Ids(t: TestApp) {
  const unit = async (s: string): Promise<string> => (await t.ds.query('SELECT id FROM units WHERE short_name = $1', [s]))[0].id;
  const year = async (y: number): Promise<string> =>
    (await t.ds.query(`SELECT y.id FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE b.code = 'KTĐ4' AND y.year = $1`, [y]))[0].id;
  return {
    year2024: await year(2024), year2025: await year(2025),
    dukcq: await unit(SHORT.dukcq), dukdn: await unit(SHORT.dukdn), lhp: await unit(SHORT.lhp), hiza: await unit(SHORT.hiza), dukdh: await unit(SHORT.dukdh),
  };
}

/** PUT with the session cookie and CSRF header (the shared test client has no put). */
export async function putter(t: TestApp, email: string) {
  const { cookie, csrf } = await signInRaw(t, email);
  return (url: string, body: object) => t.http().put(url).set('Cookie', cookie).set('X-CSRF-Token', csrf).send(body);
}

/** Multipart upload of `file` as field "file". */
export async function uploader(t: TestApp, email: string) {
  const { cookie, csrf } = await signInRaw(t, email);
  return (url: string, file: Buffer, filename: string): request.Test => t.http().post(url).set('Cookie', cookie).set('X-CSRF-Token', csrf).attach('file', file, filename);
}

export interface BuiltScheme {
  id: string;
  byCode: Record<string, { id: string; version: number }>;
  body: any;
}

export const codes = (scheme: any): Record<string, { id: string; version: number; parentId: string | null; type: string; max: number }> =>
  Object.fromEntries(scheme.criteria.map((c: any) => [c.code, c]));

/**
 * A small complete 100-point scheme with every leaf type:
 * I (40): I.1 points 20 (evidence required), I.2 pass/fail 10, I.3 per occurrence 10 (2 per time);
 * II (60): II.1 target 30 ("hồ sơ"), II.2 points 30; T bonus (cap 15: city flag +10, government flag +15);
 * D deduction (cap 10: late report −2 each).
 */
export async function buildScheme(leader: Client_, blockYearId: string, over: { title?: string } = {}): Promise<BuiltScheme> {
  let s = await expectStatus(leader.post('/api/scoring-schemes', { blockYearId, title: over.title ?? 'Biểu chấm điểm thử', totalMax: 100 }), 201);
  const add = async (body: object) => (s = await expectStatus(leader.post(`/api/scoring-schemes/${s.id}/criteria`, body), 201));
  await add({ type: 'group', code: 'I', title: 'Thực hiện nhiệm vụ chính trị', max: 40 });
  const I = codes(s).I.id;
  await add({ parentId: I, type: 'points', code: 'I.1', title: 'Hoàn thành nhiệm vụ trọng tâm', max: 20, evidenceRequired: true, guidance: 'Căn cứ báo cáo tổng kết' });
  await add({ parentId: I, type: 'pass_fail', code: 'I.2', title: 'Ban hành kế hoạch thi đua đúng hạn', max: 10 });
  await add({ parentId: I, type: 'per_occurrence', code: 'I.3', title: 'Mô hình, điển hình tiên tiến', max: 10, pointsPerOccurrence: 2 });
  await add({ type: 'group', code: 'II', title: 'Công tác thi đua, khen thưởng', max: 60 });
  const II = codes(s).II.id;
  await add({ parentId: II, type: 'target', code: 'II.1', title: 'Hồ sơ khen thưởng giải quyết đúng hạn', max: 30, measure: 'hồ sơ' });
  await add({ parentId: II, type: 'points', code: 'II.2', title: 'Tuyên truyền, nhân rộng điển hình', max: 30 });
  await add({ type: 'bonus', code: 'T', title: 'Điểm thưởng', max: 15, items: [{ id: 'initiative', title: 'Sáng kiến được công nhận cấp Thành phố', points: 10 }, { id: 'gov_flag', title: 'Cờ thi đua của Chính phủ năm trước', points: 15 }] });
  await add({ type: 'deduction', code: 'D', title: 'Điểm trừ', max: 10, items: [{ id: 'late', title: 'Nộp báo cáo chậm', points: 2, cap: 10 }] });
  const byCode = Object.fromEntries(s.criteria.map((c: any) => [c.code, { id: c.id, version: c.version }]));
  return { id: s.id, byCode, body: s };
}
