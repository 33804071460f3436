/**
 * Electronic tally of a secret ballot (docs/domain.md §5). Pure: no NestJS or TypeORM here.
 *
 * Glossary:
 * - Bỏ phiếu kín: secret ballot; each present member unit casts one ballot approving up to `quota` candidates
 * - Kiểm phiếu: tally
 * - Phiếu hợp lệ / không hợp lệ: valid / invalid ballot
 * - Số phiếu đồng ý: approvals of a candidate
 * - Trúng cử: elected; Bầu lại: re-vote round among candidates tied at the quota line
 *
 * Decisions:
 * - An invalid ballot counts as cast but approves nobody.
 * - A ballot approving nobody (phiếu trắng) is valid.
 * - A candidate needs approvals strictly above `thresholdPercent`% of the base: all member units
 *   (`members`) or the units present (`present`). 5 members at 50% → threshold 2.5 → at least 3.
 * - Candidates above the threshold are elected by approvals, up to the quota. Candidates tied at the quota
 *   line are never separated by the system: they go to a re-vote for the seats left.
 */
import { type RuleSet, round2 } from '@thidua/rules';
import { isCount, repeatedIds, RuleError, RuleInputError, unitLabel } from './common';

/** Căn cứ tính tỷ lệ: the number the threshold percentage applies to. */
export type ThresholdBase = RuleSet['voteThresholdBase'];

/** Everything about a ballot except its content: the same for electronic and paper modes. */
export interface VoteSetup {
  /** Số đơn vị thành viên of the block. */
  members: number;
  /** Số đơn vị có mặt at the conference; one ballot each. */
  present: number;
  /** Candidate unit ids (ứng viên), in display order (e.g. by rank). The order never decides an election. */
  candidates: readonly string[];
  /** Most candidates elected in this round: `quotaLimit` of the award, or a re-vote's seats. */
  quota: number;
  /** Approvals must exceed this percentage of the base (rule set `voteThresholdPercent`). */
  thresholdPercent: number;
  thresholdBase: ThresholdBase;
  /** Unit id → name, for messages only. */
  names?: Readonly<Record<string, string>>;
}

export interface TallyInput extends VoteSetup {
  /** The stored ballots, each the list of candidate ids it approves. */
  ballots: readonly (readonly string[])[];
}

/** Why a ballot is invalid; the first that applies, in this order. */
export type BallotProblem = 'not_candidate' | 'duplicate' | 'over_quota';
export const BALLOT_PROBLEMS: readonly BallotProblem[] = ['not_candidate', 'duplicate', 'over_quota'];

/** Counted totals, from stored ballots or entered from paper. */
export interface BallotCounts {
  ballotsCast: number;
  valid: number;
  invalid: number;
  /** Approvals per candidate id; a candidate missing here has 0. */
  approvals: ReadonlyMap<string, number>;
}

export interface CandidateResult {
  unitId: string;
  approvals: number;
  /** Approvals as a percentage of the base, rounded to 2 decimals. */
  percent: number;
  /** Approvals exceed the threshold. */
  aboveThreshold: boolean;
}

/** Bầu lại: the tied candidates at the quota line and how many of them can still be elected. */
export interface Revote {
  candidates: string[];
  seats: number;
}

export interface TallyResult {
  members: number;
  present: number;
  quota: number;
  ballotsCast: number;
  valid: number;
  invalid: number;
  thresholdPercent: number;
  thresholdBase: ThresholdBase;
  /** The number of units the percentage applies to (members or present). */
  base: number;
  /** base × percent / 100, rounded to 2 decimals; approvals must be strictly greater. */
  threshold: number;
  /** The least whole number of approvals above the threshold. */
  approvalsNeeded: number;
  /** Approvals descending; equal approvals keep the candidates' input order (display only). */
  candidates: CandidateResult[];
  /** Elected candidates, approvals descending. */
  elected: string[];
  /** Set when candidates above the threshold are tied across the quota line. */
  revote: Revote | null;
}

export interface ElectronicTallyResult extends TallyResult {
  /** Invalid ballots by their (first) problem. */
  invalidByProblem: Record<BallotProblem, number>;
}

/** The base count the threshold applies to. */
export function thresholdBaseCount(setup: Pick<VoteSetup, 'members' | 'present' | 'thresholdBase'>): number {
  return setup.thresholdBase === 'present' ? setup.present : setup.members;
}

/** The least whole number of approvals strictly above `percent`% of `base` (5 at 50% → 3; 6 at 50% → 4). */
export function approvalsNeeded(base: number, percent: number): number {
  // The epsilon absorbs float error for percentages such as 66.67; integer percentages are exact.
  return Math.floor((base * percent) / 100 + 1e-9) + 1;
}

/** Problems with the setup itself; empty when the ballot can be tallied. */
export function checkVoteSetup(setup: VoteSetup): RuleError[] {
  const errors: RuleError[] = [];
  if (!isCount(setup.members)) {
    errors.push({ field: 'members', message: `Số đơn vị thành viên (${setup.members}) phải là số nguyên không âm` });
  }
  if (!isCount(setup.present)) {
    errors.push({ field: 'present', message: `Số đơn vị có mặt (${setup.present}) phải là số nguyên không âm` });
  } else if (isCount(setup.members) && setup.present > setup.members) {
    errors.push({ field: 'present', message: `Số đơn vị có mặt (${setup.present}) không được lớn hơn số đơn vị thành viên (${setup.members})` });
  }
  if (!isCount(setup.quota)) {
    errors.push({ field: 'quota', message: `Số đơn vị được bầu tối đa (${setup.quota}) phải là số nguyên không âm` });
  }
  if (typeof setup.thresholdPercent !== 'number' || !(setup.thresholdPercent >= 0 && setup.thresholdPercent <= 100)) {
    errors.push({ field: 'thresholdPercent', message: `Tỷ lệ phiếu đồng ý cần vượt (${setup.thresholdPercent}%) phải từ 0 đến 100` });
  }
  if (setup.thresholdBase !== 'members' && setup.thresholdBase !== 'present') {
    errors.push({ field: 'thresholdBase', message: `Căn cứ tính tỷ lệ (${String(setup.thresholdBase)}) phải là tổng số đơn vị thành viên hoặc số đơn vị có mặt` });
  }
  if (setup.candidates.some((c) => typeof c !== 'string' || c.length === 0)) {
    errors.push({ field: 'candidates', message: 'Danh sách ứng viên có đơn vị không có mã' });
  }
  for (const id of repeatedIds(setup.candidates)) {
    errors.push({ field: 'candidates', message: `Đơn vị ${unitLabel(id, setup.names)} có tên hai lần trong danh sách ứng viên` });
  }
  return errors;
}

/** The first problem that makes a ballot invalid, or null when it is valid. */
export function ballotProblem(ballot: readonly string[], candidates: ReadonlySet<string>, quota: number): BallotProblem | null {
  if (ballot.some((id) => !candidates.has(id))) return 'not_candidate';
  if (new Set(ballot).size !== ballot.length) return 'duplicate';
  if (ballot.length > quota) return 'over_quota';
  return null;
}

/**
 * Elects from counted totals. Shared by the electronic and the paper tally; the counts must already be
 * consistent (see `tally` and `paperTally`).
 */
export function resultFromCounts(setup: VoteSetup, counts: BallotCounts): TallyResult {
  const base = thresholdBaseCount(setup);
  const needed = approvalsNeeded(base, setup.thresholdPercent);
  const candidates: CandidateResult[] = setup.candidates
    .map((unitId, index) => {
      const approvals = counts.approvals.get(unitId) ?? 0;
      return {
        index,
        result: {
          unitId,
          approvals,
          percent: base > 0 ? Math.round((approvals * 10000) / base) / 100 : 0,
          aboveThreshold: approvals >= needed,
        },
      };
    })
    .sort((a, b) => b.result.approvals - a.result.approvals || a.index - b.index)
    .map((c) => c.result);

  const qualified = candidates.filter((c) => c.aboveThreshold);
  let elected: string[];
  let revote: Revote | null = null;
  if (qualified.length <= setup.quota) {
    elected = qualified.map((c) => c.unitId);
  } else if (setup.quota === 0) {
    elected = [];
  } else {
    // The quota line falls between qualified[quota - 1] and qualified[quota].
    const line = qualified[setup.quota - 1].approvals;
    if (qualified[setup.quota].approvals < line) {
      elected = qualified.slice(0, setup.quota).map((c) => c.unitId);
    } else {
      elected = qualified.filter((c) => c.approvals > line).map((c) => c.unitId);
      revote = {
        candidates: qualified.filter((c) => c.approvals === line).map((c) => c.unitId),
        seats: setup.quota - elected.length,
      };
    }
  }

  return {
    members: setup.members,
    present: setup.present,
    quota: setup.quota,
    ballotsCast: counts.ballotsCast,
    valid: counts.valid,
    invalid: counts.invalid,
    thresholdPercent: setup.thresholdPercent,
    thresholdBase: setup.thresholdBase,
    base,
    threshold: round2((base * setup.thresholdPercent) / 100),
    approvalsNeeded: needed,
    candidates,
    elected,
    revote,
  };
}

/**
 * The count of papers in the clear: the reference the encrypted count (`countedTally`, what closing a
 * ballot runs) is property-tested against, and the statement of the election rule the tests check. Counts
 * the ballots and elects. Throws `RuleInputError` when the setup is
 * invalid or there are more ballots than units present (one ballot per present unit).
 */
export function tally(input: TallyInput): ElectronicTallyResult {
  const errors = checkVoteSetup(input);
  if (isCount(input.present) && input.ballots.length > input.present) {
    errors.push({ field: 'ballots', message: `Số phiếu đã bỏ (${input.ballots.length}) không được lớn hơn số đơn vị có mặt (${input.present})` });
  }
  if (errors.length > 0) throw new RuleInputError(errors);

  const candidateSet = new Set(input.candidates);
  const approvals = new Map<string, number>(input.candidates.map((c) => [c, 0]));
  const invalidByProblem: Record<BallotProblem, number> = { not_candidate: 0, duplicate: 0, over_quota: 0 };
  let valid = 0;
  for (const ballot of input.ballots) {
    const problem = ballotProblem(ballot, candidateSet, input.quota);
    if (problem) {
      invalidByProblem[problem] += 1;
      continue;
    }
    valid += 1;
    for (const id of ballot) approvals.set(id, (approvals.get(id) ?? 0) + 1);
  }
  const counts: BallotCounts = { ballotsCast: input.ballots.length, valid, invalid: input.ballots.length - valid, approvals };
  return { ...resultFromCounts(input, counts), invalidByProblem };
}

/** The count of an encrypted ballot box: the number of papers and the decrypted approvals per candidate. */
export interface CountedTallyInput extends VoteSetup {
  ballotsCast: number;
  /** Approvals of each candidate, in the order of `candidates`. */
  approvals: readonly number[];
}

/**
 * Kiểm phiếu điện tử (encrypted box): elects from the decrypted per-candidate sums. Every paper in the box
 * is valid, since its proofs (0 or 1 per candidate, at most `quota` in all) were checked when it was cast;
 * the counts must agree with that. Gives what `tally` gives for the same papers in the clear.
 */
export function countedTally(input: CountedTallyInput): ElectronicTallyResult {
  const errors = checkVoteSetup(input);
  if (!isCount(input.ballotsCast)) errors.push({ field: 'ballots', message: `Số phiếu đã bỏ (${input.ballotsCast}) phải là số nguyên không âm` });
  else if (isCount(input.present) && input.ballotsCast > input.present) {
    errors.push({ field: 'ballots', message: `Số phiếu đã bỏ (${input.ballotsCast}) không được lớn hơn số đơn vị có mặt (${input.present})` });
  }
  if (input.approvals.length !== input.candidates.length) errors.push({ field: 'approvals', message: 'Số kết quả không bằng số ứng viên' });
  input.approvals.forEach((n, i) => {
    if (!isCount(n) || n > input.ballotsCast) {
      errors.push({ field: 'approvals', message: `Số phiếu đồng ý của ${unitLabel(input.candidates[i], input.names)} (${n}) phải từ 0 đến số phiếu đã bỏ` });
    }
  });
  if (input.approvals.reduce((a, b) => a + b, 0) > input.ballotsCast * input.quota) {
    errors.push({ field: 'approvals', message: 'Tổng số phiếu đồng ý vượt quá số phiếu nhân số đơn vị được bầu tối đa' });
  }
  if (errors.length > 0) throw new RuleInputError(errors);
  const approvals = new Map(input.candidates.map((c, i) => [c, input.approvals[i]]));
  const counts: BallotCounts = { ballotsCast: input.ballotsCast, valid: input.ballotsCast, invalid: 0, approvals };
  return { ...resultFromCounts(input, counts), invalidByProblem: { not_candidate: 0, duplicate: 0, over_quota: 0 } };
}

/** The setup of the re-vote round: the same meeting, only the tied candidates, only the seats left. */
export function revoteSetup(setup: VoteSetup, revote: Revote): VoteSetup {
  return { ...setup, candidates: [...revote.candidates], quota: revote.seats };
}
