import fc from 'fast-check';
import { RuleInputError } from './common';
import { approvalsNeeded, ballotProblem, checkVoteSetup, countedTally, revoteSetup, tally, TallyInput, VoteSetup } from './tally';

const setup = (over: Partial<VoteSetup> = {}): VoteSetup => ({
  members: 5,
  present: 5,
  candidates: ['A', 'B', 'C'],
  quota: 1,
  thresholdPercent: 50,
  thresholdBase: 'members',
  ...over,
});

const run = (over: Partial<TallyInput> & { ballots: string[][] }) => tally({ ...setup(), ...over });

function expectInputError(fn: () => unknown, messages: string[]): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RuleInputError);
    expect((e as RuleInputError).errors.map((x) => x.message)).toEqual(messages);
    return;
  }
  throw new Error('expected a RuleInputError');
}

describe('approvalsNeeded', () => {
  it.each([
    [5, 50, 3],
    [6, 50, 4],
    [7, 50, 4],
    [10, 70, 8],
    [9, 66.67, 7],
    [3, 66.67, 3],
    [3, 100, 4],
    [7, 0, 1],
    [0, 50, 1],
  ])('%i units at %d%% need %i approvals', (base, percent, needed) => {
    expect(approvalsNeeded(base, percent)).toBe(needed);
  });
});

describe('ballotProblem', () => {
  const cands = new Set(['A', 'B', 'C']);
  it('accepts ballots within the quota, including a blank one', () => {
    expect(ballotProblem(['A', 'B'], cands, 2)).toBeNull();
    expect(ballotProblem([], cands, 2)).toBeNull();
  });
  it('names the first problem: non-candidate, then repeat, then over quota', () => {
    expect(ballotProblem(['A', 'X', 'A', 'B'], cands, 1)).toBe('not_candidate');
    expect(ballotProblem(['A', 'A', 'B'], cands, 1)).toBe('duplicate');
    expect(ballotProblem(['A', 'B'], cands, 1)).toBe('over_quota');
    expect(ballotProblem(['A'], cands, 0)).toBe('over_quota');
  });
});

describe('tally', () => {
  it('elects the candidate whose approvals exceed half of all members', () => {
    const r = run({ ballots: [['A'], ['A'], ['A'], ['B'], ['B']] });
    expect(r).toEqual({
      members: 5,
      present: 5,
      quota: 1,
      ballotsCast: 5,
      valid: 5,
      invalid: 0,
      thresholdPercent: 50,
      thresholdBase: 'members',
      base: 5,
      threshold: 2.5,
      approvalsNeeded: 3,
      candidates: [
        { unitId: 'A', approvals: 3, percent: 60, aboveThreshold: true },
        { unitId: 'B', approvals: 2, percent: 40, aboveThreshold: false },
        { unitId: 'C', approvals: 0, percent: 0, aboveThreshold: false },
      ],
      elected: ['A'],
      revote: null,
      invalidByProblem: { not_candidate: 0, duplicate: 0, over_quota: 0 },
    });
  });

  it('does not elect at exactly the threshold', () => {
    const r = run({ members: 6, present: 6, ballots: [['A'], ['A'], ['A'], ['B'], ['B'], []] });
    expect(r.threshold).toBe(3);
    expect(r.approvalsNeeded).toBe(4);
    expect(r.elected).toEqual([]);
    expect(r.revote).toBeNull();
  });

  it('applies the threshold to the units present when the rule set says so', () => {
    const ballots = [['A'], ['A'], ['A'], ['B'], ['B']];
    const ofMembers = run({ members: 7, present: 5, ballots });
    expect(ofMembers.base).toBe(7);
    expect(ofMembers.approvalsNeeded).toBe(4);
    expect(ofMembers.elected).toEqual([]);
    expect(ofMembers.candidates[0]).toEqual({ unitId: 'A', approvals: 3, percent: 42.86, aboveThreshold: false });

    const ofPresent = run({ members: 7, present: 5, thresholdBase: 'present', ballots });
    expect(ofPresent.base).toBe(5);
    expect(ofPresent.approvalsNeeded).toBe(3);
    expect(ofPresent.elected).toEqual(['A']);
    expect(ofPresent.candidates[0].percent).toBe(60);
  });

  it('supports a higher share such as 70%', () => {
    const ballots = Array.from({ length: 10 }, (_, i) => (i < 7 ? ['A'] : ['B']));
    expect(run({ members: 10, present: 10, thresholdPercent: 70, ballots }).elected).toEqual([]);
    const eight = Array.from({ length: 10 }, (_, i) => (i < 8 ? ['A'] : ['B']));
    const r = run({ members: 10, present: 10, thresholdPercent: 70, ballots: eight });
    expect(r.threshold).toBe(7);
    expect(r.elected).toEqual(['A']);
  });

  it('counts invalid ballots as cast but not valid, and ignores their approvals', () => {
    const r = run({
      members: 7,
      present: 7,
      quota: 2,
      ballots: [['A', 'B'], ['A', 'B', 'C'], ['A', 'Z'], ['B', 'B'], ['A'], [], ['C']],
    });
    expect(r.ballotsCast).toBe(7);
    expect(r.valid).toBe(4);
    expect(r.invalid).toBe(3);
    expect(r.invalidByProblem).toEqual({ not_candidate: 1, duplicate: 1, over_quota: 1 });
    expect(r.candidates.map((c) => [c.unitId, c.approvals])).toEqual([
      ['A', 2],
      ['B', 1],
      ['C', 1],
    ]);
  });

  it('accepts fewer ballots than units present (absent votes simply do not count)', () => {
    const r = run({ ballots: [['A'], ['A'], ['A']] });
    expect(r.ballotsCast).toBe(3);
    expect(r.elected).toEqual(['A']);
  });

  it('orders equal approvals by the candidate list, without electing by that order', () => {
    const r = run({ candidates: ['C', 'B', 'A'], quota: 3, thresholdPercent: 20, ballots: [['A', 'B'], ['A', 'B'], ['C']] });
    expect(r.candidates.map((c) => c.unitId)).toEqual(['B', 'A', 'C']);
    expect(r.elected).toEqual(['B', 'A']);
  });

  it('sends two candidates tied above the threshold at a quota of 1 to a re-vote', () => {
    const ballots = [['A'], ['A'], ['A'], ['A'], ['B'], ['B'], ['B'], ['B'], ['C'], []];
    const r = run({ members: 10, present: 10, thresholdPercent: 30, ballots });
    expect(r.approvalsNeeded).toBe(4);
    expect(r.elected).toEqual([]);
    expect(r.revote).toEqual({ candidates: ['A', 'B'], seats: 1 });
  });

  it('elects those clearly above the line and re-votes the tied ones for the seats left', () => {
    const ballots = [['A', 'B'], ['A', 'B'], ['A', 'B'], ['A', 'C'], ['A', 'C'], ['B', 'C'], ['C']];
    const r = run({ members: 7, present: 7, candidates: ['A', 'B', 'C', 'D'], quota: 2, ballots });
    expect(r.candidates.map((c) => c.approvals)).toEqual([5, 4, 4, 0]);
    expect(r.elected).toEqual(['A']);
    expect(r.revote).toEqual({ candidates: ['B', 'C'], seats: 1 });
  });

  it('re-votes among three tied for one seat', () => {
    const ballots = [['A'], ['A'], ['A'], ['B'], ['B'], ['B'], ['C'], ['C'], ['C'], []];
    const r = run({ members: 10, present: 10, thresholdPercent: 20, ballots });
    expect(r.revote).toEqual({ candidates: ['A', 'B', 'C'], seats: 1 });
  });

  it('elects all tied candidates when they fit within the quota', () => {
    const ballots = [['A', 'B'], ['A', 'B'], ['A', 'B'], ['C']];
    const r = run({ quota: 2, ballots });
    expect(r.elected).toEqual(['A', 'B']);
    expect(r.revote).toBeNull();
  });

  it('ignores ties below the threshold', () => {
    const r = run({ quota: 1, ballots: [['A'], ['A'], ['A'], ['B'], ['C']] });
    expect(r.elected).toEqual(['A']);
    expect(r.revote).toBeNull();
  });

  it('elects nobody with a quota of 0, and every non-blank ballot is then invalid', () => {
    const r = run({ quota: 0, ballots: [['A'], []] });
    expect(r.valid).toBe(1);
    expect(r.invalidByProblem.over_quota).toBe(1);
    expect(r.elected).toEqual([]);
    expect(r.revote).toBeNull();
  });

  it('rounds percentages to two decimals', () => {
    const r = run({ members: 3, present: 3, quota: 2, ballots: [['A', 'B'], ['A'], []] });
    expect(r.candidates.map((c) => c.percent)).toEqual([66.67, 33.33, 0]);
    expect(r.threshold).toBe(1.5);
  });

  it('handles a base of zero', () => {
    const r = run({ members: 3, present: 0, thresholdBase: 'present', ballots: [] });
    expect(r.base).toBe(0);
    expect(r.approvalsNeeded).toBe(1);
    expect(r.candidates.every((c) => c.percent === 0)).toBe(true);
  });

  it('runs the re-vote round on the tied candidates and the seats left', () => {
    const first = run({ members: 10, present: 10, thresholdPercent: 30, ballots: [['A'], ['A'], ['A'], ['A'], ['B'], ['B'], ['B'], ['B'], ['C'], []] });
    const next = revoteSetup(setup({ members: 10, present: 10, thresholdPercent: 30 }), first.revote!);
    expect(next.candidates).toEqual(['A', 'B']);
    expect(next.quota).toBe(1);
    const second = tally({ ...next, ballots: [['B'], ['B'], ['B'], ['B'], ['B'], ['A'], ['A'], ['A'], ['A'], ['A', 'B']] });
    expect(second.invalid).toBe(1);
    expect(second.elected).toEqual(['B']);
  });

  it('refuses more ballots than units present', () => {
    expectInputError(() => run({ present: 2, ballots: [['A'], ['A'], ['B']] }), ['Số phiếu đã bỏ (3) không được lớn hơn số đơn vị có mặt (2)']);
  });

  it('refuses an inconsistent setup with every problem named', () => {
    expectInputError(() => run({ members: 4, present: 5, quota: -1, thresholdPercent: 120, candidates: ['A', 'A'], ballots: [] }), [
      'Số đơn vị có mặt (5) không được lớn hơn số đơn vị thành viên (4)',
      'Số đơn vị được bầu tối đa (-1) phải là số nguyên không âm',
      'Tỷ lệ phiếu đồng ý cần vượt (120%) phải từ 0 đến 100',
      'Đơn vị A có tên hai lần trong danh sách ứng viên',
    ]);
    expect(checkVoteSetup(setup({ members: 2.5, present: -1, names: { B: 'Sở Tư pháp' }, candidates: ['B', 'B', ''] })).map((e) => e.field)).toEqual([
      'members',
      'present',
      'candidates',
      'candidates',
    ]);
    expect(checkVoteSetup(setup({ candidates: ['B', 'B'], names: { B: 'Sở Tư pháp' } }))[0].message).toBe('Đơn vị Sở Tư pháp có tên hai lần trong danh sách ứng viên');
    expect(checkVoteSetup(setup({ thresholdBase: 'all' as never }))[0].field).toBe('thresholdBase');
    expect(checkVoteSetup(setup())).toEqual([]);
  });
});

// ---- properties -------------------------------------------------------------------------------------

const POOL = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];

/** A setup and ballots: mostly valid ballots, some invalid (non-candidates, repeats, too many). */
const arbTally: fc.Arbitrary<TallyInput> = fc
  .record({
    members: fc.integer({ min: 1, max: 12 }),
    presentShare: fc.double({ min: 0, max: 1, noNaN: true }),
    candidates: fc.shuffledSubarray(POOL, { maxLength: 6 }),
    quota: fc.integer({ min: 0, max: 4 }),
    thresholdPercent: fc.oneof(fc.constantFrom(0, 20, 30, 50, 70, 100), fc.integer({ min: 0, max: 100 })),
    thresholdBase: fc.constantFrom<'members' | 'present'>('members', 'present'),
  })
  .chain(({ presentShare, ...s }) => {
    const present = Math.round(s.members * presentShare);
    const valid = fc.shuffledSubarray(s.candidates, { maxLength: Math.min(s.quota, s.candidates.length) });
    const any = fc.array(fc.constantFrom(...s.candidates, 'x1'), { maxLength: 5 });
    const ballot = fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: any, weight: 1 });
    return fc.array(ballot, { maxLength: present }).map((ballots) => ({ ...s, present, ballots }));
  });

const permutation = <T>(xs: readonly T[]): fc.Arbitrary<T[]> => fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length });

describe('tally properties', () => {
  it('never elects a candidate without exceeding the threshold', () => {
    fc.assert(
      fc.property(arbTally, (input) => {
        const r = tally(input);
        for (const id of r.elected) {
          const c = r.candidates.find((x) => x.unitId === id)!;
          expect(c.approvals * 100).toBeGreaterThan(r.base * input.thresholdPercent);
        }
        for (const id of r.revote?.candidates ?? []) {
          expect(r.candidates.find((x) => x.unitId === id)!.approvals * 100).toBeGreaterThan(r.base * input.thresholdPercent);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never elects more than the quota, and elected plus re-vote seats stay within it', () => {
    fc.assert(
      fc.property(arbTally, (input) => {
        const r = tally(input);
        expect(r.elected.length).toBeLessThanOrEqual(input.quota);
        expect(r.elected.length + (r.revote?.seats ?? 0)).toBeLessThanOrEqual(input.quota);
        if (r.revote) {
          expect(r.revote.seats).toBeGreaterThanOrEqual(1);
          expect(r.revote.candidates.length).toBeGreaterThan(r.revote.seats);
          expect(r.elected.length + r.revote.seats).toBe(input.quota);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('matches an independent statement of the election rule', () => {
    fc.assert(
      fc.property(arbTally, (input) => {
        const r = tally(input);
        const qualified = r.candidates.filter((c) => c.approvals * 100 > r.base * input.thresholdPercent);
        const expectedElected: string[] = [];
        const tied: string[] = [];
        let seatsLeft: number | null = null;
        for (const c of qualified) {
          const better = qualified.filter((o) => o.approvals > c.approvals).length;
          const atLeast = qualified.filter((o) => o.approvals >= c.approvals).length;
          if (atLeast <= input.quota) expectedElected.push(c.unitId);
          else if (better < input.quota) {
            tied.push(c.unitId);
            seatsLeft = input.quota - better;
          }
        }
        expect(r.elected).toEqual(expectedElected);
        expect(r.revote).toEqual(tied.length > 0 ? { candidates: tied, seats: seatsLeft } : null);
      }),
      { numRuns: 500 },
    );
  });

  it('counts approvals exactly from the valid ballots', () => {
    fc.assert(
      fc.property(arbTally, (input) => {
        const r = tally(input);
        const cands = new Set(input.candidates);
        const valid = input.ballots.filter((b) => b.every((id) => cands.has(id)) && new Set(b).size === b.length && b.length <= input.quota);
        expect(r.ballotsCast).toBe(input.ballots.length);
        expect(r.valid).toBe(valid.length);
        expect(r.valid + r.invalid).toBe(r.ballotsCast);
        expect(Object.values(r.invalidByProblem).reduce((a, b) => a + b, 0)).toBe(r.invalid);
        for (const c of r.candidates) {
          expect(c.approvals).toBe(valid.filter((b) => b.includes(c.unitId)).length);
          expect(c.approvals).toBeLessThanOrEqual(r.valid);
        }
        expect(r.candidates.map((c) => c.unitId).sort()).toEqual([...input.candidates].sort());
        for (let i = 1; i < r.candidates.length; i++) {
          expect(r.candidates[i - 1].approvals).toBeGreaterThanOrEqual(r.candidates[i].approvals);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is invariant under ballot order', () => {
    fc.assert(
      fc.property(
        arbTally.chain((input) => permutation(input.ballots).map((shuffled) => ({ input, shuffled }))),
        ({ input, shuffled }) => {
          expect(tally({ ...input, ballots: shuffled })).toEqual(tally(input));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('elects the same units whatever the order of the candidate list', () => {
    fc.assert(
      fc.property(
        arbTally.chain((input) => permutation(input.candidates).map((order) => ({ input, order }))),
        ({ input, order }) => {
          const a = tally(input);
          const b = tally({ ...input, candidates: order });
          expect(new Set(b.elected)).toEqual(new Set(a.elected));
          expect(b.revote ? { seats: b.revote.seats, candidates: new Set(b.revote.candidates) } : null).toEqual(
            a.revote ? { seats: a.revote.seats, candidates: new Set(a.revote.candidates) } : null,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps an elected candidate elected when one more ballot approves only it', () => {
    fc.assert(
      fc.property(
        arbTally.filter((i) => i.ballots.length < i.present && i.quota >= 1),
        (input) => {
          const before = tally(input);
          for (const id of before.elected) {
            expect(tally({ ...input, ballots: [...input.ballots, [id]] }).elected).toContain(id);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the count of an encrypted box (papers and per-candidate sums) elects what the papers in the clear elect', () => {
    fc.assert(
      fc.property(arbTally.filter((i) => i.candidates.length > 0 && i.quota >= 1), (input) => {
        const valid = input.ballots.filter((b) => ballotProblem(b, new Set(input.candidates), input.quota) === null);
        const approvals = input.candidates.map((c) => valid.filter((b) => b.includes(c)).length);
        const counted = countedTally({ ...input, ballotsCast: valid.length, approvals });
        expect(counted).toEqual(tally({ ...input, ballots: valid }));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses counts a box of valid papers cannot give', () => {
    const s = { ...setup(), candidates: ['A', 'B'], quota: 1 };
    expect(() => countedTally({ ...s, ballotsCast: 3, approvals: [4, 0] })).toThrow();
    expect(() => countedTally({ ...s, ballotsCast: 3, approvals: [2, 2] })).toThrow();
    expect(() => countedTally({ ...s, ballotsCast: 3, approvals: [1] })).toThrow();
    expect(() => countedTally({ ...s, ballotsCast: s.present + 1, approvals: [0, 0] })).toThrow();
  });
});
