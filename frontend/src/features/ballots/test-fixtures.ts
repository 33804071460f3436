import { generateKeyPair } from '@ballot-crypto';
import type { Schemas } from '@/api/client';
import { units } from '../../../test/fixtures';
import { users } from '../../../test/render';

type Ballot = Schemas['BallotDto'];
type Result = Schemas['BallotResultDto'];

/** The head of Trường ĐTCB Lê Hồng Phong, a member unit of KTĐ4. */
export const lhpHead = { ...users.officer, id: 'acc-head-lhp', fullName: 'Trần Văn Lâm', email: 'thutruong.lhp@thidua.vn', role: 'unit_head' as const };

const ref = (u: { id: string; name: string }) => ({ unitId: u.id, name: u.name });
export const present = [units.bql, units.dukcq, units.dukdn, units.lhp].map(ref).sort((a, b) => a.name.localeCompare(b.name, 'vi'));

/** The ballot's key pair: the page encrypts to the public key; tests decrypt with the secret one. */
export const BALLOT_KEY = generateKeyPair();

/** The city merit ballot of the 2024 year-end conference: three candidates, two may be chosen, four units present. */
export function ballot(patch: Partial<Ballot> = {}): Ballot {
  return {
    id: 'ballot-1', seriesId: 'ballot-1', round: 1, conferenceId: 'conf-ye', blockYearId: 'by-2024', awardCode: 'city_merit', awardName: 'Bằng khen của UBND Thành phố',
    mode: 'electronic', status: 'open', ballotsCast: 0, present: 4, openedAt: '2024-12-27T03:00:00.000Z', closedAt: null,
    conferenceTitle: 'Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024', blockId: 'block-4', blockName: 'Khối thi đua số 4', blockCode: 'KTĐ4', year: 2024,
    candidates: [
      { ...ref(units.dukcq), rank: 1, total: 97.5 },
      { ...ref(units.bql), rank: 2, total: 95 },
      { ...ref(units.dukdn), rank: 3, total: 93.25 },
    ],
    quota: 2, members: 5, presentUnits: present, thresholdPercent: 50, thresholdBase: 'members', voters: [], openedByName: 'Phạm Quang Huy',
    publicKey: BALLOT_KEY.publicKey, receipt: null, result: null,
    series: { seriesId: 'ballot-1', rounds: [{ id: 'ballot-1', round: 1, status: 'open' }], complete: false, revotePending: false, elected: [] },
    tallyRecord: {
      seriesId: 'ballot-1', ballotId: 'ballot-1', complete: false, signed: false, number: null, chairName: null, memberNames: [], signedAt: null, signedByName: null, contentHash: null, canSign: false,
    },
    myUnit: null,
    permissions: { canRun: false, canClose: false, canEnterPaperTally: false, canOpenRevote: false },
    ...patch,
  };
}

export const voter = (u: { id: string; name: string }, at = '2024-12-27T03:05:00.000Z') => ({ ...ref(u), votedAt: at });

export const RECEIPTS = { mine: 'a'.repeat(63) + '1', other: 'b'.repeat(63) + '2' };

/** A tie at the quota line: ĐUK các cơ quan TP elected, Ban QL and ĐUK Doanh nghiệp tied for the last seat. */
export function tiedResult(): Result {
  return {
    members: 5, present: 4, quota: 2, ballotsCast: 4, valid: 4, invalid: 0, thresholdPercent: 50, thresholdBase: 'members', base: 5, threshold: 2.5, approvalsNeeded: 3,
    candidates: [
      { ...ref(units.dukcq), approvals: 4, percent: 80, aboveThreshold: true, elected: true },
      { ...ref(units.bql), approvals: 3, percent: 60, aboveThreshold: true, elected: false },
      { ...ref(units.dukdn), approvals: 3, percent: 60, aboveThreshold: true, elected: false },
    ],
    elected: [ref(units.dukcq)],
    revote: { candidates: [ref(units.bql), ref(units.dukdn)], seats: 1 },
    invalidByProblem: { not_candidate: 0, duplicate: 0, over_quota: 0 },
    receipts: [RECEIPTS.mine, RECEIPTS.other].sort(), decryption: null, paperCounts: null,
  };
}
