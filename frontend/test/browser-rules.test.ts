/**
 * The browser's running totals agree with the server's rules (@thidua/rules), for any scheme and any input:
 * the self-assessment form (rounds/assessment-values.ts) and the review form (reviews/score.ts) score, total
 * and compare with the one round2 (1.005 → 1.01) and cap groups as the server does.
 */
import fc from 'fast-check';
import { computeTotals, needsReason as serverNeedsReason, scoreCriterion, type CriterionInput, type SchemeNode } from '@thidua/rules';
import type { AssessmentRow } from '@/features/rounds/api/assessment';
import { computeTotals as formTotals, toText, type LeafState, type RowValue } from '@/features/rounds/assessment-values';
import { needsReason, scoreOf, totalOf, type ScoreValue } from '@/features/reviews/score';

type LeafType = 'points' | 'pass_fail' | 'per_occurrence' | 'bonus' | 'deduction';
const hundredths = (min: number, max: number) => fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((n) => n / 100);

interface Spec {
  type: 'group' | LeafType;
  max: number;
  parentPick: number;
  applicable: boolean;
  pointsPerOccurrence: number;
  items: { points: number; cap: number | null }[];
  // The scorer's entry: a fraction of max for points, a count, a pass, counts per item.
  fraction: number;
  count: number;
  passed: boolean;
  counts: number[];
}

const spec = fc.record({
  type: fc.constantFrom<Spec['type']>('group', 'group', 'points', 'pass_fail', 'per_occurrence', 'bonus', 'deduction'),
  max: hundredths(0.01, 40),
  parentPick: fc.nat(),
  applicable: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  pointsPerOccurrence: hundredths(0.01, 5),
  items: fc.array(fc.record({ points: hundredths(0.01, 10), cap: fc.option(hundredths(0.01, 20), { nil: null }) }), { minLength: 1, maxLength: 3 }),
  fraction: fc.integer({ min: 0, max: 100 }),
  count: fc.integer({ min: 0, max: 12 }),
  passed: fc.boolean(),
  counts: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 3 }),
});

interface Case {
  rows: AssessmentRow[];
  nodes: SchemeNode[];
  inputs: Map<string, CriterionInput>;
  values: Map<string, RowValue>;
}

function build(specs: Spec[]): Case {
  const rows: AssessmentRow[] = [];
  const nodes: SchemeNode[] = [];
  const inputs = new Map<string, CriterionInput>();
  const values = new Map<string, RowValue>();
  const groups: AssessmentRow[] = [];
  specs.forEach((s, i) => {
    const id = `c${i}`;
    const adjustment = s.type === 'bonus' || s.type === 'deduction';
    // Bonus and deduction live at the top level, as the scheme validation asks.
    const parent = adjustment ? null : [null, ...groups][s.parentPick % (groups.length + 1)];
    const items = adjustment ? s.items.map((it, k) => ({ id: `${id}i${k}`, title: `Khoản ${k + 1}`, ...it })) : [];
    const row = {
      criterionId: id, parentId: parent?.criterionId ?? null, code: `C${i}`, title: `Tiêu chí ${i}`, type: s.type, max: s.max,
      applicable: s.applicable && (parent?.applicable ?? true), evidenceRequired: false,
      pointsPerOccurrence: s.type === 'per_occurrence' ? s.pointsPerOccurrence : null, items, awardBonuses: [],
    } as unknown as AssessmentRow;
    rows.push(row);
    if (s.type === 'group') groups.push(row);
    nodes.push({ id, parentId: row.parentId, code: row.code, title: row.title, guidance: '', max: s.max, order: i, evidenceRequired: false, type: s.type, pointsPerOccurrence: s.pointsPerOccurrence, items } as SchemeNode);
    const maxHundredths = Math.round(s.max * 100);
    const score = Math.floor((maxHundredths * s.fraction) / 100) / 100;
    const counts = Object.fromEntries(items.map((it, k) => [it.id, s.counts[k]]));
    const input: CriterionInput = s.type === 'points' ? { score } : s.type === 'pass_fail' ? { passed: s.passed } : s.type === 'per_occurrence' ? { count: s.count } : { items: counts };
    inputs.set(id, input);
    values.set(id, {
      score: s.type === 'points' ? toText(score) : '', passed: s.type === 'pass_fail' ? s.passed : null, count: s.type === 'per_occurrence' ? String(s.count) : '',
      actual: '', items: Object.fromEntries(items.map((it, k) => [it.id, String(s.counts[k])])), note: '',
    });
  });
  return { rows, nodes, inputs, values };
}

/** The server's totals for the case: each applicable leaf scored by scoreCriterion, then computeTotals. */
function serverTotals(c: Case) {
  const scores = new Map<string, number>();
  for (const n of c.nodes) {
    if (n.type === 'group') continue;
    const r = scoreCriterion(n, c.inputs.get(n.id)!);
    if (!r.ok) throw new Error(r.error.message);
    scores.set(n.id, r.score);
  }
  return computeTotals(c.nodes, scores, c.rows.filter((r) => !r.applicable).map((r) => r.criterionId));
}

const state = (c: Case) => (id: string): LeafState => ({ value: c.values.get(id)!, evidence: [], serverScore: null, serverActual: null, invalid: false });
const reviewValue = (c: Case, id: string): ScoreValue => {
  const i = c.inputs.get(id)!;
  return { score: i.score ?? null, passed: i.passed ?? null, count: i.count ?? null, actual: null, items: i.items ? { ...i.items } : null };
};

describe('the browser totals a scheme as the server does', () => {
  it('self-assessment form: every node, the maximum, bonus, deductions and the total', () => {
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 14 }), (specs) => {
        const c = build(specs);
        const server = serverTotals(c);
        const form = formTotals(c.rows, state(c));
        expect({ max: form.max, score: form.score, bonus: form.bonus, deductions: form.deductions, total: form.total })
          .toEqual({ max: server.max, score: server.score, bonus: server.bonus, deductions: server.deductions, total: server.total });
        for (const r of c.rows) expect(form.byNode.get(r.criterionId)).toEqual({ score: server.byNode.get(r.criterionId)!.score, max: server.byNode.get(r.criterionId)!.max });
      }),
      { numRuns: 300 },
    );
  });

  it('review form: each criterion score and the source total', () => {
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 14 }), (specs) => {
        const c = build(specs);
        const server = serverTotals(c);
        for (const n of c.nodes) {
          if (n.type === 'group') continue;
          const r = scoreCriterion(n, c.inputs.get(n.id)!);
          expect(scoreOf(c.rows.find((x) => x.criterionId === n.id)!, reviewValue(c, n.id))).toBe(r.ok ? r.score : null);
        }
        expect(totalOf(c.rows, (row) => scoreOf(row, reviewValue(c, row.criterionId))).total).toBe(server.total);
      }),
      { numRuns: 300 },
    );
  });

  it('compares a reviewer score with the unit score at 2 decimals by the server round2 (1,005 is 1,01)', () => {
    const c = build([{ type: 'points', max: 10, parentPick: 0, applicable: true, pointsPerOccurrence: 1, items: [], fraction: 0, count: 0, passed: false, counts: [] }]);
    const row = { ...c.rows[0], self: { score: 1.01 } } as AssessmentRow;
    const typed = (score: number): ScoreValue => ({ score, passed: null, count: null, actual: null, items: null });
    // The old browser copy rounded 1.005 (stored as 1.00499…) down to 1: the form asked for a reason the server did not.
    expect(needsReason(row, typed(1.005))).toBe(false);
    expect(needsReason(row, typed(1.004))).toBe(true);
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (a, b) => {
      expect(needsReason({ ...row, self: { score: b / 1000 } } as AssessmentRow, typed(a / 1000))).toBe(serverNeedsReason(a / 1000, b / 1000));
    }));
  });
});
