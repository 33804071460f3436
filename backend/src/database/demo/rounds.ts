/**
 * Demo data of the rounds module for Khối thi đua số 4: the finalised 2024 year-end round with every score
 * source (self, two peer reviewers per unit, the leader's appraisal, explanations and final scores) and its
 * signed snapshot; and the open 2025 mid-year round in the self-assessment phase with units at different
 * stages. Called by the demo loader inside its transaction, after `seedScoringDemo` and `seedAwardsDemo` (a finalised
 * round's ranking counts the awards of the year before).
 * Sends no SQL of its own. Every round is built through the rounds module's use cases (their `…Tx` forms, in the
 * loader's transaction, acting as the demo's people, with the story's date as `at` where they send a notice: dated
 * then, no mail queued), then dated by the rounds module's demo-history operations (`demo-history-data.ts`: times and
 * the calendar only). A finalised round is
 * finalised through the use case with the story's date (`finaliseTx`'s `at`), so its signed snapshot is the use case's.
 */
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../modules/audit/audit.service';
import { CriterionInput, SchemeNode } from '@thidua/rules';
import { targetsInForce } from '../../modules/covenants/covenant-data';
import { CriterionRow, toSchemeNode } from '../../modules/scoring/scheme-tree';
import { asMap, blockYearId, DemoIds, ScoringDemoResult } from './scoring';
import { listSchemes, recordDemoFreeze, selectCriteria } from '../../modules/scoring/scoring-data';
import {
  recordDemoAssignmentTimes, recordDemoEvidenceTimes, recordDemoExplanationTimes, recordDemoRoundCalendar, recordDemoRoundOpened, recordDemoScoreTimes,
  recordDemoSelfAssessmentTimes, recordDemoTargetTimes,
} from '../../modules/rounds/demo-history-data';
import { assignmentPairs } from '../../modules/rounds/review-data';
import { ReviewsService } from '../../modules/rounds/reviews.service';
import { AssessmentsService } from '../../modules/rounds/assessments.service';
import { RoundsService } from '../../modules/rounds/rounds.service';
import { ResultsService } from '../../modules/rounds/results.service';
import { AdvancePreviewService } from '../../modules/rounds/advance-preview.service';
import { RoundProgressReader } from '../../modules/rounds/progress-reader';
import { ScoringService } from '../../modules/scoring/scoring.service';
import { CovenantsService } from '../../modules/covenants/covenants.service';
import { AwardsService } from '../../modules/awards/awards.service';
import { ScopeService } from '../../common/scope/scope.service';
import { NewsService } from '../../modules/news/news.service';
import { DraftReadService } from '../../modules/drafts/draft-read.service';
import { demoActor } from './demo-ids';
import { databaseNow } from '../../modules/rounds/round-row-data';
import { criterionForIndicator, RoundData } from '../../modules/rounds/round-data';

export interface RoundsDemoResult {
  round2024Id: string;
  round2025Id: string;
  /** The finalised 2025 year-end round of Khối thi đua số 1 (null when that block year or its scheme is absent). */
  ktd1YearEnd2025Id: string | null;
}

type Key = 'hiza' | 'dukcq' | 'lhp' | 'dukdn' | 'dukdh';
const KEYS: Key[] = ['hiza', 'dukcq', 'lhp', 'dukdn', 'dukdh'];
type Inputs = Record<string, CriterionInput & { note?: string }>;

const at = (s: string) => new Date(`${s}+07:00`);

/** Self-assessments of the 2024 year-end round. */
const SELF_2024: Record<Key, Inputs> = {
  dukcq: {
    'I.1': { score: 15, note: 'Hoàn thành 100% chỉ tiêu, nhiệm vụ Thành ủy giao năm 2024' }, 'I.2': { actual: 100 }, 'I.3': { score: 9.5 }, 'I.4': { passed: true },
    'II.1': { passed: true, note: 'Kế hoạch số 12-KH/ĐUK ngày 15/01/2024' }, 'II.2': { count: 4 }, 'II.3': { count: 5 }, 'II.4': { actual: 40 }, 'II.5': { score: 5 },
    'III.1': { passed: true }, 'III.2': { score: 10 }, 'III.3': { score: 5 }, T: { items: { city_flag: 1 }, note: 'Cờ thi đua của UBND Thành phố năm 2023' },
  },
  hiza: {
    'I.1': { score: 14.5, note: 'Thu hút vốn đầu tư đạt 104% kế hoạch' }, 'I.2': { actual: 99.8 }, 'I.3': { score: 9 }, 'I.4': { passed: true },
    'II.1': { passed: true }, 'II.2': { count: 3 }, 'II.3': { count: 4 }, 'II.4': { actual: 26 }, 'II.5': { score: 5 },
    'III.1': { passed: true }, 'III.2': { score: 9.5 }, 'III.3': { score: 5 }, T: { items: { initiative: 2 }, note: 'Hai sáng kiến về số hóa hồ sơ đầu tư' },
  },
  lhp: {
    'I.1': { score: 14, note: 'Hoàn thành kế hoạch đào tạo, bồi dưỡng 2.350 lượt cán bộ' }, 'I.2': { actual: 99.2 }, 'I.3': { score: 9 }, 'I.4': { passed: true },
    'II.1': { passed: true }, 'II.2': { count: 3 }, 'II.3': { count: 3 }, 'II.4': { actual: 20 }, 'II.5': { score: 4.5 },
    'III.1': { passed: true }, 'III.2': { score: 9.5 }, 'III.3': { score: 4.5 },
  },
  dukdn: {
    'I.1': { score: 14 }, 'I.2': { actual: 98.6 }, 'I.3': { score: 8.5 }, 'I.4': { passed: true },
    'II.1': { passed: true }, 'II.2': { count: 2 }, 'II.3': { count: 3 }, 'II.4': { actual: 27 }, 'II.5': { score: 4.5 },
    'III.1': { passed: true }, 'III.2': { score: 9 }, 'III.3': { score: 4.5 }, D: { items: { late_report: 1 }, note: 'Nộp chậm báo cáo 6 tháng' },
  },
  dukdh: {
    'I.1': { score: 13.5 }, 'I.2': { actual: 97.5 }, 'I.3': { score: 8 }, 'I.4': { passed: true },
    'II.1': { passed: true }, 'II.2': { count: 2 }, 'II.3': { count: 2 }, 'II.4': { actual: 25 }, 'II.5': { score: 4 },
    'III.1': { passed: true }, 'III.2': { score: 9 }, 'III.3': { score: 4.5 }, D: { items: { late_report: 2 } },
  },
};

/** What the first peer reviewer of each unit scored lower, with the reason (the other rows equal the self-assessment). */
const PEER_2024: Record<Key, Inputs> = {
  hiza: { 'I.1': { score: 13.5, note: 'Chưa có minh chứng hoàn thành chỉ tiêu thu hút vốn đầu tư quý IV' } },
  lhp: { 'II.2': { count: 2, note: 'Một phong trào chưa có báo cáo sơ kết' } },
  dukdn: { 'I.3': { score: 8, note: 'Chỉ số cải cách hành chính năm 2024 giảm 2 bậc' } },
  dukdh: { 'II.3': { count: 1, note: 'Chỉ một điển hình được biểu dương trên báo chí Thành phố' } },
  dukcq: { 'III.2': { score: 9.5, note: 'Đoàn Thanh niên chưa đạt chỉ tiêu kết nạp đoàn viên mới' } },
};

/** The leader's (for ĐUK các cơ quan TP itself: the deputy's) appraisal where it differs from the self-assessment. */
const LEADER_2024: Record<Key, Inputs> = {
  hiza: { 'I.1': { score: 13.5, note: 'Minh chứng quý IV chưa đầy đủ' }, T: { items: { initiative: 1 }, note: 'Chỉ 01 sáng kiến có quyết định công nhận cấp Thành phố' } },
  lhp: {},
  dukdn: { D: { items: { late_report: 2 }, note: 'Nộp chậm báo cáo 6 tháng và báo cáo năm' } },
  dukdh: { 'I.3': { score: 7.5, note: 'Chưa triển khai dịch vụ công trực tuyến toàn trình' } },
  dukcq: {},
};

const EXPLANATIONS_2024: Partial<Record<Key, Record<string, string>>> = {
  hiza: { 'I.1': 'Đơn vị bổ sung Báo cáo số 125/BC-BQL ngày 20/12/2024 về kết quả thu hút đầu tư quý IV, có xác nhận của Sở Kế hoạch và Đầu tư.' },
  dukdn: { D: 'Báo cáo năm nộp chậm 01 ngày do trùng lịch Đại hội; đề nghị Khối xem xét.' },
};

const FINAL_2024: Partial<Record<Key, Inputs>> = {
  hiza: { 'I.1': { score: 14, note: 'Chấp nhận một phần giải trình của đơn vị' } },
  dukdn: { D: { items: { late_report: 2 }, note: 'Giữ nguyên kết quả thẩm định sau giải trình' } },
};

const SUBMITTED_2024: Record<Key, string> = {
  hiza: '2024-12-02T16:40:00', dukcq: '2024-12-03T10:15:00', lhp: '2024-12-04T09:00:00', dukdn: '2024-12-05T15:30:00', dukdh: '2024-12-05T16:55:00',
};

/**
 * Targets (chỉ tiêu) of the 2024 covenant for I.2 and II.4 (the covenant demo's indicators have the same
 * titles). Used only when no 2024 covenant is in force, entered in the round instead.
 */
const TARGETS_2024: Record<Key, { 'I.2': number; 'II.4': number }> = {
  hiza: { 'I.2': 99.5, 'II.4': 24 }, dukcq: { 'I.2': 100, 'II.4': 36 }, lhp: { 'I.2': 100, 'II.4': 20 }, dukdn: { 'I.2': 100, 'II.4': 30 }, dukdh: { 'I.2': 100, 'II.4': 28 },
};

/** A small valid one-page PDF standing in for a scanned document. */
export function demoPdf(lines: string[]): Buffer {
  const text = lines.map((l, i) => `BT /F1 12 Tf 72 ${770 - i * 18} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function loadScheme(em: EntityManager, schemeId: string): Promise<{ rows: CriterionRow[]; nodes: Map<string, SchemeNode>; byCode: Map<string, CriterionRow> }> {
  const rows: CriterionRow[] = await selectCriteria(em, schemeId);
  return { rows, nodes: new Map(rows.map((r) => [r.id, toSchemeNode(r)])), byCode: new Map(rows.map((r) => [r.code, r])) };
}

async function schemeOf(em: EntityManager, yearId: string, given?: string): Promise<string> {
  if (given) return given;
  const [latest] = await listSchemes(em, yearId);
  if (!latest) throw new Error('demo: seed the scoring scheme first (seedScoringDemo)');
  return latest.id;
}

/** Seeds both rounds; pass the result of `seedScoringDemo` (or the schemes are looked up by year). */
export async function seedRoundsDemo(em: EntityManager, ids: DemoIds, schemes?: ScoringDemoResult): Promise<RoundsDemoResult> {
  const unitMap = asMap(ids.units);
  const units = Object.fromEntries(KEYS.map((k) => [k, unitMap.get(k)])) as Record<Key, string>;
  if (KEYS.some((k) => !units[k])) throw new Error('demo: the units of Khối thi đua số 4 are missing from ids.units');
  const audit = em.queryRunner?.isTransactionActive ? new AuditService(em.connection) : null;
  const round2024Id = await seedFinalisedRound(em, ids, KTD4_2024, schemes?.scheme2024Id);
  const round2025Id = await seed2025(em, ids, schemes?.scheme2025Id, units);
  const ktd1YearEnd2025Id = schemes?.ktd1Scheme2025Id ? await seedFinalisedRound(em, ids, KTD1_2025, schemes.ktd1Scheme2025Id) : null;
  await audit?.record(em, null, { action: 'demo.rounds', entityType: 'system', reason: 'Nạp dữ liệu minh họa: đợt chấm điểm', after: { rounds: [round2024Id, round2025Id, ktd1YearEnd2025Id].filter(Boolean) } });
  return { round2024Id, round2025Id, ktd1YearEnd2025Id };
}

/** A finalised year-end round to seed: who scored what, when, and the dates of its phases (Vietnam time). */
export interface FinalisedRoundSpec {
  blockCode: string;
  year: number;
  title: string;
  /** Demo unit keys of the members, in the order they are seeded. */
  keys: string[];
  /** The leader unit (appraises everyone else) and the deputy (appraises the leader). */
  leader: string;
  deputy: string;
  self: Record<string, Inputs>;
  /** What the first peer reviewer of a unit scored differently (the other rows and reviewers equal the self-assessment). */
  peer: Record<string, Inputs>;
  /** The appraisal where it differs from the self-assessment. */
  appraisal: Record<string, Inputs>;
  explanations: Record<string, Record<string, string>>;
  final: Record<string, Inputs>;
  submitted: Record<string, string>;
  /** Targets of I.2 and II.4, entered in the round when no covenant of the year is in force. */
  targets: Record<string, { 'I.2': number; 'II.4': number }>;
  dates: {
    opens: string; selfUntil: string; reviewUntil: string; explanationUntil: string; finalUntil: string; targetsAt: string; assignmentsAt: string;
    selfAt: string; evidenceAt: string; peerAt: string; appraisalAt: string; explanationAt: string; finalAt: string; finalisedAt: string;
  };
  evidenceLines: string[];
  reason: string;
}

const KTD4_2024: FinalisedRoundSpec = {
  blockCode: 'KTĐ4', year: 2024, title: 'Chấm điểm thi đua năm 2024', keys: KEYS, leader: 'dukcq', deputy: 'dukdn',
  self: SELF_2024, peer: PEER_2024, appraisal: LEADER_2024, explanations: EXPLANATIONS_2024, final: FINAL_2024, submitted: SUBMITTED_2024, targets: TARGETS_2024,
  dates: {
    opens: '2024-11-15T08:00:00', selfUntil: '2024-12-05T17:00:00', reviewUntil: '2024-12-15T17:00:00', explanationUntil: '2024-12-20T17:00:00', finalUntil: '2024-12-27T17:00:00',
    targetsAt: '2024-11-15T08:30:00', assignmentsAt: '2024-12-06T08:00:00', selfAt: '2024-12-01T10:00:00', evidenceAt: '2024-12-01T11:00:00', peerAt: '2024-12-10T14:00:00',
    appraisalAt: '2024-12-14T09:00:00', explanationAt: '2024-12-18T10:00:00', finalAt: '2024-12-23T15:00:00', finalisedAt: '2024-12-26T16:00:00',
  },
  evidenceLines: ['Khoi thi dua so 4 - Minh chung (du lieu minh hoa)', 'Tai lieu nay chi dung de trinh dien he thong.'],
  reason: 'Hội nghị tổng kết Khối thông qua kết quả chấm điểm (dữ liệu minh họa)',
};

/**
 * Seeds a year-end round through to its signed snapshot as the people of the story clicked, through the rounds
 * module's use cases: the leader's officer opens it and enters targets (when no covenant is in force), officers
 * self-assess with evidence and submit, heads confirm; the leader assigns two peer reviewers per unit and moves
 * the round on; reviewers score, the leader (for its own unit, the deputy) appraises; units explain, the appraiser
 * sets final scores. The round runs with a calendar that lets each step pass at load time; the demo-history
 * operations then move the recorded times and the calendar to the story's dates; last, the leader finalises it on
 * the story's date (the ranking, the digest and its audit entry by the use case).
 */
export async function seedFinalisedRound(em: EntityManager, ids: DemoIds, spec: FinalisedRoundSpec, schemeId?: string): Promise<string> {
  const unitMap = asMap(ids.units);
  const units = Object.fromEntries(spec.keys.map((k) => [k, unitMap.get(k)])) as Record<string, string>;
  if (spec.keys.some((k) => !units[k])) throw new Error(`demo: the units of ${spec.blockCode} are missing from ids.units`);
  const officer = (k: string) => demoActor(em, `canbo.${k}@thidua.vn`);
  const head = (k: string) => demoActor(em, `thutruong.${k}@thidua.vn`);
  const { rounds, assessments, reviews, results } = roundsUseCases(em);
  const d = spec.dates;
  const yearId = await blockYearId(em, ids, spec.blockCode, spec.year);
  const scheme = await schemeOf(em, yearId, schemeId);
  const c = await loadScheme(em, scheme);
  const criterion = (code: string) => c.byCode.get(code)!.id;
  const leader = await officer(spec.leader);
  const now = await databaseNow(em);
  const later = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString();

  await recordDemoFreeze(em, scheme, at(d.opens));
  const id = await rounds.createTx(em, leader, {
    blockYearId: yearId, schemeId: scheme, kind: 'year_end', title: spec.title, opensAt: at(d.opens).toISOString(),
    selfAssessmentUntil: later(1), reviewUntil: later(2), explanationUntil: later(3), finalReviewUntil: later(4),
  }, { at: at(d.opens) });
  // Targets: the covenant in force, whose indicators are the titles of I.2 and II.4; else entered in the round.
  const targetCriteria = c.rows.filter((r) => r.type === 'target');
  const covenant = await targetsInForce(em, yearId);
  const fromCovenant = covenant.map((t) => ({ unitId: t.unitId, criterionId: criterionForIndicator(t.indicator, targetCriteria), target: t.targetValue })).filter((t) => t.criterionId);
  if (!fromCovenant.length) {
    await rounds.setTargetsTx(em, leader, id, {
      targets: spec.keys.flatMap((k) => [{ unitId: units[k], criterionId: criterion('I.2'), target: spec.targets[k]['I.2'] }, { unitId: units[k], criterionId: criterion('II.4'), target: spec.targets[k]['II.4'] }]),
    });
  }

  // Self-assessment: every unit fills its form, attaches evidence and submits; its head confirms.
  const pdf = demoPdf(spec.evidenceLines);
  for (const k of spec.keys) {
    const by = await officer(k);
    const self = spec.self[k];
    for (const [code, input] of Object.entries(self)) await assessments.saveSelfTx(em, by, id, units[k], criterion(code), { ...input, version: 0 });
    for (const code of ['I.1', 'II.1', 'III.1', ...(self.T ? ['T'] : [])]) {
      await assessments.uploadEvidenceTx(em, by, id, units[k], criterion(code), 'self', { buffer: pdf, originalname: `Minh chứng ${code}.pdf` });
    }
    await assessments.submitTx(em, by, id, units[k], { at: at(spec.submitted[k]) });
    await assessments.confirmTx(em, await head(k), id, units[k], { at: at(spec.submitted[k]) });
  }

  // Review: two peer reviewers per unit (the first scores what `peer` says, the second agrees with the unit), and the
  // appraisal by the leader (the leader unit itself by the deputy).
  await reviews.generateTx(em, leader, id, { seed: spec.year }, { at: at(d.assignmentsAt) });
  await rounds.advanceTx(em, leader, id, { to: 'review' }, { at: at(d.selfUntil) });
  const keyOf = (unitId: string) => spec.keys.find((k) => units[k] === unitId)!;
  const assignments = await assignmentPairs(em, id);
  const appraiserOf = (k: string) => (k === spec.leader ? spec.deputy : spec.leader);
  for (const k of spec.keys) {
    const self = spec.self[k];
    const reviewers = assignments.filter((a) => a.revieweeUnitId === units[k]).map((a) => keyOf(a.reviewerUnitId));
    for (const [i, reviewer] of reviewers.entries()) {
      const by = await officer(reviewer);
      for (const [code, input] of Object.entries(self)) {
        const lowered = i === 0 ? spec.peer[k]?.[code] : undefined;
        await reviews.saveReviewTx(em, by, id, units[k], criterion(code), { ...(lowered ?? { ...input, note: '' }), version: 0 }, 'peer');
      }
    }
    const appraiser = await officer(appraiserOf(k));
    for (const [code, input] of Object.entries(self)) {
      await reviews.saveReviewTx(em, appraiser, id, units[k], criterion(code), { ...(spec.appraisal[k]?.[code] ?? { ...input, note: '' }), version: 0 }, 'leader');
    }
  }

  // Explanations of lowered scores, with a document; then the final scores.
  await rounds.advanceTx(em, leader, id, { to: 'explanation' }, { at: at(d.reviewUntil) });
  for (const k of spec.keys) {
    const by = await officer(k);
    for (const [code, text] of Object.entries(spec.explanations[k] ?? {})) {
      const name = `Giải trình ${code}.pdf`;
      await assessments.saveExplanationTx(em, by, id, units[k], criterion(code), { text, version: 0 });
      await assessments.uploadEvidenceTx(em, by, id, units[k], criterion(code), 'explanation', { buffer: pdf, originalname: name });
    }
  }
  await rounds.advanceTx(em, leader, id, { to: 'final_review' }, { at: at(d.explanationUntil) });
  for (const k of spec.keys) {
    const appraiser = await officer(appraiserOf(k));
    for (const [code, input] of Object.entries(spec.final[k] ?? {})) await reviews.saveReviewTx(em, appraiser, id, units[k], criterion(code), { ...input, version: 0 }, 'final');
  }

  // The story's dates.
  await recordDemoRoundCalendar(em, id, {
    opensAt: at(d.opens), selfAssessmentUntil: at(d.selfUntil), reviewUntil: at(d.reviewUntil), explanationUntil: at(d.explanationUntil), finalReviewUntil: at(d.finalUntil),
  });
  await recordDemoRoundOpened(em, id, at(d.opens));
  if (!fromCovenant.length) await recordDemoTargetTimes(em, id, at(d.targetsAt));
  await recordDemoAssignmentTimes(em, id, at(d.assignmentsAt));
  for (const k of spec.keys) {
    await recordDemoSelfAssessmentTimes(em, id, units[k], { createdAt: at(d.opens), updatedAt: at(spec.submitted[k]), submittedAt: at(spec.submitted[k]) });
    await recordDemoScoreTimes(em, id, units[k], 'self', at(d.selfAt));
    await recordDemoScoreTimes(em, id, units[k], 'peer', at(d.peerAt));
    await recordDemoScoreTimes(em, id, units[k], 'leader', at(d.appraisalAt));
    await recordDemoScoreTimes(em, id, units[k], 'final', at(d.finalAt));
    await recordDemoEvidenceTimes(em, id, units[k], 'self', at(d.evidenceAt));
    await recordDemoEvidenceTimes(em, id, units[k], 'explanation', new Date(at(d.explanationAt).getTime() + 5 * 60_000));
    await recordDemoExplanationTimes(em, id, units[k], at(d.explanationAt));
  }

  // The leader finalises on the story's date: the use case seals that date into the snapshot's digest.
  await results.finaliseTx(em, leader, id, spec.reason, { at: at(d.finalisedAt) });
  return id;
}

/**
 * Khối thi đua số 1, 2025: the year-end round finalised on 22/12/2025, ready for the year-end conference that a
 * newcomer replays in the browser (leader Sở Tài chính, deputy Sở Tư pháp).
 */
const FULL = (o: Partial<Inputs> = {}): Inputs => ({
  'I.1': { score: 14 }, 'I.2': { actual: 99 }, 'I.3': { score: 9 }, 'I.4': { passed: true }, 'II.1': { passed: true }, 'II.2': { count: 3 }, 'II.3': { count: 3 },
  'II.4': { actual: 24 }, 'II.5': { score: 4.5 }, 'III.1': { passed: true }, 'III.2': { score: 9 }, 'III.3': { score: 4.5 }, ...o,
}) as Inputs;

export const KTD1_2025: FinalisedRoundSpec = {
  blockCode: 'KTĐ1', year: 2025, title: 'Chấm điểm thi đua năm 2025', keys: ['snv', 'stc', 'stp', 'ttra', 'vpub', 'sqhkt'], leader: 'stc', deputy: 'stp',
  self: {
    snv: FULL({ 'I.1': { score: 15, note: 'Hoàn thành 100% nhiệm vụ sắp xếp tổ chức bộ máy theo Nghị quyết 18-NQ/TW' }, 'I.2': { actual: 100 }, 'I.3': { score: 9.5 },
      'II.2': { count: 4 }, 'II.3': { count: 5 }, 'II.4': { actual: 34 }, 'II.5': { score: 5 }, 'III.2': { score: 10 }, 'III.3': { score: 5 },
      T: { items: { initiative: 2 }, note: 'Hai sáng kiến cấp Thành phố về số hóa hồ sơ cán bộ' } }),
    vpub: FULL({ 'I.1': { score: 14.5, note: 'Tham mưu ban hành đúng hạn 100% văn bản theo Chương trình công tác của UBND Thành phố' }, 'I.2': { actual: 100 }, 'I.3': { score: 9.5 },
      'II.2': { count: 4 }, 'II.3': { count: 4 }, 'II.4': { actual: 30 }, 'II.5': { score: 5 }, 'III.2': { score: 9.5 }, 'III.3': { score: 5 } }),
    stc: FULL({ 'I.1': { score: 14.5, note: 'Thu ngân sách trên địa bàn đạt 108% dự toán' }, 'I.2': { actual: 99.6 }, 'II.2': { count: 4 }, 'II.4': { actual: 27 }, 'II.5': { score: 5 }, 'III.2': { score: 9.5 } }),
    stp: FULL({ 'I.3': { score: 8.5 }, 'II.4': { actual: 22 } }),
    ttra: FULL({ 'I.1': { score: 13.5 }, 'I.2': { actual: 98.2 }, 'I.3': { score: 8.5 }, 'II.2': { count: 2 }, 'II.4': { actual: 20 }, D: { items: { late_report: 1 }, note: 'Nộp chậm báo cáo quý III' } }),
    sqhkt: FULL({ 'I.1': { score: 13 }, 'I.2': { actual: 97.4 }, 'I.3': { score: 8 }, 'II.2': { count: 2 }, 'II.3': { count: 2 }, 'II.4': { actual: 18 }, 'II.5': { score: 4 } }),
  },
  peer: {
    stc: { 'II.2': { count: 3, note: 'Phong trào thi đua chuyên đề quý IV chưa có báo cáo sơ kết' } },
    ttra: { 'I.3': { score: 8, note: 'Chỉ số cải cách hành chính năm 2025 giảm 3 bậc' } },
    snv: { 'II.3': { count: 4, note: 'Một điển hình chưa có quyết định biểu dương' } },
  },
  appraisal: {
    snv: { T: { items: { initiative: 1 }, note: 'Một sáng kiến chưa có quyết định công nhận cấp Thành phố' } },
    sqhkt: { 'I.3': { score: 7.5, note: 'Chưa hoàn thành số hóa hồ sơ quy hoạch theo kế hoạch' } },
    ttra: { D: { items: { late_report: 2 }, note: 'Nộp chậm báo cáo quý III và báo cáo năm' } },
  },
  explanations: { snv: { T: 'Sáng kiến thứ hai đã được Hội đồng sáng kiến Thành phố công nhận ngày 15/12/2025 (Quyết định số 5180/QĐ-UBND).' } },
  final: { snv: { T: { items: { initiative: 2 }, note: 'Chấp nhận giải trình: bổ sung quyết định công nhận sáng kiến' } } },
  submitted: {
    snv: '2025-12-03T09:20:00', vpub: '2025-12-03T15:45:00', stc: '2025-12-04T10:10:00', stp: '2025-12-04T16:30:00', ttra: '2025-12-05T11:00:00', sqhkt: '2025-12-05T16:40:00',
  },
  targets: {
    snv: { 'I.2': 100, 'II.4': 30 }, vpub: { 'I.2': 100, 'II.4': 28 }, stc: { 'I.2': 100, 'II.4': 26 }, stp: { 'I.2': 100, 'II.4': 24 }, ttra: { 'I.2': 100, 'II.4': 20 }, sqhkt: { 'I.2': 100, 'II.4': 20 },
  },
  dates: {
    opens: '2025-11-17T08:00:00', selfUntil: '2025-12-05T17:00:00', reviewUntil: '2025-12-12T17:00:00', explanationUntil: '2025-12-17T17:00:00', finalUntil: '2025-12-24T17:00:00',
    targetsAt: '2025-11-17T08:30:00', assignmentsAt: '2025-12-08T08:00:00', selfAt: '2025-12-02T10:00:00', evidenceAt: '2025-12-02T11:00:00', peerAt: '2025-12-10T14:00:00',
    appraisalAt: '2025-12-12T09:00:00', explanationAt: '2025-12-16T10:00:00', finalAt: '2025-12-19T15:00:00', finalisedAt: '2025-12-22T16:00:00',
  },
  evidenceLines: ['Khoi thi dua so 1 - Minh chung nam 2025 (du lieu minh hoa)', 'Tai lieu nay chi dung de trinh dien he thong.'],
  reason: 'Khối trưởng chốt kết quả chấm điểm năm 2025 trước hội nghị tổng kết (dữ liệu minh họa)',
};

/** Progress of the 2025 mid-year round: one unit submitted, one waiting for its head, two half-way, one not started. */
const SELF_2025: Record<Key, Inputs> = {
  hiza: {
    'I.1': { score: 7, note: 'Sáu tháng đầu năm thu hút 52% kế hoạch vốn' }, 'I.2': { actual: 99.6 }, 'I.3': { score: 4.5 }, 'I.4': { passed: true }, 'II.1': { passed: true },
    'II.2': { count: 2 }, 'II.3': { count: 2 }, 'II.4': { actual: 11 }, 'II.5': { score: 2.5 }, 'III.1': { passed: true }, 'III.2': { score: 4.5 }, 'III.3': { score: 2.5 },
  },
  dukdn: {
    'I.1': { score: 7.5 }, 'I.2': { actual: 98.9 }, 'I.3': { score: 4 }, 'I.4': { passed: true }, 'II.1': { passed: true }, 'II.2': { count: 2 }, 'II.3': { count: 1 },
    'II.4': { actual: 13 }, 'II.5': { score: 2.5 }, 'III.1': { passed: true }, 'III.2': { score: 4.5 }, 'III.3': { score: 2.5 },
  },
  lhp: { 'I.1': { score: 7, note: 'Đang tổng hợp số liệu quý II' }, 'I.2': { actual: 100 }, 'I.3': { score: 4.5 }, 'I.4': { passed: true }, 'II.1': { passed: true }, 'II.2': { count: 1 } },
  dukcq: { 'I.1': { score: 7.5 }, 'I.2': { actual: 100 }, 'II.1': { passed: true } },
  dukdh: {},
};
/** Six-month targets entered in the round: the 2025 covenant is still a draft. */
const TARGETS_2025: Record<Key, number> = { hiza: 12, dukcq: 18, lhp: 10, dukdn: 15, dukdh: 14 };

/**
 * The open 2025 mid-year round, built through the rounds module's use cases as the people of the story clicked:
 * the leader's officer opens it (five days ago) and enters the six-month targets; officers save their units' self
 * scores (three days ago) and attach evidence (two days ago); Ban QL các KCN&CX's officer submits and its head
 * confirms, ĐUK Doanh nghiệp's officer sends for confirmation (yesterday); the leader reminds the unit that has not
 * started. The use cases stamp now(); the demo-history operations then date the rows as the story tells.
 */
async function seed2025(em: EntityManager, ids: DemoIds, schemeId: string | undefined, units: Record<Key, string>): Promise<string> {
  const yearId = await blockYearId(em, ids, 'KTĐ4', 2025);
  const scheme = await schemeOf(em, yearId, schemeId);
  const { byCode } = await loadScheme(em, scheme);
  const criterion = (code: string) => byCode.get(code)!.id;
  const { rounds, assessments } = roundsUseCases(em);
  const now = await databaseNow(em);
  const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
  const iso = (n: number) => days(n).toISOString();
  const officer = (k: Key) => demoActor(em, `canbo.${k}@thidua.vn`);
  const head = (k: Key) => demoActor(em, `thutruong.${k}@thidua.vn`);
  const leader = await officer('dukdn');

  await recordDemoFreeze(em, scheme, days(-5));
  const id = await rounds.createTx(em, leader, {
    blockYearId: yearId, schemeId: scheme, kind: 'mid_year', title: 'Chấm điểm thi đua 6 tháng đầu năm 2025',
    opensAt: iso(-5), selfAssessmentUntil: iso(14), reviewUntil: iso(24), explanationUntil: iso(31), finalReviewUntil: iso(38),
  }, { at: days(-5) });
  await recordDemoRoundOpened(em, id, days(-5));
  await rounds.setTargetsTx(em, leader, id, {
    targets: KEYS.flatMap((k) => [{ unitId: units[k], criterionId: criterion('I.2'), target: 100 }, { unitId: units[k], criterionId: criterion('II.4'), target: TARGETS_2025[k] }]),
  });
  await recordDemoTargetTimes(em, id, days(-5));

  const pdf = demoPdf(['Khoi thi dua so 4 - Minh chung 6 thang dau nam 2025 (du lieu minh hoa)']);
  const status: Record<Key, 'submitted' | 'awaiting_confirmation' | 'draft'> = { hiza: 'submitted', dukdn: 'awaiting_confirmation', lhp: 'draft', dukcq: 'draft', dukdh: 'draft' };
  for (const k of KEYS) {
    const by = await officer(k);
    for (const [code, input] of Object.entries(SELF_2025[k])) await assessments.saveSelfTx(em, by, id, units[k], criterion(code), { ...input, version: 0 });
    await recordDemoScoreTimes(em, id, units[k], 'self', days(-3));
    const files = ['I.1', 'II.1', 'III.1'].filter((code) => SELF_2025[k][code] && status[k] !== 'draft').map((code) => ({ code, name: `Minh chứng ${code}.pdf` }));
    if (k === 'lhp') files.push({ code: 'I.1', name: 'Báo cáo sơ kết 6 tháng (dự thảo).pdf' });
    for (const f of files) await assessments.uploadEvidenceTx(em, by, id, units[k], criterion(f.code), 'self', { buffer: pdf, originalname: f.name });
    await recordDemoEvidenceTimes(em, id, units[k], 'self', days(-2));
    if (status[k] !== 'draft') await assessments.submitTx(em, by, id, units[k], { at: days(-1) });
    if (status[k] === 'submitted') await assessments.confirmTx(em, await head(k), id, units[k], { at: days(-1) });
    await recordDemoSelfAssessmentTimes(em, id, units[k], { createdAt: days(-5), updatedAt: days(-5), submittedAt: days(-1) });
  }
  await rounds.remindTx(em, leader, id, { unitIds: [units.dukdh], message: 'Đề nghị đơn vị khẩn trương cập nhật bản tự chấm.' }, { at: days(-1) });
  return id;
}

/** The rounds module's services as the app wires them, over the loader's connection (their …Tx forms run in its transaction). */
function roundsUseCases(em: EntityManager): { rounds: RoundsService; assessments: AssessmentsService; reviews: ReviewsService; results: ResultsService } {
  const ds = em.connection;
  const audit = new AuditService(ds);
  const scoring = new ScoringService(ds, audit);
  const data = new RoundData(scoring, new CovenantsService(ds, audit), new AwardsService(ds, audit, new ScopeService(ds)));
  const assessments = new AssessmentsService(ds, audit, data, new NewsService(ds, audit, new DraftReadService(ds)));
  return {
    rounds: new RoundsService(ds, audit, scoring, data, new AdvancePreviewService(ds, new RoundProgressReader(scoring))),
    assessments,
    reviews: new ReviewsService(ds, audit, data, assessments),
    results: new ResultsService(ds, audit, data),
  };
}
