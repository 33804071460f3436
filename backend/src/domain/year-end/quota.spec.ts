import fc from 'fast-check';
import { AWARD_CODES, defaultRuleSet, quotaLimit, type AwardCode, type Quota } from '@thidua/rules';
import { RuleInputError } from './common';
import { BlockQuotaInput, checkBlockQuotas, checkCityQuotas, Proposals } from './quota';

const block = (proposed: Proposals, over: Partial<BlockQuotaInput> = {}): BlockQuotaInput => ({
  members: 9,
  quotas: defaultRuleSet().quotas,
  leadingUnitIds: ['A'],
  proposed,
  ...over,
});

describe('per-block quotas', () => {
  it('accepts proposals within the default quotas', () => {
    expect(checkBlockQuotas(block({ gov_flag: ['A'], city_flag: ['B'], city_merit: ['A', 'B', 'C', 'D'] }))).toEqual([]);
    expect(checkBlockQuotas(block({}))).toEqual([]);
  });

  it('allows one Government flag, for the leading unit only', () => {
    expect(checkBlockQuotas(block({ gov_flag: ['A', 'B'] }))).toEqual([
      { award: 'gov_flag', kind: 'over_quota', unitIds: ['A', 'B'], limit: 1, proposed: 2, message: 'Khối đề nghị 2 đơn vị cho Cờ thi đua của Chính phủ, vượt số lượng tối đa 1 đơn vị' },
      { award: 'gov_flag', kind: 'not_leading_unit', unitIds: ['B'], message: 'Đơn vị B không phải đơn vị dẫn đầu Khối nên không được đề nghị Cờ thi đua của Chính phủ' },
    ]);
    expect(checkBlockQuotas(block({ gov_flag: ['C'] }, { names: { C: 'Sở Xây dựng' } })).map((b) => b.message)).toEqual([
      'Đơn vị Sở Xây dựng không phải đơn vị dẫn đầu Khối nên không được đề nghị Cờ thi đua của Chính phủ',
    ]);
  });

  it('limits the city flag to its quota, by count or by percentage', () => {
    expect(checkBlockQuotas(block({ city_flag: ['A', 'B'] })).map((b) => b.message)).toEqual([
      'Khối đề nghị 2 đơn vị cho Cờ thi đua của UBND Thành phố, vượt số lượng tối đa 1 đơn vị',
    ]);
    const quotas = { ...defaultRuleSet().quotas, city_flag: { kind: 'percent', value: 20 } as Quota };
    expect(checkBlockQuotas(block({ city_flag: ['A', 'B'] }, { members: 10, quotas }))).toEqual([]);
    expect(checkBlockQuotas(block({ city_flag: ['A', 'B'] }, { members: 9, quotas }))[0]).toMatchObject({ kind: 'over_quota', limit: 1, proposed: 2 });
  });

  it('limits certificates of merit to half the member units, rounded down', () => {
    const five = ['A', 'B', 'C', 'D', 'E'];
    expect(checkBlockQuotas(block({ city_merit: five.slice(0, 4) }))).toEqual([]);
    expect(checkBlockQuotas(block({ city_merit: five }))).toEqual([
      { award: 'city_merit', kind: 'over_quota', unitIds: five, limit: 4, proposed: 5, message: 'Khối đề nghị 5 đơn vị cho Bằng khen của Chủ tịch UBND Thành phố, vượt số lượng tối đa 4 đơn vị' },
    ]);
  });

  it('reports a unit listed twice and counts it once', () => {
    expect(checkBlockQuotas(block({ city_flag: ['B', 'B'] }))).toEqual([
      { award: 'city_flag', kind: 'duplicate', unitIds: ['B'], message: 'Đơn vị B được đề nghị Cờ thi đua của UBND Thành phố hai lần' },
    ]);
  });

  it('accepts either unit sharing rank 1 for the Government flag', () => {
    expect(checkBlockQuotas(block({ gov_flag: ['B'] }, { leadingUnitIds: ['A', 'B'] }))).toEqual([]);
  });

  it('refuses malformed input', () => {
    const quotas = { ...defaultRuleSet().quotas, city_merit: { kind: 'percent', value: 120 } as Quota };
    expect(() => checkBlockQuotas(block({}, { members: -1, quotas }))).toThrow(
      new RuleInputError([
        { field: 'members', message: 'Số đơn vị thành viên (-1) phải là số nguyên không âm' },
        { field: 'quotas.city_merit', message: 'Số lượng tối đa cho Bằng khen của Chủ tịch UBND Thành phố (120) không hợp lệ' },
      ]),
    );
  });
});

describe('city-wide quotas', () => {
  const blocks = [
    { blockId: 'k4', blockName: 'Khối thi đua số 4', proposed: { gov_flag: ['A'], city_flag: ['A'], city_merit: ['A', 'B'] } },
    { blockId: 'k5', blockName: 'Khối thi đua số 5', proposed: { city_flag: ['P'], city_merit: ['P', 'Q', 'Q'] } },
    { blockId: 'c2', proposed: {} },
  ];

  it('sums each award across blocks against the limit', () => {
    expect(checkCityQuotas({ limits: { gov_flag: 1, city_flag: 2, city_merit: 10 }, blocks })).toEqual({
      usage: [
        { award: 'gov_flag', proposed: 1, limit: 1, remaining: 0 },
        { award: 'city_flag', proposed: 2, limit: 2, remaining: 0 },
        { award: 'city_merit', proposed: 4, limit: 10, remaining: 6 },
      ],
      breaches: [],
    });
  });

  it('reports an award over its city-wide limit', () => {
    const r = checkCityQuotas({ limits: { city_flag: 1, city_merit: null }, blocks });
    expect(r.usage).toEqual([
      { award: 'gov_flag', proposed: 1, limit: null, remaining: null },
      { award: 'city_flag', proposed: 2, limit: 1, remaining: -1 },
      { award: 'city_merit', proposed: 4, limit: null, remaining: null },
    ]);
    expect(r.breaches).toEqual([
      { award: 'city_flag', kind: 'over_city_quota', unitIds: [], blockIds: [], message: 'Toàn Thành phố đề nghị 2 đơn vị cho Cờ thi đua của UBND Thành phố, vượt chỉ tiêu 1 đơn vị' },
    ]);
  });

  it('reports a unit proposed for the same award by two blocks', () => {
    const r = checkCityQuotas({ limits: {}, names: { A: 'Sở Nội vụ' }, blocks: [...blocks, { blockId: 'c2', proposed: { city_merit: ['A'] } }] });
    expect(r.breaches).toEqual([
      { award: 'city_merit', kind: 'several_blocks', unitIds: ['A'], blockIds: ['k4', 'c2'], message: 'Đơn vị Sở Nội vụ được đề nghị Bằng khen của Chủ tịch UBND Thành phố ở nhiều khối: Khối thi đua số 4, c2' },
    ]);
  });

  it('refuses a malformed limit', () => {
    expect(() => checkCityQuotas({ limits: { city_flag: 1.5 }, blocks })).toThrow('Chỉ tiêu toàn Thành phố cho Cờ thi đua của UBND Thành phố (1.5) phải là số nguyên không âm');
  });
});

describe('quota properties', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
  const arbQuota: fc.Arbitrary<Quota> = fc.oneof(
    fc.record({ kind: fc.constant<'count'>('count'), value: fc.integer({ min: 0, max: 5 }) }),
    fc.record({ kind: fc.constant<'percent'>('percent'), value: fc.integer({ min: 0, max: 100 }) }),
  );
  const arbProposed = fc.record({
    gov_flag: fc.array(fc.constantFrom(...ids), { maxLength: 3 }),
    city_flag: fc.array(fc.constantFrom(...ids), { maxLength: 5 }),
    city_merit: fc.array(fc.constantFrom(...ids), { maxLength: 10 }),
  });
  const arbBlock = fc.record({
    members: fc.integer({ min: 0, max: 12 }),
    quotas: fc.record({ gov_flag: arbQuota, city_flag: arbQuota, city_merit: arbQuota }),
    leadingUnitIds: fc.subarray(ids, { maxLength: 2 }),
    proposed: arbProposed,
  });

  it('reports over-quota exactly when more distinct units are proposed than the limit allows', () => {
    fc.assert(
      fc.property(arbBlock, (input) => {
        const breaches = checkBlockQuotas(input);
        for (const award of AWARD_CODES) {
          const distinct = new Set(input.proposed[award]).size;
          const over = breaches.filter((b) => b.award === award && b.kind === 'over_quota');
          expect(over.length).toBe(distinct > quotaLimit(input.quotas[award], input.members) ? 1 : 0);
          const dupes = breaches.filter((b) => b.award === award && b.kind === 'duplicate').length;
          expect(dupes).toBe(new Set(input.proposed[award].filter((x, i, xs) => xs.indexOf(x) !== i)).size);
        }
        const notLeading = breaches.filter((b) => b.kind === 'not_leading_unit');
        expect(notLeading.every((b) => b.award === 'gov_flag')).toBe(true);
        expect(new Set(notLeading.flatMap((b) => b.unitIds))).toEqual(new Set(input.proposed.gov_flag.filter((u) => !input.leadingUnitIds.includes(u))));
        expect(breaches.every((b) => b.message.length > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('makes the city-wide use the sum of the blocks, and over-quota follows the limit', () => {
    const arbCity = fc.record({
      limits: fc.record({ gov_flag: fc.option(fc.nat(6)), city_flag: fc.option(fc.nat(6)), city_merit: fc.option(fc.nat(20)) }),
      blocks: fc.array(fc.record({ blockId: fc.uuid(), proposed: arbProposed }), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(arbCity, ({ limits, blocks }) => {
        const r = checkCityQuotas({ limits, blocks });
        for (const u of r.usage) {
          const award: AwardCode = u.award;
          const sum = blocks.reduce((s, b) => s + new Set(b.proposed[award]).size, 0);
          expect(u.proposed).toBe(sum);
          expect(u.limit).toBe(limits[award]);
          const over = r.breaches.some((b) => b.award === award && b.kind === 'over_city_quota');
          expect(over).toBe(limits[award] !== null && sum > limits[award]!);
        }
      }),
      { numRuns: 300 },
    );
  });
});
