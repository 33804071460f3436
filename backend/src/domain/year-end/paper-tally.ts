/**
 * Paper tally (docs/domain.md §5): the leader enters the totals counted from paper ballots; they are checked
 * to add up, then elected exactly as an electronic tally would (`resultFromCounts`). Pure.
 *
 * Glossary:
 * - Biên bản kiểm phiếu: tally record, signed by the tally committee (ban kiểm phiếu)
 * - Số phiếu phát ra: ballots issued; Số phiếu hợp lệ / không hợp lệ: valid / invalid ballots
 *
 * Decision: every issued ballot is returned and counted, so valid + invalid must equal issued (there is no
 * separate "ballots collected" figure).
 */
import { isCount, RuleError, unitLabel } from './common';
import { checkVoteSetup, resultFromCounts, TallyResult, VoteSetup } from './tally';

export interface PaperTallyInput extends VoteSetup {
  /** Số phiếu phát ra */
  issued: number;
  /** Số phiếu hợp lệ */
  valid: number;
  /** Số phiếu không hợp lệ */
  invalid: number;
  /** Số phiếu đồng ý per candidate id; a candidate left out received none (0). */
  approvals: Readonly<Record<string, number>>;
}

export type PaperTallyOutcome = { ok: true; result: TallyResult } | { ok: false; errors: RuleError[] };

const countError = (field: string, label: string, value: unknown): RuleError => ({
  field,
  message: `${label} (${String(value)}) phải là số nguyên không âm`,
});

/** Every reason the entered totals do not add up; empty when they do. */
export function checkPaperTally(input: PaperTallyInput): RuleError[] {
  const errors = checkVoteSetup(input);
  const { issued, valid, invalid, present, quota, names } = input;

  if (!isCount(issued)) errors.push(countError('issued', 'Số phiếu phát ra', issued));
  if (!isCount(valid)) errors.push(countError('valid', 'Số phiếu hợp lệ', valid));
  if (!isCount(invalid)) errors.push(countError('invalid', 'Số phiếu không hợp lệ', invalid));
  if (isCount(issued) && isCount(present) && issued > present) {
    errors.push({ field: 'issued', message: `Số phiếu phát ra (${issued}) không được lớn hơn số đơn vị có mặt (${present})` });
  }
  if (isCount(issued) && isCount(valid) && isCount(invalid) && valid + invalid !== issued) {
    errors.push({ field: 'valid', message: `Số phiếu hợp lệ (${valid}) cộng phiếu không hợp lệ (${invalid}) phải bằng số phiếu phát ra (${issued})` });
  }

  const candidateSet = new Set(input.candidates);
  for (const id of Object.keys(input.approvals)) {
    if (!candidateSet.has(id)) {
      errors.push({ field: `approvals.${id}`, message: `Đơn vị ${unitLabel(id, names)} không có trong danh sách ứng viên` });
    }
  }
  let sum = 0;
  let allCounts = true;
  for (const id of input.candidates) {
    const label = `Số phiếu đồng ý của ${unitLabel(id, names)}`;
    // A candidate the tally sheet does not list received no approval: missing is 0.
    const a = Object.hasOwn(input.approvals, id) ? input.approvals[id] : 0;
    if (!isCount(a)) {
      errors.push(countError(`approvals.${id}`, label, a));
      allCounts = false;
      continue;
    }
    sum += a;
    if (isCount(valid) && a > valid) {
      errors.push({ field: `approvals.${id}`, message: `${label} (${a}) không được lớn hơn số phiếu hợp lệ (${valid})` });
    }
  }
  // Each valid ballot approves at most `quota` candidates.
  if (allCounts && isCount(valid) && isCount(quota) && sum > valid * quota) {
    errors.push({
      field: 'approvals',
      message: `Tổng số phiếu đồng ý (${sum}) không được lớn hơn số phiếu hợp lệ nhân số đơn vị được bầu tối đa (${valid} × ${quota} = ${valid * quota})`,
    });
  }
  return errors;
}

/** Checks the entered totals and, when they add up, computes the same result as `tally`. */
export function paperTally(input: PaperTallyInput): PaperTallyOutcome {
  const errors = checkPaperTally(input);
  if (errors.length > 0) return { ok: false, errors };
  const approvals = new Map(input.candidates.map((id) => [id, Object.hasOwn(input.approvals, id) ? input.approvals[id] : 0]));
  return {
    ok: true,
    result: resultFromCounts(input, { ballotsCast: input.issued, valid: input.valid, invalid: input.invalid, approvals }),
  };
}
