/**
 * A fresh block year for ballots: five units with officers and heads (rounds/helpers `newYear`), a test
 * scheme, a finalised year-end round with a chosen ranking (written directly: the scoring flow is tested in
 * its own module), and a year-end conference in session with the chosen units present.
 */
import type { Client_, TestApp } from '../app';
import { expectStatus } from '../factories';
import { newYear, UNIT_KEYS, type Fixture, type UnitKey } from '../rounds/helpers';
import { buildScheme } from '../scoring/helpers';
import { EXCELLENT_COLLECTIVE_TITLE } from '../../src/domain/year-end';
import { encryptPaper, generateKeyPair, type EncryptedPaper } from '../../src/modules/ballots/crypto/paper-crypto';

export { UNIT_KEYS, type UnitKey };

export interface BallotYear extends Fixture {
  leader: Client_;
  schemeId: string;
  roundId: string;
  /** Unit key by rank (1 first). */
  order: UnitKey[];
  /** Full names of the accounts, by email. */
  names: Record<string, string>;
  /** Signs in once per email. */
  as: (email: string) => Promise<Client_>;
  head: (k: UnitKey) => Promise<Client_>;
}

/** Default ranking: lhp 1, hiza 2, dukdh 3, dukcq 4, dukdn 5 (the leader is not first, on purpose). */
export const DEFAULT_ORDER: UnitKey[] = ['lhp', 'hiza', 'dukdh', 'dukcq', 'dukdn'];

export async function ballotYear(t: TestApp, opts: { order?: UnitKey[]; finalised?: boolean } = {}): Promise<BallotYear> {
  const f = await newYear(t);
  const clients = new Map<string, Client_>();
  const as = async (email: string) => {
    if (!clients.has(email)) clients.set(email, await t.as(email));
    return clients.get(email)!;
  };
  const leader = await as(f.acc.dukcq.officer);
  const scheme = await buildScheme(leader, f.yearId, { title: 'Biểu chấm điểm thi đua năm 2024' });
  const order = opts.order ?? DEFAULT_ORDER;
  const roundId = await finalisedRound(t, f, scheme.id, order, opts.finalised !== false);
  const rows: { email: string; full_name: string }[] = await t.ds.query('SELECT email, full_name FROM accounts WHERE unit_id = ANY($1::uuid[])', [Object.values(f.ids)]);
  return {
    ...f, leader, schemeId: scheme.id, roundId, order, names: Object.fromEntries(rows.map((r) => [r.email, r.full_name])),
    as, head: (k) => as(f.acc[k].head),
  };
}

/** A year-end round of the year, finalised with `order` as ranks 1..5 (totals 95, 90, …). */
async function finalisedRound(t: TestApp, f: Fixture, schemeId: string, order: UnitKey[], finalised: boolean): Promise<string> {
  const at = (days: number) => new Date(Date.now() - days * 86_400_000);
  const [r] = await t.ds.query(
    `INSERT INTO scoring_rounds (block_year_id, scheme_id, kind, title, phase, opens_at, self_assessment_until, review_until, explanation_until, finalised_at, version)
     VALUES ($1,$2,'year_end','Chấm điểm thi đua năm 2024',$3,$4,$5,$6,$7,$8,1) RETURNING id`,
    [f.yearId, schemeId, finalised ? 'finalised' : 'final_review', at(40), at(30), at(20), at(10), finalised ? at(5) : null]);
  if (finalised) {
    const ranking = order.map((k, i) => ({ unitId: f.ids[k], rank: i + 1, final: { total: 95 - 5 * i } }));
    await t.ds.query(
      `INSERT INTO round_snapshots (round_id, seq, finalised_at, ranking, row_hashes, digest) VALUES ($1,1,$2,$3,'[]','${'a'.repeat(64)}')`,
      [r.id, at(5), JSON.stringify(ranking)]);
  }
  return r.id;
}

/** "Tập thể lao động xuất sắc" 2024 for these units (the city flag requires it). */
export async function grantTitles(t: TestApp, y: BallotYear, keys: UnitKey[]): Promise<void> {
  for (const k of keys) {
    await t.ds.query(`INSERT INTO unit_titles (unit_id, year, title, version) VALUES ($1, 2024, $2, 1)`, [y.ids[k], EXCELLENT_COLLECTIVE_TITLE]);
  }
}

/** Sets keys of the year's rule set directly. */
export async function setRules(t: TestApp, y: { yearId: string }, patch: object): Promise<void> {
  await t.ds.query(`UPDATE block_years SET rules = rules || $2::jsonb WHERE id = $1`, [y.yearId, JSON.stringify(patch)]);
}

export interface Conf {
  id: string;
  body: any;
}

/**
 * The year-end conference created by the leader, opened (unless `open: false`), with `present` units
 * checked in (each unit's head as its delegate unless `delegates` names another person).
 */
export async function yearEndConference(
  y: BallotYear, opts: { present?: UnitKey[]; absent?: UnitKey[]; open?: boolean; kind?: string; delegates?: Partial<Record<UnitKey, string>> } = {},
): Promise<Conf> {
  const c = await expectStatus(y.leader.post('/api/conferences', {
    blockYearId: y.yearId, kind: opts.kind ?? 'year_end', title: 'Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024',
    startsAt: '2025-01-10T08:00:00+07:00', endsAt: '2025-01-10T11:30:00+07:00', place: 'Hội trường đơn vị Khối trưởng',
    chairName: y.names[y.acc.dukcq.head], secretaryName: y.names[y.acc.dukcq.officer],
  }), 201);
  if (opts.open !== false) await expectStatus(y.leader.post(`/api/conferences/${c.id}/open`), 201);
  for (const k of opts.present ?? UNIT_KEYS) {
    const delegateName = opts.delegates?.[k] ?? `${y.names[y.acc[k].head]} – Thủ trưởng đơn vị`;
    await expectStatus(y.leader.post(`/api/conferences/${c.id}/attendance/${y.ids[k]}/check-in`, { presence: 'present', delegateName }), 201);
  }
  for (const k of opts.absent ?? []) {
    await expectStatus(y.leader.post(`/api/conferences/${c.id}/attendance/${y.ids[k]}/check-in`, { presence: 'absent' }), 201);
  }
  return { id: c.id, body: c };
}

export async function openBallot(y: BallotYear, conferenceId: string, awardCode = 'city_merit', mode?: 'electronic' | 'paper') {
  return expectStatus(y.leader.post('/api/ballots', { conferenceId, awardCode, ...(mode ? { mode } : {}) }), 201);
}

/** A paper for `approvals` (unit ids), encrypted and proved as the browser does, for the ballot as read. */
export function paperFor(ballot: { id: string; publicKey: string; candidates: { unitId: string }[]; quota: number }, approvals: string[]): EncryptedPaper {
  return encryptPaper(
    { ballotId: ballot.id, publicKey: ballot.publicKey, candidates: ballot.candidates.length, quota: ballot.quota },
    ballot.candidates.map((c) => approvals.includes(c.unitId)),
  );
}

/** A well-formed paper under a stranger's key: for requests refused before the paper is even checked. */
export function strayPaper(candidates = 2): EncryptedPaper {
  return encryptPaper({ ballotId: '00000000-0000-4000-8000-000000000000', publicKey: generateKeyPair().publicKey, candidates, quota: 1 }, Array(candidates).fill(false));
}

/** The client casts an encrypted paper approving `approvals` (unit ids); returns the response. */
export async function castPaper(c: Client_, ballotId: string, approvals: string[], extra: object = {}) {
  const ballot = await expectStatus(c.get(`/api/ballots/${ballotId}`), 200);
  return c.post(`/api/ballots/${ballotId}/votes`, { paper: paperFor(ballot, approvals), ...extra });
}

/** Each unit's head votes for the listed candidates (unit keys). */
export async function vote(y: BallotYear, ballotId: string, votes: Partial<Record<UnitKey, UnitKey[]>>) {
  for (const [voter, approvals] of Object.entries(votes) as [UnitKey, UnitKey[]][]) {
    await expectStatus(castPaper(await y.head(voter), ballotId, approvals.map((k) => y.ids[k])), 201);
  }
}

export { docxText, pdfText } from '../drafts/doc-text';
