/**
 * A ballot series: the first round and its re-vote rounds (vòng bầu lại) for one award. Pure.
 *
 * Rules:
 * - Each round elects the candidates it can (above the threshold, above the quota line); a tie at the line
 *   leaves seats for the next round, among the tied candidates only.
 * - The series is complete when its last round is closed without a tie left; its elected units are those
 *   elected in every round, in the order of the rounds.
 */
import type { DecryptedSum } from './crypto/paper-crypto';
import type { TallyResult } from '../../domain/year-end';
import type { BallotCandidate, BallotMode } from './entities/ballot.entity';

/**
 * A closed round's stored tally. Electronic rounds also keep the invalid ballots by problem (always 0 since
 * papers are proved valid when cast) and, when encrypted, each candidate's summed ciphertext with its
 * decrypted count and the proof of decryption, so anyone can recheck the count against the papers.
 */
export type StoredResult = TallyResult & {
  invalidByProblem?: Record<string, number>;
  decryption?: { publicKey: string; sums: (DecryptedSum & { unitId: string })[] };
};

export interface RoundRecord {
  id: string;
  round: number;
  status: 'open' | 'closed';
  mode: BallotMode;
  candidates: BallotCandidate[];
  quota: number;
  result: StoredResult | null;
}

export interface ElectedUnit {
  unitId: string;
  name: string;
  approvals: number;
  percent: number;
  round: number;
}

export interface SeriesState {
  rounds: RoundRecord[];
  last: RoundRecord;
  complete: boolean;
  revotePending: boolean;
  elected: ElectedUnit[];
}

export function seriesState(rounds: readonly RoundRecord[]): SeriesState {
  if (!rounds.length) throw new Error('a ballot series has at least one round');
  const sorted = [...rounds].sort((a, b) => a.round - b.round);
  const last = sorted[sorted.length - 1];
  const elected: ElectedUnit[] = [];
  for (const r of sorted) {
    if (r.status !== 'closed' || !r.result) continue;
    for (const unitId of r.result.elected) {
      const c = r.result.candidates.find((x) => x.unitId === unitId);
      elected.push({
        unitId, name: r.candidates.find((x) => x.unitId === unitId)?.name ?? unitId, approvals: c?.approvals ?? 0, percent: c?.percent ?? 0, round: r.round,
      });
    }
  }
  const closed = last.status === 'closed' && !!last.result;
  return { rounds: sorted, last, complete: closed && !last.result!.revote, revotePending: closed && !!last.result!.revote, elected };
}
