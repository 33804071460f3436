import fc from 'fast-check';
import type { SchemeNode } from '@thidua/rules';
import { computeResults, computeResultsState, recomputeResults, ResultsInput, reviewNeedsReason, ScoreEntryLite, targetOutcomeWith } from './round-results';
import { completeness } from './completeness';
import { criterionForIndicator } from './round-data';
import { compareRowHashes, scoreRowHash, snapshotDigest } from './score-hash';

const base = { guidance: '', evidenceRequired: false };
const NODES: SchemeNode[] = [
  { ...base, id: 'I', parentId: null, code: 'I', title: 'I', type: 'group', max: 40, order: 1 },
  { ...base, id: 'I1', parentId: 'I', code: 'I.1', title: 'I.1', type: 'points', max: 20, order: 1 },
  { ...base, id: 'I2', parentId: 'I', code: 'I.2', title: 'I.2', type: 'pass_fail', max: 20, order: 2 },
  { ...base, id: 'II', parentId: null, code: 'II', title: 'II', type: 'target', max: 60, order: 2 },
  { ...base, id: 'T', parentId: null, code: 'T', title: 'T', type: 'bonus', max: 15, order: 3, items: [{ id: 'f', title: 'Cờ', points: 10, cap: null }] },
  { ...base, id: 'D', parentId: null, code: 'D', title: 'D', type: 'deduction', max: 10, order: 4, items: [{ id: 'l', title: 'Chậm', points: 2, cap: null }] },
];

const e = (unitId: string, criterionId: string, source: ScoreEntryLite['source'], value: number, scorer = unitId): ScoreEntryLite =>
  criterionId === 'II' ? { unitId, criterionId, source, scorerUnitId: scorer, score: null, actual: value } : { unitId, criterionId, source, scorerUnitId: scorer, score: value, actual: null };

function input(entries: ScoreEntryLite[], over: Partial<ResultsInput> = {}): ResultsInput {
  return {
    nodes: NODES, notApplicable: new Map(), units: ['a', 'b', 'c'].map((id) => ({ id, submittedAt: null })), entries,
    activePeers: new Set(['b|a', 'c|a', 'a|b', 'c|b', 'a|c', 'b|c']), targets: new Map([['a|II', 100], ['b|II', 100], ['c|II', 100]]),
    rule: 'leader_appraisal', tieBreaks: ['first_group_score', 'fewer_deductions', 'earlier_submission'], ...over,
  };
}

describe('round results', () => {
  it('takes the leader appraisal over self, an explicit final over both, and scores targets for the block', () => {
    const r = computeResults(input([
      e('a', 'I1', 'self', 20), e('a', 'I1', 'leader', 15, 'b'), e('a', 'I2', 'self', 20), e('a', 'II', 'self', 150), e('a', 'T', 'self', 10), e('a', 'D', 'leader', 2, 'b'),
      e('b', 'I1', 'self', 18), e('b', 'I2', 'self', 20), e('b', 'II', 'self', 120), e('b', 'I1', 'final', 19, 'a'),
      e('c', 'I1', 'self', 10), e('c', 'II', 'self', 80),
    ]));
    const a = r.units.get('a')!;
    expect(a.finalScores.get('I1')).toEqual({ score: 15, source: 'leader' });
    expect(a.finalScores.get('II')).toMatchObject({ score: 60, source: 'self', actual: 150 }); // best over target
    expect(a.final).toMatchObject({ score: 95, bonus: 10, deductions: 2, total: 103 });
    expect(a.self.total).toBe(110);
    const b = r.units.get('b')!;
    expect(b.finalScores.get('I1')).toEqual({ score: 19, source: 'final' });
    expect(b.finalScores.get('II')!.score).toBe(42); // 30 + 20/50 * 30
    expect(r.units.get('c')!.finalScores.get('II')!.score).toBe(24); // 0.5 * 60 * 80/100
    expect(r.ranking.map((x) => [x.unitId, x.rank])).toEqual([['a', 1], ['b', 2], ['c', 3]]);
  });

  it('takes the median of counted peers under peer_median; a recused reviewer does not count', () => {
    const entries = [e('a', 'I1', 'self', 20), e('a', 'I1', 'peer', 10, 'b'), e('a', 'I1', 'peer', 14, 'c'), e('a', 'I1', 'peer', 2, 'x'), e('a', 'I1', 'leader', 19, 'b')];
    const r = computeResults(input(entries, { rule: 'peer_median' }));
    expect(r.units.get('a')!.finalScores.get('I1')).toEqual({ score: 12, source: 'peer_median' });
    expect(r.sources('a', 'I1').peers).toHaveLength(2);
  });

  it('removes criteria not applicable to a unit from its maximum', () => {
    const r = computeResults(input([e('a', 'I1', 'self', 20), e('a', 'I2', 'self', 20)], { notApplicable: new Map([['II', new Set(['a'])]]) }));
    expect(r.units.get('a')!.final).toMatchObject({ max: 40, score: 40 });
    expect(r.units.get('b')!.final.max).toBe(100);
  });

  it('breaks ties with the chain and shares the rank when still tied', () => {
    const sub = (d: number) => new Date(Date.UTC(2024, 11, d));
    const r = computeResults(input([
      e('a', 'I1', 'self', 10), e('a', 'II', 'self', 100), // 10 + 30 = 40, first group 10
      e('b', 'I1', 'self', 10), e('b', 'II', 'self', 100),
      e('c', 'I2', 'self', 0), e('c', 'I1', 'self', 0), e('c', 'II', 'self', 100), e('c', 'T', 'self', 10), // 30 + 10 = 40, first group 0
    ], { units: [{ id: 'a', submittedAt: sub(5) }, { id: 'b', submittedAt: sub(5) }, { id: 'c', submittedAt: sub(1) }] }));
    expect(r.ranking.map((x) => [x.unitId, x.rank, x.sharedRank, x.decidedBy])).toEqual([['a', 1, true, null], ['b', 1, true, null], ['c', 3, false, 'first_group_score']]);
  });

  it('never ranks differently for a different order of the rows (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ unit: fc.constantFrom('a', 'b', 'c'), c: fc.constantFrom('I1', 'II'), v: fc.integer({ min: 0, max: 20 }) }), { maxLength: 12 }),
      (rows) => {
        const entries = [...new Map(rows.map((x) => [`${x.unit}${x.c}`, e(x.unit, x.c, 'self', x.v)])).values()];
        const one = computeResults(input(entries)).ranking.map((x) => [x.unitId, x.rank]);
        const two = computeResults(input([...entries].reverse())).ranking.map((x) => [x.unitId, x.rank]);
        expect(two).toEqual(one);
      }));
  });

  it('recomputing only the units whose rows changed gives the results computed from scratch (property)', () => {
    const UNITS = ['a', 'b', 'c', 'd'];
    const row = fc.record({
      unit: fc.constantFrom(...UNITS), c: fc.constantFrom('I1', 'I2', 'II', 'T', 'D'), source: fc.constantFrom<ScoreEntryLite['source']>('self', 'peer', 'leader', 'final'),
      scorer: fc.constantFrom(...UNITS, 'x'), v: fc.integer({ min: 0, max: 200 }),
    });
    const rows = (list: { unit: string; c: string; source: ScoreEntryLite['source']; scorer: string; v: number }[]) => {
      // One row per unit, criterion, source and scorer, as the table's unique key allows.
      const seen = new Map<string, ScoreEntryLite>();
      for (const r of list) {
        const scorer = r.source === 'self' ? r.unit : r.scorer;
        const max = r.c === 'II' ? 200 : r.c === 'T' ? 15 : r.c === 'D' ? 10 : 20;
        seen.set(`${r.unit}|${r.c}|${r.source}|${scorer}`, e(r.unit, r.c, r.source, Math.min(r.v, max), scorer));
      }
      return [...seen.values()];
    };
    fc.assert(fc.property(
      fc.array(row, { maxLength: 40 }), fc.array(row, { maxLength: 12 }), fc.subarray(UNITS), fc.constantFrom<ResultsInput['rule']>('leader_appraisal', 'peer_median'),
      fc.subarray(UNITS), fc.boolean(),
      (before, edits, touched, rule, notApplicable, awards) => {
        const over: Partial<ResultsInput> = {
          units: UNITS.map((id, i) => ({ id, submittedAt: i % 2 ? new Date(Date.UTC(2025, 0, i + 1)) : null })), rule,
          notApplicable: new Map([['I2', new Set(notApplicable)]]), targets: new Map([['a|II', 100], ['b|II', 50], ['d|II', 0]]),
          activePeers: new Set(['b|a', 'c|a', 'a|b', 'd|b', 'a|c', 'b|d']),
          ...(awards ? { awardBonusNodeId: 'T', awardBonus: new Map([['a', 10], ['c', 5]]) } : {}),
        };
        const first = input(rows(before), over);
        // The touched units' rows replaced by edits (rows of other units in `edits` are dropped): added, changed, removed.
        const changed = new Set(touched);
        const after = input([...first.entries.filter((x) => !changed.has(x.unitId)), ...rows(edits.filter((x) => changed.has(x.unit)))], over);
        const incremental = recomputeResults(after, computeResultsState(first), changed).results;
        const scratch = computeResults(after);
        expect(incremental.ranking).toEqual(scratch.ranking);
        expect(incremental.units).toEqual(scratch.units);
        for (const u of UNITS) for (const c of ['I1', 'I2', 'II', 'T', 'D']) expect(incremental.sources(u, c)).toEqual(scratch.sources(u, c));
      },
    ), { numRuns: 300 });
  });

  it('needs a reason when a review differs from the self value', () => {
    expect(reviewNeedsReason(NODES[1], { score: 15, actual: null }, { score: 20, actual: null })).toBe(true);
    expect(reviewNeedsReason(NODES[1], { score: 20, actual: null }, { score: 20, actual: null })).toBe(false);
    expect(reviewNeedsReason(NODES[3], { score: null, actual: 90 }, { score: null, actual: 100 })).toBe(true);
    // A reviewer's figure for "a" among the others' self actuals: exactly on target scores half, and says so.
    expect(targetOutcomeWith(NODES[3], 'a', 100, new Map([['a', 150], ['b', 120]]), new Map([['a|II', 100], ['b|II', 100]]))).toEqual({ score: 30, basis: 'met_target', reference: null });
    expect(targetOutcomeWith(NODES[3], 'a', 110, new Map([['a', 150], ['b', 120]]), new Map([['a|II', 100], ['b|II', 100]]))).toEqual({ score: 45, basis: 'over_target', reference: 20 });
  });

  it('checks completeness: scored leaves, required evidence, declared adjustments', () => {
    const rows = [
      { id: 'g', parentId: null, code: 'I', type: 'group', evidenceRequired: false, notApplicableUnitIds: [] },
      { id: 'x', parentId: 'g', code: 'I.1', type: 'points', evidenceRequired: true, notApplicableUnitIds: [] },
      { id: 'y', parentId: 'g', code: 'I.2', type: 'points', evidenceRequired: false, notApplicableUnitIds: [] },
      { id: 't', parentId: null, code: 'T', type: 'bonus', evidenceRequired: true, notApplicableUnitIds: [] },
    ] as never[];
    const c = completeness(rows, () => true, new Map([['x', { filled: true, declared: false }], ['t', { filled: true, declared: true }]]), new Set());
    expect(c).toEqual({ required: 2, filled: 1, unfilledCodes: ['I.2'], evidenceMissingCodes: ['I.1', 'T'] });
  });

  it('hashes rows and snapshots so that any change shows', () => {
    const row = { id: '1', roundId: 'r', unitId: 'u', criterionId: 'c', source: 'self', scorerUnitId: 'u', score: 5, passed: null, count: null, actual: null, items: null, note: '', version: 1 };
    const h = scoreRowHash(row);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(scoreRowHash({ ...row, score: 5.01 })).not.toBe(h);
    expect(compareRowHashes([{ id: '1', sha256: h }, { id: '2', sha256: 'x' }], [{ id: '1', sha256: 'y' }, { id: '3', sha256: 'z' }])).toEqual({ changed: ['1'], missing: ['2'], added: ['3'] });
    const body = { roundId: 'r', seq: 1, finalisedAt: 'x', finalisedBy: null, ranking: [{ b: 1, a: 2 }], rowHashes: [] };
    expect(snapshotDigest(body)).toBe(snapshotDigest({ ...body, ranking: [{ a: 2, b: 1 }] }));
  });
});

describe('covenant indicators to target criteria', () => {
  const criteria = [
    { id: 'a', code: 'I.2', title: 'Tỷ lệ hồ sơ, thủ tục hành chính giải quyết đúng hạn' },
    { id: 'b', code: 'II.4', title: 'Số tin, bài tuyên truyền gương người tốt, việc tốt' },
  ];
  it('matches by title (case, spacing, Unicode form and a trailing stop aside) or by code', () => {
    expect(criterionForIndicator('Tỷ lệ hồ sơ,  thủ tục hành chính giải quyết ĐÚNG HẠN.', criteria)).toBe('a');
    expect(criterionForIndicator('Số tin, bài tuyên truyền gương người tốt, việc tốt'.normalize('NFD'), criteria)).toBe('b');
    expect(criterionForIndicator('II.4', criteria)).toBe('b');
    expect(criterionForIndicator('II.4. Tin bài tuyên truyền', criteria)).toBe('b');
    expect(criterionForIndicator('I.20 Chỉ tiêu khác', criteria)).toBeNull();
    expect(criterionForIndicator('Vốn đầu tư thu hút mới', criteria)).toBeNull();
  });
});
