/**
 * A round's results from its stored score rows (docs/domain.md §4): per criterion the final score from its
 * sources under the rule set's rule, target criteria scored for the whole block, totals per unit with
 * bonus and deductions, ranks with the tie-break chain. Pure: the service, the bench and the tests share it.
 */
import {
  computeTotals, divergence, finalScore, FinalScore, FinalScoreRule, isAdjustment, needsReason, RankedRow, rankUnits, SchemeNode, SchemeTotals,
  TargetOutcome, targetOutcomes, TieBreak, withAwardPoints,
} from '@thidua/rules';

export type Source = 'self' | 'peer' | 'leader' | 'final';
export const SOURCES: readonly Source[] = ['self', 'peer', 'leader', 'final'];

/** What the results need of a stored score row. For target criteria `score` is null and `actual` counts. */
export interface ScoreEntryLite {
  unitId: string;
  criterionId: string;
  source: Source;
  scorerUnitId: string;
  score: number | null;
  actual: number | null;
}

export interface ResultsInput {
  nodes: readonly SchemeNode[];
  /** criterionId → units it does not apply to. */
  notApplicable: ReadonlyMap<string, ReadonlySet<string>>;
  units: readonly { id: string; submittedAt: Date | null }[];
  entries: readonly ScoreEntryLite[];
  /** `${reviewerUnitId}|${revieweeUnitId}` of active review assignments: only their peer rows count. */
  activePeers: ReadonlySet<string>;
  /** `${unitId}|${criterionId}` → the unit's target T. */
  targets: ReadonlyMap<string, number>;
  rule: FinalScoreRule;
  tieBreaks: readonly TieBreak[];
  /** The bonus criterion the awards held go into (award-bonus.ts), and each unit's award points. */
  awardBonusNodeId?: string | null;
  awardBonus?: ReadonlyMap<string, number>;
}

/** The sources of one criterion of one unit (only counted peers). */
export interface CriterionSources {
  self: ScoreEntryLite | null;
  peers: ScoreEntryLite[];
  leader: ScoreEntryLite | null;
  final: ScoreEntryLite | null;
}

export interface UnitResult {
  unitId: string;
  submittedAt: Date | null;
  self: SchemeTotals;
  final: SchemeTotals;
  /** criterionId → the unit's self score (target: computed among the self actuals of the block). */
  selfScores: Map<string, number>;
  /** criterionId → final score and where it came from (target: `actual` is the resolved actual value). */
  finalScores: Map<string, FinalScore & { actual?: number | null }>;
  /** Target criteria only: criterionId → the branch of the formula and its block figure, for self and final. */
  selfTargets: Map<string, TargetOutcome>;
  finalTargets: Map<string, TargetOutcome>;
}

export interface RoundResults {
  units: Map<string, UnitResult>;
  ranking: RankedRow[];
  sources: (unitId: string, criterionId: string) => CriterionSources;
}

const key = (a: string, b: string) => `${a}|${b}`;
const notApplicableTo = (input: ResultsInput, criterionId: string, unitId: string) => input.notApplicable.get(criterionId)?.has(unitId) ?? false;

/** One unit's criteria resolved from its own rows: the self value and the final score under the rule (target criteria: actual values). */
export type ResolvedUnit = Map<string, { self: number | null; final: FinalScore }>;

/**
 * Everything a round's results are made of, kept so that a change to some units' rows is recomputed for those
 * units only (`recomputeResults`): each unit's sources and resolved criteria depend on its own rows alone
 * (rows are filed under the unit scored); target criteria, totals and ranks are then assembled for the block.
 */
export interface ResultsState {
  results: RoundResults;
  slots: Map<string, Map<string, CriterionSources>>;
  resolved: Map<string, ResolvedUnit>;
}

const reviewersOf = (input: ResultsInput) => {
  const out = new Map<string, Set<string>>();
  for (const pair of input.activePeers) {
    const [reviewer, reviewee] = pair.split('|');
    out.set(reviewee, (out.get(reviewee) ?? new Set()).add(reviewer));
  }
  return out;
};

/** unit → criterion → sources, for the units in `only` (every unit when absent); peers only from active assignments. */
function slotsOf(input: ResultsInput, only?: ReadonlySet<string>): Map<string, Map<string, CriterionSources>> {
  const reviewers = reviewersOf(input);
  const bySlot = new Map<string, Map<string, CriterionSources>>();
  for (const e of input.entries) {
    if (only && !only.has(e.unitId)) continue;
    if (e.source === 'peer' && !reviewers.get(e.unitId)?.has(e.scorerUnitId)) continue;
    let unit = bySlot.get(e.unitId);
    if (!unit) bySlot.set(e.unitId, (unit = new Map()));
    let slot = unit.get(e.criterionId);
    if (!slot) unit.set(e.criterionId, (slot = { self: null, peers: [], leader: null, final: null }));
    if (e.source === 'peer') slot.peers.push(e);
    else slot[e.source] = e;
  }
  return bySlot;
}

const EMPTY: CriterionSources = { self: null, peers: [], leader: null, final: null };

function resolveUnit(input: ResultsInput, unitId: string, slots: Map<string, CriterionSources> | undefined): ResolvedUnit {
  const resolved: ResolvedUnit = new Map();
  for (const node of input.nodes) {
    if (node.type === 'group' || notApplicableTo(input, node.id, unitId)) continue;
    const target = node.type === 'target';
    const s = slots?.get(node.id) ?? EMPTY;
    const pick = (e: ScoreEntryLite | null) => {
      const v = e ? (target ? e.actual : e.score) : null;
      return v === null || v === undefined ? null : v;
    };
    const peers = s.peers.map((p) => pick(p)).filter((v): v is number => v !== null);
    resolved.set(node.id, { self: pick(s.self), final: finalScore({ self: pick(s.self), peers, leader: pick(s.leader), final: pick(s.final) }, input.rule) });
  }
  return resolved;
}

/** The block's results from every unit's resolved criteria: target criteria scored across the block, totals, ranks. */
function assemble(input: ResultsInput, slots: Map<string, Map<string, CriterionSources>>, resolvedBy: Map<string, ResolvedUnit>): RoundResults {
  const sources = (unitId: string, criterionId: string) => slots.get(unitId)?.get(criterionId) ?? EMPTY;
  const selfScores = new Map(input.units.map((u) => [u.id, new Map<string, number>()]));
  const finalScores = new Map(input.units.map((u) => [u.id, new Map<string, FinalScore & { actual?: number | null }>()]));
  const selfTargets = new Map(input.units.map((u) => [u.id, new Map<string, TargetOutcome>()]));
  const finalTargets = new Map(input.units.map((u) => [u.id, new Map<string, TargetOutcome>()]));

  for (const node of input.nodes) {
    if (node.type === 'group') continue;
    const resolved = new Map<string, { self: number | null; final: FinalScore }>();
    for (const u of input.units) {
      const r = resolvedBy.get(u.id)!.get(node.id);
      if (r) resolved.set(u.id, r);
    }
    if (node.type !== 'target') {
      const awards = node.id === input.awardBonusNodeId ? input.awardBonus : undefined;
      for (const [unitId, r] of resolved) {
        const award = awards?.get(unitId) ?? 0;
        const self = withAwardPoints(r.self, award, node.max);
        if (self !== null) selfScores.get(unitId)!.set(node.id, self);
        finalScores.get(unitId)!.set(node.id, award ? { score: withAwardPoints(r.final.score, award, node.max), source: r.final.source ?? 'self' } : r.final);
      }
      continue;
    }
    const scoreTargets = (actualOf: (unitId: string) => number | null) => {
      const entries = [...resolved.keys()]
        .map((unitId) => ({ unitId, actual: actualOf(unitId), target: input.targets.get(key(unitId, node.id)) ?? null }))
        .filter((e): e is { unitId: string; actual: number; target: number | null } => e.actual !== null);
      return targetOutcomes(entries, node.max);
    };
    const self = scoreTargets((u) => resolved.get(u)!.self);
    const fin = scoreTargets((u) => resolved.get(u)!.final.score);
    for (const [unitId, r] of resolved) {
      const s = self.get(unitId);
      if (s) {
        selfScores.get(unitId)!.set(node.id, s.score);
        selfTargets.get(unitId)!.set(node.id, s);
      }
      const f = fin.get(unitId);
      if (f) finalTargets.get(unitId)!.set(node.id, f);
      finalScores.get(unitId)!.set(node.id, { score: f ? f.score : null, source: r.final.source, actual: r.final.score });
    }
  }

  const units = new Map<string, UnitResult>();
  for (const u of input.units) {
    const na = [...input.notApplicable].filter(([, set]) => set.has(u.id)).map(([id]) => id);
    const fin = new Map<string, number>();
    for (const [id, f] of finalScores.get(u.id)!) if (f.score !== null) fin.set(id, f.score);
    units.set(u.id, {
      unitId: u.id, submittedAt: u.submittedAt,
      self: computeTotals(input.nodes, selfScores.get(u.id)!, na),
      final: computeTotals(input.nodes, fin, na),
      selfScores: selfScores.get(u.id)!, finalScores: finalScores.get(u.id)!, selfTargets: selfTargets.get(u.id)!, finalTargets: finalTargets.get(u.id)!,
    });
  }
  const ranking = rankUnits(
    [...units.values()].map((r) => ({ unitId: r.unitId, total: r.final.total, firstGroupScore: r.final.firstGroupScore, deductions: r.final.deductions, submittedAt: r.submittedAt })),
    input.tieBreaks,
  );
  return { units, ranking, sources };
}

/** The results, keeping what `recomputeResults` reuses. */
export function computeResultsState(input: ResultsInput): ResultsState {
  const slots = slotsOf(input);
  const resolved = new Map(input.units.map((u) => [u.id, resolveUnit(input, u.id, slots.get(u.id))]));
  return { results: assemble(input, slots, resolved), slots, resolved };
}

export function computeResults(input: ResultsInput): RoundResults {
  return computeResultsState(input).results;
}

/**
 * The results after the rows of `changed` units changed, everything else in `input` being what `previous`
 * was computed from (same units, scheme, assignments, targets, rule, awards): only those units' sources and
 * criteria are resolved again; the block-wide part is assembled as always. Equal to `computeResults(input)`
 * (round-results.spec.ts checks it on generated rounds).
 */
export function recomputeResults(input: ResultsInput, previous: ResultsState, changed: ReadonlySet<string>): ResultsState {
  const fresh = slotsOf(input, changed);
  const slots = new Map(previous.slots);
  const resolved = new Map(previous.resolved);
  for (const u of input.units) {
    if (!changed.has(u.id) && previous.resolved.has(u.id)) continue;
    const own = fresh.get(u.id);
    if (own) slots.set(u.id, own);
    else slots.delete(u.id);
    resolved.set(u.id, resolveUnit(input, u.id, own));
  }
  return { results: assemble(input, slots, resolved), slots, resolved };
}

/**
 * The outcome one source's value gives a target criterion: the source's actual for this unit, the others'
 * self actuals as the block baseline (for showing a reviewer's figure beside the others).
 */
export function targetOutcomeWith(node: SchemeNode, unitId: string, actual: number, baseline: ReadonlyMap<string, number>, targets: ReadonlyMap<string, number>): TargetOutcome {
  const entries = [...baseline].filter(([u]) => u !== unitId).map(([u, a]) => ({ unitId: u, actual: a, target: targets.get(key(u, node.id)) ?? null }));
  entries.push({ unitId, actual, target: targets.get(key(unitId, node.id)) ?? null });
  return targetOutcomes(entries, node.max).get(unitId)!;
}

/** Whether a review source's value needs a reason: target criteria compare the actual values, others the scores. */
export function reviewNeedsReason(node: SchemeNode, value: { score: number | null; actual: number | null }, self: { score: number | null; actual: number | null } | null): boolean {
  if (node.type === 'target') return needsReason(value.actual, self?.actual ?? null);
  return needsReason(value.score, self?.score ?? null);
}

export { divergence, isAdjustment };
