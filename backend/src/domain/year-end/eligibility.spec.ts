import fc from 'fast-check';
import type { AwardCode } from '@thidua/rules';
import { RuleInputError } from './common';
import { checkEligibility, DEFAULT_AWARD_GATES, eligibleUnitIds, EXCELLENT_COLLECTIVE_TITLE, UnitStanding } from './eligibility';

const TTLDXS = EXCELLENT_COLLECTIVE_TITLE;
const unit = (unitId: string, rank: number | null, over: Partial<UnitStanding> = {}): UnitStanding => ({ unitId, rank, disciplined: false, titles: [TTLDXS], ...over });

const block = [unit('A', 1), unit('B', 2), unit('C', 3), unit('D', 4), unit('E', 5, { titles: [] }), unit('F', 6)];

describe('eligibility', () => {
  it('lets only the leading unit stand for the Government flag', () => {
    expect(checkEligibility({ award: 'gov_flag', roundFinalised: true, units: block.slice(0, 3) })).toEqual([
      { unitId: 'A', eligible: true, reasons: [] },
      { unitId: 'B', eligible: false, reasons: ['Xếp hạng 2: chỉ đơn vị dẫn đầu Khối (hạng 1) được xét Cờ thi đua của Chính phủ'] },
      { unitId: 'C', eligible: false, reasons: ['Xếp hạng 3: chỉ đơn vị dẫn đầu Khối (hạng 1) được xét Cờ thi đua của Chính phủ'] },
    ]);
  });

  it('keeps the Government flag for rank 1 even when the catalogue widens top N', () => {
    const r = checkEligibility({ award: 'gov_flag', gates: { topN: { kind: 'count', value: 5 }, requiredTitle: null }, roundFinalised: true, units: block });
    expect(eligibleUnitIds(r)).toEqual(['A']);
  });

  it('applies the top N and the required title for the city flag', () => {
    const r = checkEligibility({ award: 'city_flag', roundFinalised: true, units: block });
    expect(eligibleUnitIds(r)).toEqual(['A', 'B', 'C']);
    expect(r[3]).toEqual({ unitId: 'D', eligible: false, reasons: ['Xếp hạng 4: ngoài 3 đơn vị xếp hạng đầu được xét Cờ thi đua của UBND Thành phố'] });
    expect(r[4].reasons).toEqual([
      'Xếp hạng 5: ngoài 3 đơn vị xếp hạng đầu được xét Cờ thi đua của UBND Thành phố',
      'Chưa có danh hiệu "Tập thể lao động xuất sắc"',
    ]);
  });

  it('takes a percentage top N of the member units for the certificate of merit, without a title', () => {
    const r = checkEligibility({ award: 'city_merit', roundFinalised: true, units: block });
    expect(eligibleUnitIds(r)).toEqual(['A', 'B', 'C']);
    expect(r[3].reasons).toEqual(['Xếp hạng 4: ngoài 3 đơn vị xếp hạng đầu được xét Bằng khen của Chủ tịch UBND Thành phố']);
    expect(eligibleUnitIds(checkEligibility({ award: 'city_merit', roundFinalised: true, members: 9, units: block }))).toEqual(['A', 'B', 'C', 'D']);
  });

  it('excludes a unit with a disciplinary flag, listing every reason', () => {
    const r = checkEligibility({ award: 'city_flag', roundFinalised: true, units: [unit('X', 7, { disciplined: true, titles: [] })], members: 9, names: { X: 'Sở Tài chính' } });
    expect(r).toEqual([
      {
        unitId: 'X',
        eligible: false,
        reasons: ['Xếp hạng 7: ngoài 3 đơn vị xếp hạng đầu được xét Cờ thi đua của UBND Thành phố', 'Bị kỷ luật trong năm', 'Chưa có danh hiệu "Tập thể lao động xuất sắc"'],
      },
    ]);
    expect(checkEligibility({ award: 'city_merit', roundFinalised: true, members: 6, units: [unit('A', 1, { disciplined: true })] })[0].reasons).toEqual(['Bị kỷ luật trong năm']);
    // A percentage top N rounds down, like a percentage quota: 50% of 1 member is nobody.
    expect(checkEligibility({ award: 'city_merit', roundFinalised: true, units: [unit('A', 1)] })[0].reasons).toEqual(['Không có đơn vị nào thuộc nhóm xếp hạng đầu được xét Bằng khen của Chủ tịch UBND Thành phố (số đơn vị được xét là 0)']);
  });

  it('treats units sharing a rank alike', () => {
    const tied = [unit('A', 1), unit('B', 1), unit('C', 3), unit('D', 3), unit('E', 5)];
    expect(eligibleUnitIds(checkEligibility({ award: 'gov_flag', roundFinalised: true, units: tied }))).toEqual(['A', 'B']);
    expect(eligibleUnitIds(checkEligibility({ award: 'city_flag', roundFinalised: true, units: tied }))).toEqual(['A', 'B', 'C', 'D']);
  });

  it('does not need a finalised round (nor a rank) for an award with no rank gate', () => {
    const gates = { topN: null, requiredTitle: 'Cờ thi đua của Bộ' };
    const r = checkEligibility({ award: 'city_merit', gates, roundFinalised: false, units: [unit('A', null, { titles: ['Cờ thi đua của Bộ'] }), unit('B', null, { titles: [] })] });
    expect(r[0]).toEqual({ unitId: 'A', eligible: true, reasons: [] });
    expect(r[1].reasons).toEqual(['Chưa có danh hiệu "Cờ thi đua của Bộ"']);
    // The Government flag stays for the leading unit: its rank gate needs the finalised round.
    expect(checkEligibility({ award: 'gov_flag', gates: { topN: null, requiredTitle: null }, roundFinalised: false, units: [unit('A', 1)] })[0].eligible).toBe(false);
  });

  it('refuses everyone while the year-end round is not finalised', () => {
    const r = checkEligibility({ award: 'city_merit', roundFinalised: false, units: [unit('A', 1), unit('B', 2, { disciplined: true })] });
    expect(r).toEqual([
      { unitId: 'A', eligible: false, reasons: ['Kết quả đợt chấm điểm cuối năm chưa được chốt'] },
      { unitId: 'B', eligible: false, reasons: ['Kết quả đợt chấm điểm cuối năm chưa được chốt', 'Bị kỷ luật trong năm'] },
    ]);
  });

  it('refuses a unit without a rank in the round', () => {
    expect(checkEligibility({ award: 'city_merit', roundFinalised: true, units: [unit('A', null)] })[0].reasons).toEqual(['Không có thứ hạng trong đợt chấm điểm cuối năm']);
  });

  it('matches titles ignoring case, spacing and Unicode composition', () => {
    const decomposed = '  tập thể  LAO ĐỘNG xuất sắc '.normalize('NFD');
    expect(checkEligibility({ award: 'gov_flag', roundFinalised: true, units: [unit('A', 1, { titles: [decomposed] })] })[0].eligible).toBe(true);
    expect(checkEligibility({ award: 'gov_flag', roundFinalised: true, units: [unit('A', 1, { titles: ['Tập thể lao động tiên tiến'] })] })[0].reasons).toEqual([
      'Chưa có danh hiệu "Tập thể lao động xuất sắc"',
    ]);
  });

  it('uses the gates given instead of the defaults', () => {
    const r = checkEligibility({ award: 'city_merit', gates: { topN: null, requiredTitle: 'Cờ thi đua của Bộ' }, roundFinalised: true, units: [unit('A', 6, { titles: ['Cờ thi đua của Bộ'] }), unit('B', 1)] });
    expect(r.map((x) => x.reasons)).toEqual([[], ['Chưa có danh hiệu "Cờ thi đua của Bộ"']]);
  });

  it('refuses malformed input', () => {
    expect(() => checkEligibility({ award: 'city_merit', roundFinalised: true, units: [unit('A', 0), unit('A', 1.5)] })).toThrow(RuleInputError);
    try {
      checkEligibility({ award: 'city_merit', gates: { topN: { kind: 'percent', value: 150 }, requiredTitle: null }, roundFinalised: true, units: [unit('A', 0), unit('A', 2)] });
    } catch (e) {
      expect((e as RuleInputError).errors.map((x) => x.message)).toEqual([
        'Số đơn vị xếp hạng đầu được xét (150) không hợp lệ',
        'Thứ hạng của A (0) phải là số nguyên dương',
        'Đơn vị A có tên hai lần trong danh sách xét',
      ]);
    }
    expect.assertions(2);
  });

  it('has the documented defaults', () => {
    expect(DEFAULT_AWARD_GATES).toEqual({
      gov_flag: { topN: { kind: 'count', value: 1 }, requiredTitle: 'Tập thể lao động xuất sắc' },
      city_flag: { topN: { kind: 'count', value: 3 }, requiredTitle: 'Tập thể lao động xuất sắc' },
      city_merit: { topN: { kind: 'percent', value: 50 }, requiredTitle: null },
    });
  });
});

describe('eligibility properties', () => {
  const arbInput = fc.record({
    award: fc.constantFrom<AwardCode>('gov_flag', 'city_flag', 'city_merit'),
    roundFinalised: fc.boolean(),
    topN: fc.option(fc.oneof(fc.record({ kind: fc.constant<'count'>('count'), value: fc.integer({ min: 0, max: 6 }) }), fc.record({ kind: fc.constant<'percent'>('percent'), value: fc.integer({ min: 0, max: 100 }) }))),
    requiredTitle: fc.option(fc.constantFrom(TTLDXS, 'Cờ thi đua của Bộ')),
    units: fc.uniqueArray(
      fc.record({
        unitId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
        rank: fc.option(fc.integer({ min: 1, max: 8 }), { freq: 6 }),
        disciplined: fc.boolean(),
        titles: fc.subarray([TTLDXS, 'Cờ thi đua của Bộ']),
      }),
      { selector: (u) => u.unitId, maxLength: 8 },
    ),
  });

  it('makes a unit eligible exactly when it passes every gate', () => {
    fc.assert(
      fc.property(arbInput, ({ award, roundFinalised, topN, requiredTitle, units }) => {
        const results = checkEligibility({ award, roundFinalised, gates: { topN, requiredTitle }, units });
        const members = units.length;
        const limit = topN === null ? Infinity : topN.kind === 'count' ? topN.value : Math.floor((members * topN.value) / 100);
        results.forEach((r, i) => {
          const u = units[i];
          const rankGated = topN !== null || award === 'gov_flag';
          const expected =
            (!rankGated || (roundFinalised && u.rank !== null && u.rank <= limit && (award !== 'gov_flag' || u.rank === 1))) &&
            !u.disciplined &&
            (requiredTitle === null || u.titles.includes(requiredTitle));
          expect(r.unitId).toBe(u.unitId);
          expect(r.eligible).toBe(expected);
          expect(r.reasons.length === 0).toBe(expected);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('never lets a non-leading unit stand for the Government flag', () => {
    fc.assert(
      fc.property(arbInput, ({ roundFinalised, topN, requiredTitle, units }) => {
        const ids = eligibleUnitIds(checkEligibility({ award: 'gov_flag', roundFinalised, gates: { topN, requiredTitle }, units }));
        for (const id of ids) expect(units.find((u) => u.unitId === id)!.rank).toBe(1);
      }),
    );
  });
});
