// Data generator: N blocks × M units × K criteria with every score source (self, two peer reviewers per
// unit, the leader's appraisal, explicit final scores for a tenth of the criteria), plus a "deadline rush"
// block whose round is open for self-assessment with many officer accounts. Writes straight through SQL,
// the way the application stores rows (scores computed by the same rules, stored at 2 decimals).
//
//   DATABASE_URL=postgres://… node bench/generate.mjs [--blocks 4 --units 25 --criteria 120 --officers 1000]
//   (the database must be migrated; prints what it wrote)
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { prng } from './lib.mjs';

const RULES = {
  quorumNumerator: 2, quorumDenominator: 3, voteThresholdPercent: 50, voteThresholdBase: 'members',
  quotas: { gov_flag: { kind: 'count', value: 1 }, city_flag: { kind: 'count', value: 1 }, city_merit: { kind: 'percent', value: 50 } },
  tieBreakChain: ['first_group_score', 'fewer_deductions', 'earlier_submission'], finalScoreRule: 'leader_appraisal', reviewsPerUnit: 2, scoringScaleMax: 1000, divergencePercent: 20,
};

const r2 = (x) => Math.round(x * 100) / 100;
const quarter = (x) => Math.round(x * 4) / 4;

/** The scheme: K leaves in groups of 20 (types cycling through the four scored types), one bonus and one deduction row. */
export function schemeRows(K) {
  const groups = Math.max(1, Math.ceil(K / 20));
  const rows = [];
  let leafIndex = 0;
  for (let g = 0; g < groups; g++) {
    const group = { id: randomUUID(), parentId: null, code: `${g + 1}`, title: `Nhóm tiêu chí ${g + 1}`, type: 'group', max: 0, order: g + 1, items: [], ppo: null };
    rows.push(group);
    const n = Math.min(20, K - leafIndex);
    for (let j = 0; j < n; j++, leafIndex++) {
      const kind = leafIndex % 10;
      const type = kind === 0 ? 'target' : kind === 1 ? 'pass_fail' : kind === 2 ? 'per_occurrence' : 'points';
      const max = type === 'pass_fail' ? 5 : type === 'points' ? (leafIndex % 2 ? 10 : 5) : 10;
      rows.push({ id: randomUUID(), parentId: group.id, code: `${g + 1}.${j + 1}`, title: `Tiêu chí ${g + 1}.${j + 1}`, type, max, order: j + 1, items: [], ppo: type === 'per_occurrence' ? 2.5 : null });
      group.max += max;
    }
  }
  rows.push({ id: randomUUID(), parentId: null, code: 'T', title: 'Điểm thưởng', type: 'bonus', max: 20, order: groups + 1, ppo: null,
    items: [{ id: 'flag', title: 'Cờ thi đua năm trước', points: 10, cap: null }, { id: 'init', title: 'Sáng kiến cấp Thành phố', points: 5, cap: 10 }] });
  rows.push({ id: randomUUID(), parentId: null, code: 'D', title: 'Điểm trừ', type: 'deduction', max: 20, order: groups + 2, ppo: null,
    items: [{ id: 'late', title: 'Nộp báo cáo chậm', points: 2, cap: 20 }] });
  const total = rows.filter((r) => r.type === 'group').reduce((s, r) => s + r.max, 0);
  return { rows, total, leaves: rows.filter((r) => r.type !== 'group' && r.type !== 'bonus' && r.type !== 'deduction') };
}

/** The stored score of an input, as the pure rules compute it (null for target criteria). */
export function scoreOf(c, input) {
  switch (c.type) {
    case 'points': return input.score;
    case 'pass_fail': return input.passed ? c.max : 0;
    case 'per_occurrence': return r2(Math.min(input.count * c.ppo, c.max));
    case 'target': return null;
    default: {
      let sum = 0;
      for (const it of c.items) sum += Math.min((input.items[it.id] ?? 0) * it.points, it.cap ?? Infinity);
      return r2(Math.min(sum, c.max));
    }
  }
}

function selfInput(c, q, rand) {
  switch (c.type) {
    case 'points': return { score: Math.max(0, Math.min(c.max, quarter(q * c.max * (0.85 + 0.3 * rand())))) };
    case 'pass_fail': return { passed: rand() < 0.9 };
    case 'per_occurrence': return { count: Math.min(5, Math.floor(q * 5 + rand())) };
    case 'target': return { actual: Math.round(100 * (0.7 + 0.6 * rand())) };
    case 'bonus': return { items: { flag: rand() < 0.3 ? 1 : 0, init: Math.floor(rand() * 3) } };
    default: return { items: { late: Math.floor(rand() * 3) } };
  }
}

/** A reviewer's lower value for the same criterion. */
function lowered(c, input, rand) {
  switch (c.type) {
    case 'points': return { score: Math.max(0, quarter(input.score - 0.5 - rand() * 2)) };
    case 'pass_fail': return { passed: false };
    case 'per_occurrence': return { count: Math.max(0, input.count - 1) };
    case 'target': return { actual: Math.max(0, input.actual - 5 - Math.floor(rand() * 10)) };
    case 'bonus': return { items: { ...input.items, init: Math.max(0, (input.items.init ?? 0) - 1) } };
    default: return { items: { late: (input.items.late ?? 0) + 1 } };
  }
}

async function insertMany(client, sql, columns) {
  const n = columns[0].length;
  for (let i = 0; i < n; i += 5000) await client.query(sql, columns.map((c) => c.slice(i, i + 5000)));
}

export async function insertScheme(client, yearId, K) {
  const { rows, total, leaves } = schemeRows(K);
  const [{ id }] = (await client.query(`INSERT INTO scoring_schemes (block_year_id, version_no, title, total_max, version) VALUES ($1, 1, 'Biểu chấm điểm (bench)', $2, 1) RETURNING id`, [yearId, total])).rows;
  // Parents first: groups come before their leaves in `rows`.
  await insertMany(client,
    `INSERT INTO scoring_criteria (id, scheme_id, parent_id, code, title, type, max_points, sort_order, points_per_occurrence, items, version)
     SELECT i, '${id}', p, c, t, ty, m, o, pp, it, 1 FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::int[], $8::numeric[], $9::jsonb[]) AS x(i, p, c, t, ty, m, o, pp, it)`,
    [rows.map((r) => r.id), rows.map((r) => r.parentId), rows.map((r) => r.code), rows.map((r) => r.title), rows.map((r) => r.type), rows.map((r) => r.max), rows.map((r) => r.order), rows.map((r) => r.ppo), rows.map((r) => JSON.stringify(r.items))]);
  // Frozen, as a scheme is once a round uses it.
  await client.query(`UPDATE scoring_schemes SET frozen_at = now() - interval '45 days' WHERE id = $1`, [id]);
  return { id, rows, leaves, total };
}

export async function insertBlock(client, b, M, label) {
  const [{ id: blockId }] = (await client.query(`INSERT INTO blocks (code, name, kind, version) VALUES ($1, $2, 'khoi', 1) RETURNING id`, [`B${b}`, `Khối ${label} ${b}`])).rows;
  const units = (await client.query(
    `INSERT INTO units (name, short_name, version) SELECT 'Đơn vị ' || $1 || ' ' || $2 || '-' || g, 'ĐV ' || $2 || '-' || g, 1 FROM generate_series(1, $3) g RETURNING id`, [label, b, M])).rows.map((r) => r.id);
  const [{ id: yearId }] = (await client.query(
    `INSERT INTO block_years (block_id, year, leader_unit_id, deputy_unit_id, status, rules, version) VALUES ($1, 2025, $2, $3, 'in_progress', $4, 1) RETURNING id`,
    [blockId, units[0], units[1], JSON.stringify(RULES)])).rows;
  await client.query(`INSERT INTO block_year_members (block_year_id, unit_id, year, block_id) SELECT $1, u, 2025, $2 FROM unnest($3::uuid[]) u`, [yearId, blockId, units]);
  return { blockId, yearId, units };
}

export async function insertAccounts(client, unitIds, role, prefix) {
  return (await client.query(
    `INSERT INTO accounts (full_name, email, role, unit_id, password_hash, version)
     SELECT $3 || ' ' || i, lower($3) || '.' || i || '.' || $4 || '@bench.thidua.vn', $2, u, 'x', 1 FROM unnest($1::uuid[]) WITH ORDINALITY AS t(u, i) RETURNING id, unit_id`,
    [unitIds, role, prefix, randomBytes(3).toString('hex')])).rows;
}

/** A block whose round is in final review with every score source. */
async function rankingBlock(client, b, M, K, seed) {
  const rand = prng(seed + b);
  const { yearId, units, blockId } = await insertBlock(client, b, M, 'bench');
  const scheme = await insertScheme(client, yearId, K);
  const heads = await insertAccounts(client, units, 'unit_head', 'Thủ trưởng');
  const [{ id: roundId }] = (await client.query(
    `INSERT INTO scoring_rounds (block_year_id, scheme_id, kind, title, phase, opens_at, self_assessment_until, review_until, explanation_until, assignment_seed, version)
     VALUES ($1, $2, 'year_end', 'Chấm điểm (bench)', 'final_review', now() - interval '40 days', now() - interval '30 days', now() - interval '20 days', now() - interval '10 days', 1, 1) RETURNING id`,
    [yearId, scheme.id])).rows;
  await client.query(
    `INSERT INTO self_assessments (round_id, unit_id, status, submitted_at, confirmed_by, confirmed_at, version)
     SELECT $1, u, 'submitted', now() - interval '31 days' + i * interval '7 minutes', h, now() - interval '31 days', 2 FROM unnest($2::uuid[], $3::uuid[]) WITH ORDINALITY AS t(u, h, i)`,
    [roundId, units, units.map((u) => heads.find((h) => h.unit_id === u).id)]);
  // Each unit reviews the next two on the circle: loads are even and nobody reviews itself.
  const pairs = units.flatMap((u, i) => [units[(i + 1) % M], units[(i + 2) % M]].map((v) => [u, v]));
  await client.query(`INSERT INTO review_assignments (round_id, reviewer_unit_id, reviewee_unit_id) SELECT $1, a, b FROM unnest($2::uuid[], $3::uuid[]) AS t(a, b)`,
    [roundId, pairs.map((p) => p[0]), pairs.map((p) => p[1])]);

  const cols = Array.from({ length: 12 }, () => []);
  const add = (unit, c, source, scorer, input, note) => {
    const v = [unit, c.id, source, scorer, c.type, c.max, scoreOf(c, input), input.passed ?? null, input.count ?? null, input.actual ?? null, input.items ? JSON.stringify(input.items) : null, note];
    v.forEach((x, i) => cols[i].push(x));
  };
  const targets = [[], [], []];
  const scored = [...scheme.leaves, ...scheme.rows.filter((r) => r.type === 'bonus' || r.type === 'deduction')];
  units.forEach((u, i) => {
    const q = 0.6 + 0.35 * rand();
    const appraiser = i === 0 ? units[1] : units[0];
    for (const c of scored) {
      const self = selfInput(c, q, rand);
      add(u, c, 'self', u, self, '');
      if (c.type === 'target' && rand() < 0.8) (targets[0].push(u), targets[1].push(c.id), targets[2].push(100));
      for (const reviewer of [units[(i - 1 + M) % M], units[(i - 2 + M) % M]]) {
        if (rand() < 0.2) add(u, c, 'peer', reviewer, lowered(c, self, rand), 'Minh chứng chưa đầy đủ');
        else add(u, c, 'peer', reviewer, self, '');
      }
      const leader = rand() < 0.15 ? lowered(c, self, rand) : self;
      add(u, c, 'leader', appraiser, leader, leader === self ? '' : 'Thẩm định: minh chứng chưa đầy đủ');
      if (rand() < 0.1) add(u, c, 'final', appraiser, leader, 'Chốt theo kết quả thẩm định sau giải trình');
    }
  });
  await insertMany(client,
    `INSERT INTO score_entries (round_id, unit_id, criterion_id, source, scorer_unit_id, criterion_type, max_points, score, passed, count, actual, items, note, version)
     SELECT '${roundId}', u, c, s, sc, ty, mx, sco, pa, cn, ac, it, no, 1
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::numeric[], $7::numeric[], $8::bool[], $9::int[], $10::numeric[], $11::jsonb[], $12::text[])
       AS t(u, c, s, sc, ty, mx, sco, pa, cn, ac, it, no)`, cols);
  await client.query(`INSERT INTO round_targets (round_id, unit_id, criterion_id, target) SELECT $1, u, c, t FROM unnest($2::uuid[], $3::uuid[], $4::numeric[]) AS x(u, c, t)`, [roundId, ...targets]);
  return { blockId, yearId, roundId, schemeId: scheme.id, units, scoreRows: cols[0].length };
}

/** The rush block: a round open for self-assessment, `officers` officer accounts with sessions, each owning a few criteria. */
async function rushBlock(client, b, M, K, officers, sessionFor) {
  const { yearId, units } = await insertBlock(client, b, M, 'rush');
  const scheme = await insertScheme(client, yearId, K);
  const [{ id: roundId }] = (await client.query(
    `INSERT INTO scoring_rounds (block_year_id, scheme_id, kind, title, phase, opens_at, self_assessment_until, review_until, explanation_until, version)
     VALUES ($1, $2, 'mid_year', 'Hạn nộp tự chấm (bench)', 'self_assessment', now() - interval '1 day', now() + interval '7 days', now() + interval '14 days', now() + interval '21 days', 1) RETURNING id`,
    [yearId, scheme.id])).rows;
  await client.query(`INSERT INTO self_assessments (round_id, unit_id, version) SELECT $1, u, 1 FROM unnest($2::uuid[]) u`, [roundId, units]);
  const perUnit = Math.ceil(officers / M);
  const owners = units.flatMap((u) => Array.from({ length: perUnit }, () => u)).slice(0, officers);
  const accounts = await insertAccounts(client, owners, 'officer', 'Cán bộ');
  const perOfficer = Math.max(1, Math.floor(scheme.leaves.length / perUnit));
  const seen = new Map();
  const list = [];
  for (const a of accounts) {
    const j = seen.get(a.unit_id) ?? 0;
    seen.set(a.unit_id, j + 1);
    list.push({ accountId: a.id, unitId: a.unit_id, criteria: scheme.leaves.slice((j * perOfficer) % scheme.leaves.length, (j * perOfficer) % scheme.leaves.length + perOfficer), ...(await sessionFor(a.id)) });
  }
  return { roundId, yearId, units, officers: list, leaves: scheme.leaves };
}

export async function generate(client, { blocks = 4, units = 25, criteria = 120, officers = 1000, seed = 2025, sessionFor } = {}) {
  const out = { ranking: [], rush: null };
  for (let b = 0; b < blocks; b++) out.ranking.push(await rankingBlock(client, b, units, criteria, seed));
  if (officers > 0) out.rush = await rushBlock(client, blocks, units, criteria, officers, sessionFor);
  return out;
}

// CLI
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, d) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : d;
  };
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const sessionFor = async (accountId) => {
    const token = randomBytes(32).toString('hex');
    await client.query(`INSERT INTO sessions (id, account_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`,
      [createHash('sha256').update(token).digest('hex'), accountId, randomBytes(32).toString('hex')]);
    return { token };
  };
  const t0 = Date.now();
  const out = await generate(client, { blocks: arg('blocks', 4), units: arg('units', 25), criteria: arg('criteria', 120), officers: arg('officers', 0), sessionFor });
  console.log(`blocks: ${out.ranking.length}, score rows: ${out.ranking.reduce((s, b) => s + b.scoreRows, 0)}, rush officers: ${out.rush?.officers.length ?? 0}, in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await client.end();
}
