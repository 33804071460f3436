import { isDelegate, paperProblemMessage, personName } from './voting';
import { seriesState, RoundRecord } from './series';

describe('who casts the ballot', () => {
  it('reads the person out of the delegate line', () => {
    expect(personName('Trịnh Văn Khải – Phó Bí thư Thường trực')).toBe('trịnh văn khải');
    expect(personName('Trịnh  Văn Khải, Phó Bí thư')).toBe('trịnh văn khải');
    expect(personName('  ')).toBe('');
  });
  it('matches an officer to the checked-in delegate only', () => {
    expect(isDelegate('Phạm Quang Huy – Chuyên viên thi đua', 'Phạm Quang Huy')).toBe(true);
    expect(isDelegate('PHẠM QUANG HUY', 'Phạm  Quang Huy')).toBe(true);
    expect(isDelegate('Trịnh Văn Khải – Phó Bí thư', 'Phạm Quang Huy')).toBe(false);
    expect(isDelegate('', 'Phạm Quang Huy')).toBe(false);
    expect(isDelegate(null, 'Phạm Quang Huy')).toBe(false);
  });
});

describe('why a paper is refused', () => {
  const candidates = [{ name: 'Sở Nội vụ' }, { name: 'Sở Tư pháp' }];
  it('names the candidate whose choice fails, or the quota', () => {
    expect(paperProblemMessage({ field: 'paper.choices.1.proof', code: 'choice_proof', index: 1 }, candidates, 1)).toContain('Sở Tư pháp');
    expect(paperProblemMessage({ field: 'paper.quotaProof', code: 'quota_proof' }, candidates, 1)).toContain('không quá 1 đơn vị');
    expect(paperProblemMessage({ field: 'paper.choices', code: 'paper_shape' }, candidates, 1)).toContain('đúng 2 lựa chọn');
  });
});

describe('ballot series', () => {
  const cand = [{ unitId: 'a', name: 'A', rank: 1, total: 90 }, { unitId: 'b', name: 'B', rank: 2, total: 80 }, { unitId: 'c', name: 'C', rank: 3, total: 70 }];
  const result = (elected: string[], approvals: Record<string, number>, revote: { candidates: string[]; seats: number } | null) => ({
    members: 5, present: 5, quota: 2, ballotsCast: 5, valid: 5, invalid: 0, thresholdPercent: 50, thresholdBase: 'members' as const, base: 5, threshold: 2.5,
    approvalsNeeded: 3, candidates: Object.entries(approvals).map(([unitId, n]) => ({ unitId, approvals: n, percent: n * 20, aboveThreshold: n >= 3 })), elected, revote,
  });
  it('is complete when the last round leaves no tie, electing across rounds', () => {
    const r1: RoundRecord = { id: '1', round: 1, status: 'closed', mode: 'electronic', candidates: cand, quota: 2, result: result(['a'], { a: 5, b: 4, c: 4 }, { candidates: ['b', 'c'], seats: 1 }) };
    expect(seriesState([r1])).toMatchObject({ complete: false, revotePending: true, elected: [{ unitId: 'a', approvals: 5, percent: 100, round: 1 }] });
    const r2: RoundRecord = { id: '2', round: 2, status: 'closed', mode: 'electronic', candidates: cand.slice(1), quota: 1, result: result(['c'], { b: 2, c: 3 }, null) };
    const s = seriesState([r2, r1]);
    expect(s).toMatchObject({ complete: true, revotePending: false, last: { id: '2' } });
    expect(s.elected.map((e) => [e.unitId, e.round])).toEqual([['a', 1], ['c', 2]]);
  });
  it('is neither complete nor pending while a round is open', () => {
    expect(seriesState([{ id: '1', round: 1, status: 'open', mode: 'paper', candidates: cand, quota: 1, result: null }])).toMatchObject({ complete: false, revotePending: false, elected: [] });
  });
});
