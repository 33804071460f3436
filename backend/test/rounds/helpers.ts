import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Client_, TestApp } from '../app';
import { createAccount, createBlock, createUnit, expectStatus, uniq } from '../factories';
import { DEMO_PASSWORD } from '../../src/database/demo/demo-data';
import { buildScheme, BuiltScheme, K4, putter } from '../scoring/helpers';

export const DAY = 86_400_000;
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Names used in the tests for the five units of a fresh block (after Khối 4's units): the first leads, the second is deputy. */
export const UNIT_KEYS = ['dukcq', 'dukdn', 'lhp', 'hiza', 'dukdh'] as const;
export type UnitKey = (typeof UNIT_KEYS)[number];

export interface Fixture {
  yearId: string;
  blockId: string;
  ids: Record<UnitKey, string>;
  /** officer and head emails by unit key, e.g. acc.lhp.officer. */
  acc: Record<UnitKey, { officer: string; head: string }>;
}

/** A fresh block year of five units, each with an officer and a head (password as the demo's). */
export async function newYear(t: TestApp): Promise<Fixture> {
  const admin = await t.as(K4.admin);
  const block = await createBlock(admin);
  const ids = {} as Record<UnitKey, string>;
  const acc = {} as Record<UnitKey, { officer: string; head: string }>;
  for (const k of UNIT_KEYS) {
    const unit = await createUnit(admin);
    ids[k] = unit.id;
    const s = uniq();
    acc[k] = { officer: `canbo.${k}.${s}@thidua.vn`, head: `thutruong.${k}.${s}@thidua.vn` };
    await createAccount(admin, { email: acc[k].officer, role: 'officer', unitId: unit.id, password: DEMO_PASSWORD, fullName: `Cán bộ ${k} ${s}` });
    await createAccount(admin, { email: acc[k].head, role: 'unit_head', unitId: unit.id, password: DEMO_PASSWORD, fullName: `Thủ trưởng ${k} ${s}` });
  }
  const year = await expectStatus(admin.post('/api/block-years', { blockId: block.id, year: 2024, memberUnitIds: UNIT_KEYS.map((k) => ids[k]), leaderUnitId: ids.dukcq, deputyUnitId: ids.dukdn }), 201);
  return { yearId: year.id, blockId: block.id, ids, acc };
}

export interface OpenRound extends Fixture {
  round: any;
  scheme: BuiltScheme;
  leader: Client_;
  put: (email: string) => Promise<Awaited<ReturnType<typeof putter>>>;
  c: (code: string) => string;
}

/** A fresh block year whose leader builds the test scheme and opens a round (self-assessment window of 10 days). */
export async function openRound(
  t: TestApp, over: { kind?: 'mid_year' | 'year_end'; beforeOpen?: (leader: Client_, scheme: BuiltScheme) => Promise<void> } = {},
): Promise<OpenRound> {
  const f = await newYear(t);
  const leader = await t.as(f.acc.dukcq.officer);
  const scheme = await buildScheme(leader, f.yearId);
  await over.beforeOpen?.(leader, scheme);
  const now = Date.now();
  const round = await expectStatus(leader.post('/api/rounds', {
    blockYearId: f.yearId, schemeId: scheme.id, kind: over.kind ?? 'year_end', title: 'Chấm điểm thi đua năm 2024 (thử)',
    selfAssessmentUntil: new Date(now + 10 * DAY).toISOString(), reviewUntil: new Date(now + 20 * DAY).toISOString(), explanationUntil: new Date(now + 30 * DAY).toISOString(),
  }), 201);
  const puts = new Map<string, Awaited<ReturnType<typeof putter>>>();
  return {
    ...f, round, scheme, leader,
    put: async (email) => {
      if (!puts.has(email)) puts.set(email, await putter(t, email));
      return puts.get(email)!;
    },
    c: (code) => scheme.byCode[code].id,
  };
}

/** The leader moves the round on, one phase at a time, up to `to`. */
export async function advanceTo(leader: Client_, roundId: string, to: 'review' | 'explanation' | 'final_review') {
  const order = ['self_assessment', 'review', 'explanation', 'final_review'];
  let r = await expectStatus(leader.get(`/api/rounds/${roundId}`), 200);
  while (order.indexOf(r.phase) < order.indexOf(to)) {
    r = await expectStatus(leader.post(`/api/rounds/${roundId}/advance`, { to: order[order.indexOf(r.phase) + 1], confirmation: 'XÁC NHẬN' }), 200);
  }
  return r;
}

export const unitUrl = (r: OpenRound, unitId: string) => `/api/rounds/${r.round.id}/units/${unitId}`;
export const selfUrl = (r: OpenRound, unitId: string, code: string) => `${unitUrl(r, unitId)}/self/${r.c(code)}`;

/** A complete self-assessment apart from evidence (I.1 requires a file). */
export const FULL: Record<string, object> = {
  'I.1': { score: 18, note: 'Hoàn thành 100% nhiệm vụ được giao' },
  'I.2': { passed: true },
  'I.3': { count: 4 },
  'II.1': { actual: 120 },
  'II.2': { score: 25 },
};

export async function fillSelf(r: OpenRound, email: string, unitId: string, values: Record<string, object> = FULL) {
  const put = await r.put(email);
  for (const [code, v] of Object.entries(values)) {
    const res = await put(selfUrl(r, unitId, code), { version: 0, ...v });
    if (res.status !== 200) throw new Error(`self ${code}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** Reads a binary response body. */
export async function download(c: Client_, url: string): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const res = await c.get(url).buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (d: Buffer) => chunks.push(d));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  return { status: res.status, headers: res.headers as Record<string, string>, body: res.body as Buffer };
}

/** Text of a PDF through pdf-parse, in a plain Node child (pdf.js loads its worker with a dynamic import jest refuses). */
export function pdfText(buf: Buffer): Promise<string> {
  const script = `
const { PDFParse } = require('pdf-parse');
(async () => {
  const parser = new PDFParse({ data: new Uint8Array(require('node:fs').readFileSync(0)) });
  const text = await parser.getText();
  await parser.destroy();
  process.stdout.write(text.text);
})().catch((e) => { console.error(e); process.exit(1); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '../..') });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out).toString('utf8')) : reject(new Error(Buffer.concat(err).toString('utf8')))));
    child.stdin.end(buf);
  });
}
