import fc from 'fast-check';
import { checkPaperTally, paperTally, PaperTallyInput } from './paper-tally';
import { tally, TallyInput } from './tally';

const paper = (over: Partial<PaperTallyInput> = {}): PaperTallyInput => ({
  members: 5,
  present: 5,
  candidates: ['A', 'B', 'C'],
  quota: 1,
  thresholdPercent: 50,
  thresholdBase: 'members',
  issued: 5,
  valid: 5,
  invalid: 0,
  approvals: { A: 3, B: 2, C: 0 },
  ...over,
});

const messages = (input: PaperTallyInput) => checkPaperTally(input).map((e) => e.message);

describe('paper tally', () => {
  it('computes the same result shape as the electronic tally when the totals add up', () => {
    const outcome = paperTally(paper());
    expect(outcome).toEqual({
      ok: true,
      result: {
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
      },
    });
  });

  it('requires valid plus invalid to equal the ballots issued', () => {
    const outcome = paperTally(paper({ issued: 5, valid: 4, invalid: 2, approvals: { A: 3, B: 1, C: 0 } }));
    expect(outcome).toEqual({
      ok: false,
      errors: [{ field: 'valid', message: 'Số phiếu hợp lệ (4) cộng phiếu không hợp lệ (2) phải bằng số phiếu phát ra (5)' }],
    });
  });

  it('refuses more ballots issued than units present', () => {
    expect(checkPaperTally(paper({ present: 4, issued: 5 }))).toEqual([
      { field: 'issued', message: 'Số phiếu phát ra (5) không được lớn hơn số đơn vị có mặt (4)' },
    ]);
  });

  it("refuses a candidate's approvals above the valid ballots, naming the unit", () => {
    expect(checkPaperTally(paper({ valid: 4, invalid: 1, approvals: { A: 5, B: 0, C: 0 }, names: { A: 'Sở Nội vụ' } }))).toEqual([
      { field: 'approvals.A', message: 'Số phiếu đồng ý của Sở Nội vụ (5) không được lớn hơn số phiếu hợp lệ (4)' },
      { field: 'approvals', message: 'Tổng số phiếu đồng ý (5) không được lớn hơn số phiếu hợp lệ nhân số đơn vị được bầu tối đa (4 × 1 = 4)' },
    ]);
  });

  it('refuses more approvals in total than the valid ballots allow', () => {
    expect(messages(paper({ approvals: { A: 3, B: 3, C: 0 } }))).toEqual([
      'Tổng số phiếu đồng ý (6) không được lớn hơn số phiếu hợp lệ nhân số đơn vị được bầu tối đa (5 × 1 = 5)',
    ]);
    expect(checkPaperTally(paper({ quota: 2, approvals: { A: 5, B: 5, C: 0 } }))).toEqual([]);
    expect(messages(paper({ quota: 2, approvals: { A: 5, B: 5, C: 1 } }))).toEqual([
      'Tổng số phiếu đồng ý (11) không được lớn hơn số phiếu hợp lệ nhân số đơn vị được bầu tối đa (5 × 2 = 10)',
    ]);
  });

  it('refuses negative and fractional counts', () => {
    expect(checkPaperTally(paper({ issued: -1, valid: 2.5, invalid: Number.NaN, approvals: { A: -2, B: 1.5, C: 0 } }))).toEqual([
      { field: 'issued', message: 'Số phiếu phát ra (-1) phải là số nguyên không âm' },
      { field: 'valid', message: 'Số phiếu hợp lệ (2.5) phải là số nguyên không âm' },
      { field: 'invalid', message: 'Số phiếu không hợp lệ (NaN) phải là số nguyên không âm' },
      { field: 'approvals.A', message: 'Số phiếu đồng ý của A (-2) phải là số nguyên không âm' },
      { field: 'approvals.B', message: 'Số phiếu đồng ý của B (1.5) phải là số nguyên không âm' },
    ]);
  });

  it('refuses entries for anyone but the candidates; a candidate left out received no approval', () => {
    expect(checkPaperTally(paper({ approvals: { A: 3, C: 0, Z: 1 }, names: { B: 'UBND quận Ba Đình', Z: 'Sở Y tế' } }))).toEqual([
      { field: 'approvals.Z', message: 'Đơn vị Sở Y tế không có trong danh sách ứng viên' },
    ]);
    const listed = paperTally(paper({ approvals: { A: 3, B: 0, C: 0 } }));
    const omitted = paperTally(paper({ approvals: { A: 3 } }));
    expect(omitted).toEqual(listed);
    expect(omitted.ok).toBe(true);
  });

  it('reports problems with the setup too', () => {
    expect(messages(paper({ members: 4 }))).toEqual([
      'Số đơn vị có mặt (5) không được lớn hơn số đơn vị thành viên (4)',
    ]);
  });

  it('accepts an all-invalid count and elects nobody', () => {
    const outcome = paperTally(paper({ valid: 0, invalid: 5, approvals: { A: 0, B: 0, C: 0 } }));
    expect(outcome.ok && outcome.result.elected).toEqual([]);
    expect(outcome.ok && outcome.result.invalid).toBe(5);
  });

  it('sends a tie at the quota line to a re-vote, as the electronic tally does', () => {
    const outcome = paperTally(paper({ members: 10, present: 10, issued: 9, valid: 9, thresholdPercent: 30, approvals: { A: 4, B: 4, C: 1 } }));
    expect(outcome.ok && outcome.result.revote).toEqual({ candidates: ['A', 'B'], seats: 1 });
  });
});

// ---- properties -------------------------------------------------------------------------------------

const POOL = ['u1', 'u2', 'u3', 'u4', 'u5'];

const arbElectronic: fc.Arbitrary<TallyInput> = fc
  .record({
    members: fc.integer({ min: 1, max: 11 }),
    presentShare: fc.double({ min: 0, max: 1, noNaN: true }),
    candidates: fc.shuffledSubarray(POOL),
    quota: fc.integer({ min: 0, max: 3 }),
    thresholdPercent: fc.integer({ min: 0, max: 100 }),
    thresholdBase: fc.constantFrom<'members' | 'present'>('members', 'present'),
  })
  .chain(({ presentShare, ...s }) => {
    const present = Math.round(s.members * presentShare);
    const valid = fc.shuffledSubarray(s.candidates, { maxLength: Math.min(s.quota, s.candidates.length) });
    const any = fc.array(fc.constantFrom(...s.candidates, 'x'), { maxLength: 4 });
    return fc.array(fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: any, weight: 1 }), { maxLength: present }).map((ballots) => ({ ...s, present, ballots }));
  });

describe('paper tally properties', () => {
  it('gives the same result as the electronic tally for the same counts', () => {
    fc.assert(
      fc.property(arbElectronic, (input) => {
        const { invalidByProblem: _ignored, ...electronic } = tally(input);
        const { ballots: _b, ...setup } = input;
        const outcome = paperTally({
          ...setup,
          issued: electronic.ballotsCast,
          valid: electronic.valid,
          invalid: electronic.invalid,
          approvals: Object.fromEntries(electronic.candidates.map((c) => [c.unitId, c.approvals])),
        });
        expect(outcome).toEqual({ ok: true, result: electronic });
      }),
      { numRuns: 400 },
    );
  });

  it('accepts exactly the totals that add up', () => {
    const base = { members: 8, candidates: ['A', 'B', 'C'], thresholdPercent: 50, thresholdBase: 'members' as const };
    // Totals near the boundary: consistent by construction, then maybe nudged by ±1 in one field.
    const near = fc
      .record({
        present: fc.integer({ min: 0, max: 8 }),
        quota: fc.integer({ min: 0, max: 3 }),
        issuedShare: fc.double({ min: 0, max: 1, noNaN: true }),
        validShare: fc.double({ min: 0, max: 1, noNaN: true }),
        approvalShares: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
        nudge: fc.option(fc.tuple(fc.constantFrom('present', 'issued', 'valid', 'invalid', 'A', 'B', 'C'), fc.constantFrom(-1, 1)), { freq: 2 }),
      })
      .map(({ present, quota, issuedShare, validShare, approvalShares, nudge }): PaperTallyInput => {
        const issued = Math.floor(present * issuedShare);
        const valid = Math.floor(issued * validShare);
        const n: Record<string, number> = { present, issued, valid, invalid: issued - valid };
        ['A', 'B', 'C'].forEach((id, i) => (n[id] = Math.floor(valid * approvalShares[i])));
        if (nudge) n[nudge[0]] += nudge[1];
        return { ...base, present: n.present, quota, issued: n.issued, valid: n.valid, invalid: n.invalid, approvals: { A: n.A, B: n.B, C: n.C } };
      });
    const wild = fc
      .record({
        present: fc.integer({ min: 0, max: 8 }),
        quota: fc.integer({ min: 0, max: 3 }),
        issued: fc.integer({ min: -1, max: 9 }),
        valid: fc.integer({ min: -1, max: 9 }),
        invalid: fc.integer({ min: -1, max: 9 }),
        approvals: fc.tuple(fc.integer({ min: -1, max: 10 }), fc.integer({ min: -1, max: 10 }), fc.integer({ min: -1, max: 10 })),
      })
      .map(({ approvals, ...r }): PaperTallyInput => ({ ...base, ...r, approvals: { A: approvals[0], B: approvals[1], C: approvals[2] } }));
    const arbPaper = fc.oneof(near, wild);
    fc.assert(
      fc.property(arbPaper, (p) => {
        const a = [p.approvals.A, p.approvals.B, p.approvals.C];
        const addsUp =
          [p.issued, p.valid, p.invalid, ...a].every((n) => n >= 0) &&
          p.valid + p.invalid === p.issued &&
          p.present >= 0 &&
          p.present <= p.members &&
          p.issued <= p.present &&
          a.every((n) => n <= p.valid) &&
          a.reduce((x, y) => x + y, 0) <= p.valid * p.quota;
        const outcome = paperTally(p);
        expect(outcome.ok).toBe(addsUp);
        if (outcome.ok) {
          expect(outcome.result.elected.length).toBeLessThanOrEqual(p.quota);
          expect(outcome.result.ballotsCast).toBe(p.issued);
        } else {
          expect(outcome.errors.length).toBeGreaterThan(0);
          expect(outcome.errors.every((e) => e.message.length > 0 && e.field.length > 0)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
