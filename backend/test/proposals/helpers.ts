/**
 * A whole year-end of a fresh five-unit block, driven through the real API: the year-end scoring round
 * (self-assessment → phases → finalised with ranks 1–5 in the order dukcq, dukdn, lhp, hiza, dukdh), the
 * year-end conference (all present), the secret ballots (city merit and, optionally, the city flag), their
 * signed tally records, and the approved minutes. Long: build it once per test file.
 */
import JSZip from 'jszip';
import type request from 'supertest';
import type { Client_, TestApp } from '../app';
import { createAccount, createBlock, createUnit, expectStatus, signInRaw, uniq } from '../factories';
import { DEMO_PASSWORD } from '../../src/database/demo/demo-data';
import { buildScheme, BuiltScheme, K4 } from '../scoring/helpers';
import { advanceTo, DAY, download, PDF, pdfText, UNIT_KEYS, UnitKey } from '../rounds/helpers';
import { paperFor } from '../ballots/helpers';

export { DAY, download, PDF, pdfText, UNIT_KEYS, K4 };
export type { UnitKey };

export interface YearEnd {
  year: number;
  yearId: string;
  blockId: string;
  blockCode: string;
  blockName: string;
  ids: Record<UnitKey, string>;
  names: Record<UnitKey, string>;
  acc: Record<UnitKey, { officer: string; head: string }>;
  scheme: BuiltScheme;
  roundId: string;
  conferenceId: string;
  /** Ballot ids by award code. */
  ballots: Record<string, string>;
  leader: Client_;
  leaderHead: Client_;
}

export interface YearEndOptions {
  year?: number;
  /** Awards balloted; city_flag needs the "Tập thể lao động xuất sắc" title, which the board records for dukcq. */
  awards?: ('city_merit' | 'city_flag')[];
  signTallies?: boolean;
  approveMinutes?: boolean;
}

/** I.1 scores giving ranks 1..5 in UNIT_KEYS order. */
const I1: Record<UnitKey, number> = { dukcq: 20, dukdn: 18, lhp: 16, hiza: 14, dukdh: 12 };

/** A PUT with the session (the shared client has none). */
async function putter(t: TestApp, email: string) {
  const { cookie, csrf } = await signInRaw(t, email);
  return (url: string, body: object) => t.http().put(url).set('Cookie', cookie).set('X-CSRF-Token', csrf).send(body);
}

/** Multipart upload of `file` as field "file", signed in as `email`. */
export async function uploadAs(t: TestApp, email: string, url: string, file: Buffer, filename: string): Promise<request.Response> {
  const { cookie, csrf } = await signInRaw(t, email);
  return t.http().post(url).set('Cookie', cookie).set('X-CSRF-Token', csrf).attach('file', file, filename);
}

/** Like expectStatus, for a response already requested. */
export async function expectRes<T = any>(res: Promise<request.Response>, status: number): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body as T;
}

export async function buildYearEnd(t: TestApp, opts: YearEndOptions = {}): Promise<YearEnd> {
  const year = opts.year ?? 2025;
  const awards = opts.awards ?? ['city_merit', 'city_flag'];
  const admin = await t.as(K4.admin);
  const board = await t.as(K4.board);
  const block = await createBlock(admin);
  const ids = {} as Record<UnitKey, string>;
  const names = {} as Record<UnitKey, string>;
  const acc = {} as Record<UnitKey, { officer: string; head: string }>;
  const people = {} as Record<UnitKey, { officer: string; head: string }>;
  for (const k of UNIT_KEYS) {
    const unit = await createUnit(admin);
    ids[k] = unit.id;
    names[k] = unit.name;
    const s = uniq();
    acc[k] = { officer: `canbo.${k}.${s}@thidua.vn`, head: `thutruong.${k}.${s}@thidua.vn` };
    people[k] = { officer: `Cán bộ ${k} ${s}`, head: `Thủ trưởng ${k} ${s}` };
    await createAccount(admin, { email: acc[k].officer, role: 'officer', unitId: unit.id, password: DEMO_PASSWORD, fullName: `Cán bộ ${k} ${s}` });
    await createAccount(admin, { email: acc[k].head, role: 'unit_head', unitId: unit.id, password: DEMO_PASSWORD, fullName: `Thủ trưởng ${k} ${s}` });
  }
  const by = await expectStatus(admin.post('/api/block-years', { blockId: block.id, year, memberUnitIds: UNIT_KEYS.map((k) => ids[k]), leaderUnitId: ids.dukcq, deputyUnitId: ids.dukdn }), 201);
  const leader = await t.as(acc.dukcq.officer);
  const leaderHead = await t.as(acc.dukcq.head);

  // The year-end round, finalised.
  const scheme = await buildScheme(leader, by.id);
  const now = Date.now();
  const round = await expectStatus(leader.post('/api/rounds', {
    blockYearId: by.id, schemeId: scheme.id, kind: 'year_end', title: `Chấm điểm thi đua năm ${year}`,
    selfAssessmentUntil: new Date(now + 10 * DAY).toISOString(), reviewUntil: new Date(now + 20 * DAY).toISOString(), explanationUntil: new Date(now + 30 * DAY).toISOString(),
  }), 201);
  const c = (code: string) => scheme.byCode[code].id;
  for (const k of UNIT_KEYS) {
    const put = await putter(t, acc[k].officer);
    const values: Record<string, object> = { 'I.1': { score: I1[k], note: 'Hoàn thành nhiệm vụ' }, 'I.2': { passed: true }, 'I.3': { count: 2 }, 'II.1': { actual: 100 }, 'II.2': { score: 20 } };
    for (const [code, v] of Object.entries(values)) {
      const res = await put(`/api/rounds/${round.id}/units/${ids[k]}/self/${c(code)}`, { version: 0, ...v });
      if (res.status !== 200) throw new Error(`self ${k} ${code}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    await expectRes(uploadAs(t, acc[k].officer, `/api/rounds/${round.id}/units/${ids[k]}/evidence/${c('I.1')}`, PDF, 'minh-chung.pdf'), 201);
    await expectStatus((await t.as(acc[k].head)).post(`/api/rounds/${round.id}/units/${ids[k]}/submit`), 200);
  }
  await advanceTo(leader, round.id, 'final_review');
  await expectStatus(leader.post(`/api/rounds/${round.id}/finalise`, { reason: 'Hội nghị tổng kết thông qua kết quả chấm điểm' }), 201);

  // Titles the city flag requires (recorded by the board).
  if (awards.includes('city_flag')) await expectStatus(board.post('/api/unit-titles', { unitId: ids.dukcq, year, title: 'Tập thể lao động xuất sắc' }), 201);

  // The year-end conference: everyone present; the ballots; the tally records; the minutes.
  const conf = await expectStatus(leader.post('/api/conferences', {
    blockYearId: by.id, kind: 'year_end', title: `Hội nghị tổng kết công tác thi đua, khen thưởng năm ${year}`,
    startsAt: new Date(now - 2 * 3600_000).toISOString(), endsAt: new Date(now + 3600_000).toISOString(), place: 'Hội trường đơn vị Khối trưởng',
    // The minutes name the leader unit's head as chair and its officer as secretary: they approve them.
    chairName: `${people.dukcq.head} – Thủ trưởng`, secretaryName: people.dukcq.officer, agenda: [{ title: 'Bình xét, suy tôn và bỏ phiếu đề nghị khen thưởng' }],
  }), 201);
  await expectStatus(leader.post(`/api/conferences/${conf.id}/open`), 201);
  for (const k of UNIT_KEYS) await expectStatus(leader.post(`/api/conferences/${conf.id}/attendance/${ids[k]}/check-in`, { presence: 'present', delegateName: `Thủ trưởng ${k}` }), 201);
  const ballots: Record<string, string> = {};
  for (const code of awards) {
    const b = await expectStatus(leader.post('/api/ballots', { conferenceId: conf.id, awardCode: code }), 201);
    const candidates = b.candidates.map((x: { unitId: string }) => x.unitId);
    for (const k of UNIT_KEYS) await expectStatus((await t.as(acc[k].head)).post(`/api/ballots/${b.id}/votes`, { paper: paperFor(b, candidates) }), 201);
    await expectStatus(leader.post(`/api/ballots/${b.id}/close`), 200);
    if (opts.signTallies !== false) {
      await expectStatus(leader.post(`/api/ballots/${b.id}/tally-record/sign`, { chairName: `Trưởng ban kiểm phiếu ${code}`, memberNames: ['Thành viên A', 'Thành viên B'] }), 200);
    }
    ballots[code] = b.id;
  }
  await expectStatus(leader.post(`/api/conferences/${conf.id}/close`, { conclusion: 'Hội nghị thống nhất đề nghị khen thưởng theo kết quả bỏ phiếu.' }), 201);
  if (opts.approveMinutes !== false) await approveMinutes(leader, leaderHead, conf.id);
  const [b] = await t.ds.query('SELECT code, name FROM blocks WHERE id = $1', [block.id]);
  return {
    year, yearId: by.id, blockId: block.id, blockCode: b.code, blockName: b.name, ids, names, acc, scheme, roundId: round.id, conferenceId: conf.id, ballots, leader, leaderHead,
  };
}

/** Chair (leader head) and secretary (leader officer) approve the minutes. */
export async function approveMinutes(leader: Client_, leaderHead: Client_, conferenceId: string) {
  let m = await expectStatus(leader.get(`/api/conferences/${conferenceId}/minutes`), 200);
  m = await expectStatus(leaderHead.post(`/api/conferences/${conferenceId}/minutes/approve`, { as: 'chair', version: m.version }), 201);
  return expectStatus(leader.post(`/api/conferences/${conferenceId}/minutes/approve`, { as: 'secretary', version: m.version }), 201);
}

/** A minimal real .docx (what jszip and the type check see as Word). */
export async function tinyDocx(text = 'Báo cáo thành tích'): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The text of a .docx, paragraph by paragraph (body, headers, footers). */
export async function docxText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const parts = ['word/document.xml', ...Object.keys(zip.files).filter((f) => /^word\/(header|footer)\d+\.xml$/.test(f)).sort()];
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const texts = await Promise.all(parts.map(async (part) => {
    const xml = await zip.file(part)!.async('string');
    return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
      .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[1] === undefined ? '\n' : decode(m[1]))).join(''))
      .join('\n');
  }));
  return texts.join('\n');
}

export const flat = (s: string) => s.replace(/\s+/g, ' ');

/** Rows of a table as the tests compare them. */
export async function rows(t: TestApp, sql: string, params: unknown[] = []): Promise<any[]> {
  return t.ds.query(sql, params);
}
