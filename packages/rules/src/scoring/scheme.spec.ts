import { buildTree, computeTotals, flattenTree, isAdjustment, isGroup, nodeLabel, SchemeNode, unitMax, validateScheme } from './scheme';
import type { AdjustmentItem, BonusNode, DeductionNode, GroupNode, PassFailNode, PerOccurrenceNode, PointsNode, TargetNode } from './scheme';


const base = (id: string, parentId: string | null, code: string, max: number, order: number) => ({
  id,
  parentId,
  code,
  title: `Tiêu đề ${code}`,
  guidance: '',
  max,
  order,
  evidenceRequired: false,
});

const group = (id: string, parentId: string | null, code: string, max: number, order = 0): GroupNode => ({ ...base(id, parentId, code, max, order), type: 'group' });
const points = (id: string, parentId: string | null, code: string, max: number, order = 0): PointsNode => ({ ...base(id, parentId, code, max, order), type: 'points' });
const passFail = (id: string, parentId: string | null, code: string, max: number, order = 0): PassFailNode => ({ ...base(id, parentId, code, max, order), type: 'pass_fail' });
const perOccurrence = (id: string, parentId: string | null, code: string, max: number, pointsPerOccurrence: number, order = 0): PerOccurrenceNode => ({
  ...base(id, parentId, code, max, order),
  type: 'per_occurrence',
  pointsPerOccurrence,
});
const target = (id: string, parentId: string | null, code: string, max: number, order = 0): TargetNode => ({ ...base(id, parentId, code, max, order), type: 'target', measure: 'hồ sơ' });
const bonus = (id: string, code: string, max: number, items: AdjustmentItem[], order = 0): BonusNode => ({ ...base(id, null, code, max, order), type: 'bonus', items });
const deduction = (id: string, code: string, max: number, items: AdjustmentItem[], order = 0): DeductionNode => ({ ...base(id, null, code, max, order), type: 'deduction', items });

/**
 * A valid scheme with a declared total of 100:
 * I (40) = I.1 points 10 + I.2 (30) = [I.2.a pass_fail 10, I.2.b per_occurrence 2×, max 10, I.2.c target 10]
 * II (60) = II.1 points 60; C bonus (cap 20): gov flag 15, city flag 10; D deduction (cap 10): late 2 (cap 6), discipline 5.
 */
function sampleScheme(): SchemeNode[] {
  return [
    group('g1', null, 'I', 40, 1),
    points('c11', 'g1', 'I.1', 10, 1),
    group('g12', 'g1', 'I.2', 30, 2),
    passFail('c12a', 'g12', 'I.2.a', 10, 1),
    perOccurrence('c12b', 'g12', 'I.2.b', 10, 2, 2),
    target('c12c', 'g12', 'I.2.c', 10, 3),
    group('g2', null, 'II', 60, 2),
    points('c21', 'g2', 'II.1', 60, 1),
    bonus('b', 'C', 20, [
      { id: 'gov', title: 'Cờ thi đua của Chính phủ năm trước', points: 15, cap: null },
      { id: 'city', title: 'Cờ thi đua của UBND Thành phố năm trước', points: 10, cap: null },
    ], 3),
    deduction('d', 'D', 10, [
      { id: 'late', title: 'Gửi báo cáo chậm', points: 2, cap: 6 },
      { id: 'discipline', title: 'Cán bộ bị kỷ luật', points: 5, cap: null },
    ], 4),
  ];
}

const codesOf = (nodes: SchemeNode[]) => nodes.map((n) => n.code);
const replace = (nodes: SchemeNode[], id: string, patch: Partial<SchemeNode>): SchemeNode[] =>
  nodes.map((n) => (n.id === id ? ({ ...n, ...patch } as SchemeNode) : n));

describe('scheme tree', () => {
  it('builds the tree in sibling order, whatever the input order', () => {
    const nodes = sampleScheme();
    const tree = buildTree(nodes);
    expect(tree.map((t) => t.node.code)).toEqual(['I', 'II', 'C', 'D']);
    expect(tree[0].children.map((t) => t.node.code)).toEqual(['I.1', 'I.2']);
    expect(tree[0].children[1].children.map((t) => [t.node.code, t.depth])).toEqual([
      ['I.2.a', 2],
      ['I.2.b', 2],
      ['I.2.c', 2],
    ]);
    expect(codesOf(flattenTree(tree))).toEqual(['I', 'I.1', 'I.2', 'I.2.a', 'I.2.b', 'I.2.c', 'II', 'II.1', 'C', 'D']);
    expect(codesOf(flattenTree(buildTree([...nodes].reverse())))).toEqual(codesOf(flattenTree(tree)));
  });

  it('orders siblings with equal order by code, numerically (I.2 before I.10)', () => {
    const nodes = [group('g', null, 'I', 30), points('b', 'g', 'I.10', 10), points('a', 'g', 'I.2', 10), points('c', 'g', 'I.9', 10)];
    expect(codesOf(flattenTree(buildTree(nodes)))).toEqual(['I', 'I.2', 'I.9', 'I.10']);
  });

  it('leaves out nodes under a missing parent or in a cycle', () => {
    const nodes = [
      group('g', null, 'I', 10),
      points('a', 'g', 'I.1', 10),
      points('orphan', 'nowhere', 'X', 5),
      group('x', 'y', 'Y.1', 5),
      group('y', 'x', 'Y.2', 5),
      points('under-cycle', 'x', 'Y.1.a', 5),
    ];
    expect(codesOf(flattenTree(buildTree(nodes)))).toEqual(['I', 'I.1']);
  });

  it('names rows as officials do', () => {
    expect(nodeLabel({ type: 'group', code: 'I.2' })).toBe('Nhóm I.2');
    expect(nodeLabel({ type: 'points', code: 'I.2.a' })).toBe('Tiêu chí I.2.a');
    expect(isGroup(group('g', null, 'I', 1))).toBe(true);
    expect(isAdjustment(bonus('b', 'C', 1, []))).toBe(true);
    expect(isAdjustment(deduction('d', 'D', 1, []))).toBe(true);
    expect(isAdjustment(points('p', null, 'P', 1))).toBe(false);
  });
});

describe('validateScheme', () => {
  it('accepts a valid scheme', () => {
    expect(validateScheme(sampleScheme(), 100)).toEqual([]);
  });

  it('accepts decimal maxima that add up exactly (no float drift)', () => {
    const nodes = [group('g', null, 'I', 0.3), points('a', 'g', 'I.1', 0.1), points('b', 'g', 'I.2', 0.2), points('c', null, 'II', 0.7)];
    expect(validateScheme(nodes, 1)).toEqual([]);
  });

  it('accepts a 1,000-point scheme', () => {
    const nodes = [group('g', null, 'I', 600), points('a', 'g', 'I.1', 600), points('b', null, 'II', 400)];
    expect(validateScheme(nodes, 1000)).toEqual([]);
  });

  it('refuses children whose maxima exceed the group max, naming the group', () => {
    const nodes = replace(sampleScheme(), 'c12a', { max: 15 });
    expect(validateScheme(nodes, 100)).toEqual([
      {
        code: 'I.2',
        rule: 'children_exceed_group',
        message: 'Nhóm I.2: tổng điểm tối đa của các tiêu chí con (35) vượt quá điểm tối đa của nhóm (30)',
      },
    ]);
  });

  it('refuses children whose maxima fall short of the group max', () => {
    const nodes = replace(sampleScheme(), 'c12a', { max: 5 });
    expect(validateScheme(nodes, 100)).toEqual([
      {
        code: 'I.2',
        rule: 'children_below_group',
        message: 'Nhóm I.2: tổng điểm tối đa của các tiêu chí con (25) thấp hơn điểm tối đa của nhóm (30)',
      },
    ]);
  });

  it('refuses a tree whose top level does not add up to the declared total (bonus and deductions excluded)', () => {
    const nodes = replace(replace(sampleScheme(), 'g2', { max: 55 }), 'c21', { max: 55 });
    expect(validateScheme(nodes, 100)).toEqual([
      {
        code: null,
        rule: 'total_mismatch',
        message: 'Biểu chấm điểm: tổng điểm tối đa của các nhóm cấp cao nhất (95) khác tổng điểm của biểu (100)',
      },
    ]);
    expect(validateScheme(sampleScheme(), 1000)).toEqual([
      {
        code: null,
        rule: 'total_mismatch',
        message: 'Biểu chấm điểm: tổng điểm tối đa của các nhóm cấp cao nhất (100) khác tổng điểm của biểu (1.000)',
      },
    ]);
  });

  it.each([0, -100, NaN, 99.999])('refuses a declared total of %p', (total) => {
    const errors = validateScheme(sampleScheme(), total);
    expect(errors.map((e) => [e.code, e.rule])).toEqual([[null, 'declared_total']]);
    expect(errors[0].message).toMatch(/^Biểu chấm điểm: tổng điểm của biểu \(.*\) phải là số dương/);
  });

  it('refuses non-positive maxima, naming the row', () => {
    const nodes = replace(sampleScheme(), 'c11', { max: 0 });
    expect(validateScheme(nodes, 100)).toEqual([
      { code: 'I', rule: 'children_below_group', message: 'Nhóm I: tổng điểm tối đa của các tiêu chí con (30) thấp hơn điểm tối đa của nhóm (40)' },
      { code: 'I.1', rule: 'invalid_max', message: 'Tiêu chí I.1: điểm tối đa phải lớn hơn 0, tối đa 2 chữ số thập phân (đang là 0)' },
    ]);
    const negative = validateScheme(replace(sampleScheme(), 'g12', { max: -30 }), 100);
    expect(negative.map((e) => [e.code, e.rule])).toEqual([
      ['I', 'children_below_group'],
      ['I.2', 'invalid_max'],
    ]);
    expect(negative[1].message).toBe('Nhóm I.2: điểm tối đa phải lớn hơn 0, tối đa 2 chữ số thập phân (đang là -30)');
  });

  it('refuses duplicate codes once per code', () => {
    const nodes = replace(sampleScheme(), 'c12b', { code: 'I.2.a' });
    expect(validateScheme(nodes, 100)).toEqual([{ code: 'I.2.a', rule: 'duplicate_code', message: 'Tiêu chí I.2.a: mã tiêu chí bị trùng (2 dòng)' }]);
  });

  it('refuses an empty code, naming the row by its title', () => {
    const nodes = replace(sampleScheme(), 'c11', { code: ' ' });
    expect(validateScheme(nodes, 100)).toEqual([{ code: ' ', rule: 'missing_code', message: 'Tiêu chí "Tiêu đề I.1": chưa có mã tiêu chí' }]);
  });

  it('refuses duplicate ids', () => {
    const nodes = [...sampleScheme(), { ...points('c11', null, 'III', 10) }];
    const errors = validateScheme(nodes, 100);
    expect(errors.map((e) => [e.code, e.rule])).toEqual([
      ['III', 'duplicate_id'],
      [null, 'total_mismatch'],
    ]);
    expect(errors[0].message).toBe('Tiêu chí III: trùng mã định danh "c11" với Tiêu chí I.1');
  });

  it('refuses a missing parent', () => {
    const nodes = [...sampleScheme(), points('x', 'ghost', 'I.3', 5)];
    expect(validateScheme(nodes, 100)).toEqual([{ code: 'I.3', rule: 'unknown_parent', message: 'Tiêu chí I.3: nhóm cha không tồn tại' }]);
  });

  it('refuses cycles, once per cycle', () => {
    const nodes = [...sampleScheme(), group('x', 'y', 'X.1', 5), group('y', 'x', 'X.2', 5)];
    expect(validateScheme(nodes, 100)).toEqual([{ code: 'X.1', rule: 'cycle', message: 'Nhóm X.1: vòng lặp trong cây tiêu chí (X.1 → X.2 → X.1)' }]);
  });

  it('refuses a node that is its own parent', () => {
    const nodes = [...sampleScheme(), group('z', 'z', 'Z', 5)];
    expect(validateScheme(nodes, 100)).toEqual([{ code: 'Z', rule: 'cycle', message: 'Nhóm Z: vòng lặp trong cây tiêu chí (Z → Z)' }]);
  });

  it('refuses a longer cycle reached from a node hanging below it, reporting it once', () => {
    const nodes = [...sampleScheme(), group('ka', 'kc', 'K.3', 5), group('kb', 'ka', 'K.1', 5), group('kc', 'kb', 'K.2', 5), points('leaf', 'ka', 'K.3.a', 5)];
    expect(validateScheme(nodes, 100)).toEqual([
      { code: 'K.1', rule: 'cycle', message: 'Nhóm K.1: vòng lặp trong cây tiêu chí (K.1 → K.3 → K.2 → K.1)' },
      { code: 'K.3', rule: 'children_exceed_group', message: 'Nhóm K.3: tổng điểm tối đa của các tiêu chí con (10) vượt quá điểm tối đa của nhóm (5)' },
    ]);
  });

  it('refuses children under a leaf criterion', () => {
    const nodes = [...replace(sampleScheme(), 'c21', { max: 60 }), points('x', 'c21', 'II.1.a', 5)];
    expect(validateScheme(nodes, 100)).toEqual([
      { code: 'II.1', rule: 'leaf_with_children', message: 'Tiêu chí II.1: chỉ nhóm mới có tiêu chí con, tiêu chí này lại có tiêu chí con (II.1.a)' },
    ]);
  });

  it('refuses an empty group', () => {
    const nodes = [...replace(sampleScheme(), 'c21', { max: 50 }), group('g3', 'g2', 'II.2', 10)];
    expect(validateScheme(nodes, 100)).toEqual([{ code: 'II.2', rule: 'empty_group', message: 'Nhóm II.2: chưa có tiêu chí con' }]);
  });

  it('refuses bonus or deduction items inside a group', () => {
    const nodes = [...sampleScheme(), { ...bonus('b2', 'I.3', 5, [{ id: 'x', title: 'X', points: 1, cap: null }]), parentId: 'g1' }];
    expect(validateScheme(nodes, 100)).toEqual([
      { code: 'I.3', rule: 'adjustment_not_top_level', message: 'Tiêu chí I.3: mục điểm thưởng phải nằm ở cấp cao nhất của biểu, không thuộc nhóm nào' },
    ]);
    const ded = [...sampleScheme(), { ...deduction('d2', 'I.4', 5, [{ id: 'x', title: 'X', points: 1, cap: null }]), parentId: 'g1' }];
    expect(validateScheme(ded, 100)[0].message).toBe('Tiêu chí I.4: mục điểm trừ phải nằm ở cấp cao nhất của biểu, không thuộc nhóm nào');
  });

  it('refuses a per-occurrence criterion without positive points per occurrence', () => {
    const nodes = replace(sampleScheme(), 'c12b', { pointsPerOccurrence: 0 } as Partial<SchemeNode>);
    expect(validateScheme(nodes, 100)).toEqual([
      { code: 'I.2.b', rule: 'invalid_points', message: 'Tiêu chí I.2.b: số điểm mỗi lần phải lớn hơn 0, tối đa 2 chữ số thập phân (đang là 0)' },
    ]);
  });

  it('refuses bad bonus and deduction items', () => {
    const emptyItems = replace(sampleScheme(), 'b', { items: [] } as Partial<SchemeNode>);
    expect(validateScheme(emptyItems, 100)).toEqual([{ code: 'C', rule: 'invalid_item', message: 'Tiêu chí C: mục điểm thưởng chưa có khoản nào' }]);
    const badItems = replace(sampleScheme(), 'd', {
      items: [
        { id: 'late', title: 'Chậm', points: 0, cap: null },
        { id: 'late', title: 'Chậm lần 2', points: 1, cap: -1 },
      ],
    } as Partial<SchemeNode>);
    expect(validateScheme(badItems, 100)).toEqual([
      { code: 'D', rule: 'invalid_item', message: 'Tiêu chí D: khoản "Chậm" phải có số điểm lớn hơn 0, tối đa 2 chữ số thập phân (đang là 0)' },
      { code: 'D', rule: 'invalid_item', message: 'Tiêu chí D: khoản "Chậm lần 2" trùng mã định danh "late"' },
      { code: 'D', rule: 'invalid_item', message: 'Tiêu chí D: khoản "Chậm lần 2" có mức trần không hợp lệ (-1)' },
    ]);
  });

  it('refuses an unknown criterion type', () => {
    const nodes = replace(sampleScheme(), 'c11', { type: 'essay' } as unknown as Partial<SchemeNode>);
    expect(validateScheme(nodes, 100)).toEqual([{ code: 'I.1', rule: 'unknown_type', message: 'Tiêu chí I.1: loại tiêu chí "essay" không hợp lệ' }]);
  });

  it('reports every problem at once', () => {
    const nodes = replace(replace(sampleScheme(), 'c12a', { max: 15 }), 'g2', { max: 70 });
    expect(validateScheme(nodes, 100).map((e) => [e.code, e.rule])).toEqual([
      ['I.2', 'children_exceed_group'],
      ['II', 'children_below_group'],
      [null, 'total_mismatch'],
    ]);
  });

  it('refuses an empty scheme: nothing adds up to the declared total', () => {
    expect(validateScheme([], 100)).toEqual([
      { code: null, rule: 'total_mismatch', message: 'Biểu chấm điểm: tổng điểm tối đa của các nhóm cấp cao nhất (0) khác tổng điểm của biểu (100)' },
    ]);
  });
});

describe('computeTotals', () => {
  const full = { c11: 10, c12a: 10, c12b: 10, c12c: 10, c21: 60, b: 0, d: 0 };

  it('sums groups and criteria; bonus adds, deductions subtract', () => {
    const t = computeTotals(sampleScheme(), { c11: 7.5, c12a: 10, c12b: 4, c12c: 6.25, c21: 50, b: 15, d: 4 });
    expect(t).toMatchObject({ max: 100, score: 77.75, bonus: 15, deductions: 4, total: 88.75, firstGroupScore: 27.75, unscored: [] });
    expect(t.byNode.get('g12')).toEqual({ score: 20.25, max: 30, applicable: true });
    expect(t.byNode.get('g1')).toEqual({ score: 27.75, max: 40, applicable: true });
    expect(t.byNode.get('d')).toEqual({ score: 4, max: 10, applicable: true });
  });

  it('accepts scores as a Map', () => {
    expect(computeTotals(sampleScheme(), new Map(Object.entries(full))).total).toBe(100);
  });

  it('adds hundredths without float drift', () => {
    const nodes = [group('g', null, 'I', 1), points('a', 'g', 'I.1', 0.5), points('b', 'g', 'I.2', 0.5)];
    const t = computeTotals(nodes, { a: 0.1, b: 0.2 });
    expect(t.score).toBe(0.3);
    expect(t.total).toBe(0.3);
  });

  it('removes a not-applicable criterion from the unit maximum and scores it 0', () => {
    const t = computeTotals(sampleScheme(), { ...full, c12c: 10 }, ['c12c']);
    expect(t.max).toBe(90);
    expect(t.score).toBe(90);
    expect(t.byNode.get('c12c')).toEqual({ score: 0, max: 0, applicable: false });
    expect(t.byNode.get('g12')).toEqual({ score: 20, max: 20, applicable: true });
    expect(t.byNode.get('g1')).toEqual({ score: 30, max: 30, applicable: true });
  });

  it('removes a not-applicable group with its whole subtree', () => {
    const t = computeTotals(sampleScheme(), full, ['g12']);
    expect(t.max).toBe(70);
    expect(t.score).toBe(70);
    expect(t.byNode.get('c12a')).toEqual({ score: 0, max: 0, applicable: false });
    expect(unitMax(sampleScheme(), ['g12'])).toBe(70);
    expect(unitMax(sampleScheme(), ['c12a', 'c12b', 'c12c'])).toBe(70);
    expect(unitMax(sampleScheme(), ['g1', 'g2'])).toBe(0);
    expect(unitMax(sampleScheme())).toBe(100);
  });

  it('ignores not-applicable bonus and deduction nodes', () => {
    const t = computeTotals(sampleScheme(), { ...full, b: 10, d: 5 }, ['b', 'd']);
    expect([t.bonus, t.deductions, t.total, t.max]).toEqual([0, 0, 100, 100]);
  });

  it('lists applicable criteria without a score, in reading order, and counts them 0', () => {
    const t = computeTotals(sampleScheme(), { c11: 5 }, ['c12b']);
    expect(t.unscored).toEqual(['I.2.a', 'I.2.c', 'II.1']);
    expect(t.total).toBe(5);
  });

  it('caps a group at its max even if the children were allowed to exceed it', () => {
    const nodes = [group('g', null, 'I', 10), points('a', 'g', 'I.1', 8), points('b', 'g', 'I.2', 8)];
    const t = computeTotals(nodes, { a: 8, b: 8 });
    expect(t.byNode.get('g')).toEqual({ score: 10, max: 10, applicable: true });
    expect(computeTotals(nodes, {}, ['b']).max).toBe(8);
  });

  it('uses the first top-level group by order for the first tie-break, bonus excluded', () => {
    const nodes = sampleScheme().map((n) => (n.id === 'g1' ? { ...n, order: 5 } : n));
    expect(computeTotals(nodes, { ...full, c21: 42, b: 10 }).firstGroupScore).toBe(42);
    expect(computeTotals([], {}).firstGroupScore).toBe(0);
  });

  it('lets deductions push the total below the score', () => {
    const t = computeTotals(sampleScheme(), { d: 10 });
    expect(t.total).toBe(-10);
  });

  it('refuses a score outside 0..max', () => {
    expect(() => computeTotals(sampleScheme(), { c11: 11 })).toThrow(RangeError);
    expect(() => computeTotals(sampleScheme(), { c11: -1 })).toThrow(RangeError);
    expect(() => computeTotals(sampleScheme(), { c11: NaN })).toThrow(RangeError);
  });
});
