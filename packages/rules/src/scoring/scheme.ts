/**
 * The scoring scheme (docs/domain.md §4) as a tree of groups and leaf criteria: building, validating and
 * totalling it. Pure: no NestJS or TypeORM here.
 *
 * Glossary:
 * - Biểu chấm điểm / thang điểm: scoring scheme, with a declared total (100 or 1,000 are usual).
 * - Nhóm tiêu chí: criteria group (`group`); its score is the sum of its children, capped at its max.
 * - Tiêu chí: criterion, a scored leaf.
 * - Chỉ tiêu: target, a number a unit committed to in the covenant (`target` criteria).
 * - Điểm thưởng / điểm trừ: bonus / deduction points (`bonus` / `deduction`), outside the scheme total.
 * - Minh chứng: evidence (`evidenceRequired`).
 * - Không áp dụng: not applicable to a unit; removed from that unit's maximum.
 */
import { formatNumber, round2 } from './round';

export type LeafType = 'points' | 'pass_fail' | 'per_occurrence' | 'target' | 'bonus' | 'deduction';
export type NodeType = 'group' | LeafType;
export const LEAF_TYPES: readonly LeafType[] = ['points', 'pass_fail', 'per_occurrence', 'target', 'bonus', 'deduction'];
export const NODE_TYPES: readonly NodeType[] = ['group', ...LEAF_TYPES];

interface NodeBase {
  id: string;
  /** null for a top-level node. */
  parentId: string | null;
  /** The code officials use, e.g. "I.2.a"; unique within the scheme. */
  code: string;
  title: string;
  /** Hướng dẫn chấm: guidance shown to scorers. */
  guidance: string;
  /** Maximum points. For bonus / deduction nodes: the cap on the node's total. */
  max: number;
  /** Position among siblings (ascending). */
  order: number;
  evidenceRequired: boolean;
}

export interface GroupNode extends NodeBase {
  type: 'group';
}
/** The scorer enters 0..max. */
export interface PointsNode extends NodeBase {
  type: 'points';
}
/** Đạt / không đạt: max or 0. */
export interface PassFailNode extends NodeBase {
  type: 'pass_fail';
}
/** Points per occurrence × count, capped at max. */
export interface PerOccurrenceNode extends NodeBase {
  type: 'per_occurrence';
  pointsPerOccurrence: number;
}
/** Quantitative criterion scored against each unit's target (see target-formula.ts). */
export interface TargetNode extends NodeBase {
  type: 'target';
  /** Đơn vị tính: what the actual value counts, e.g. "hồ sơ" or "%". */
  measure?: string;
}
/** One listed event of a bonus or deduction node, e.g. "Cờ thi đua của Chính phủ năm trước: +15". */
export interface AdjustmentItem {
  id: string;
  title: string;
  /** Points per occurrence (positive, also for deductions). */
  points: number;
  /** Cap on this item's points (null: only the node's max caps it). */
  cap: number | null;
}
export interface BonusNode extends NodeBase {
  type: 'bonus';
  items: AdjustmentItem[];
}
/** Its score is the positive number of points deducted. */
export interface DeductionNode extends NodeBase {
  type: 'deduction';
  items: AdjustmentItem[];
}

export type AdjustmentNode = BonusNode | DeductionNode;
/** Leaves counted in the scheme total. */
export type RegularLeafNode = PointsNode | PassFailNode | PerOccurrenceNode | TargetNode;
export type LeafNode = RegularLeafNode | AdjustmentNode;
export type SchemeNode = GroupNode | LeafNode;

export const isGroup = (node: SchemeNode): node is GroupNode => node.type === 'group';
export const isAdjustment = (node: SchemeNode): node is AdjustmentNode => node.type === 'bonus' || node.type === 'deduction';

/** "Nhóm I.2" for a group, "Tiêu chí I.2.a" for anything else: how messages name a row. */
export function nodeLabel(node: Pick<SchemeNode, 'type' | 'code'>): string {
  return `${node.type === 'group' ? 'Nhóm' : 'Tiêu chí'} ${node.code}`;
}

// ---------------------------------------------------------------------------------------------------
// Tree
// ---------------------------------------------------------------------------------------------------

export interface TreeNode {
  node: SchemeNode;
  children: TreeNode[];
  /** 0 for a top-level node. */
  depth: number;
}

const compareCodes = (a: string, b: string): number => a.localeCompare(b, 'vi', { numeric: true });

/** Sibling order: `order`, then code (I.2 before I.10), then id, so the result never depends on input order. */
function compareSiblings(a: SchemeNode, b: SchemeNode): number {
  return a.order - b.order || compareCodes(a.code, b.code) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Builds the tree from a flat list. Nodes that cannot be reached from a top-level node (under a missing
 * parent, or in a cycle) are left out; `validateScheme` reports them.
 */
export function buildTree(nodes: readonly SchemeNode[]): TreeNode[] {
  const childrenOf = new Map<string | null, SchemeNode[]>();
  const ids = new Set(nodes.map((n) => n.id));
  for (const node of nodes) {
    if (node.parentId !== null && !ids.has(node.parentId)) continue; // unknown parent: unreachable
    const list = childrenOf.get(node.parentId) ?? [];
    list.push(node);
    childrenOf.set(node.parentId, list);
  }
  const seen = new Set<string>();
  const build = (node: SchemeNode, depth: number): TreeNode => {
    seen.add(node.id);
    const children = (childrenOf.get(node.id) ?? [])
      .filter((c) => !seen.has(c.id))
      .sort(compareSiblings)
      .map((c) => build(c, depth + 1));
    return { node, children, depth };
  };
  return (childrenOf.get(null) ?? []).sort(compareSiblings).map((n) => build(n, 0));
}

/** The tree's nodes in reading order (depth first, siblings in order). */
export function flattenTree(roots: readonly TreeNode[]): SchemeNode[] {
  const out: SchemeNode[] = [];
  const visit = (t: TreeNode): void => {
    out.push(t.node);
    t.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------------

export type SchemeRule =
  | 'declared_total'
  | 'unknown_type'
  | 'duplicate_id'
  | 'missing_code'
  | 'duplicate_code'
  | 'unknown_parent'
  | 'cycle'
  | 'invalid_max'
  | 'leaf_with_children'
  | 'empty_group'
  | 'children_exceed_group'
  | 'children_below_group'
  | 'adjustment_not_top_level'
  | 'invalid_points'
  | 'invalid_item'
  | 'total_mismatch';

export interface SchemeError {
  /** The offending row's code; null for an error about the whole scheme. */
  code: string | null;
  rule: SchemeRule;
  /** Vietnamese, naming the row. */
  message: string;
}

const isPositiveAmount = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0 && round2(x) === x;

const ADJUSTMENT_LABEL: Record<AdjustmentNode['type'], string> = { bonus: 'điểm thưởng', deduction: 'điểm trừ' };

/**
 * Checks a scheme and returns every problem found (empty when valid), grouped by check, rows in the
 * order given:
 * - the declared total is a positive number;
 * - ids and codes are unique and codes are not empty; types are known;
 * - every parent exists and is a group; no cycles;
 * - every max is positive (at most 2 decimals);
 * - a group has children, and their maxima add up to exactly the group's max (more: `children_exceed_group`;
 *   less: `children_below_group`, since points the children cannot earn would make the totals not add up);
 * - bonus / deduction nodes are top-level and have valid items;
 * - the top-level nodes other than bonus / deduction add up to the declared total.
 */
export function validateScheme(nodes: readonly SchemeNode[], declaredTotal: number): SchemeError[] {
  const errors: SchemeError[] = [];
  const add = (code: string | null, rule: SchemeRule, message: string): void => {
    errors.push({ code, rule, message });
  };

  if (!isPositiveAmount(declaredTotal)) {
    add(null, 'declared_total', `Biểu chấm điểm: tổng điểm của biểu (${formatNumber(declaredTotal)}) phải là số dương, tối đa 2 chữ số thập phân`);
  }

  const byId = new Map<string, SchemeNode>();
  for (const node of nodes) {
    if (byId.has(node.id)) {
      add(node.code, 'duplicate_id', `${nodeLabel(node)}: trùng mã định danh "${node.id}" với ${nodeLabel(byId.get(node.id)!)}`);
    } else {
      byId.set(node.id, node);
    }
  }

  const codeCounts = new Map<string, number>();
  for (const node of nodes) {
    const code = node.code.trim();
    if (code === '') add(node.code, 'missing_code', `Tiêu chí "${node.title}": chưa có mã tiêu chí`);
    else codeCounts.set(code, (codeCounts.get(code) ?? 0) + 1);
  }
  for (const [code, count] of [...codeCounts].sort(([a], [b]) => compareCodes(a, b))) {
    if (count > 1) add(code, 'duplicate_code', `Tiêu chí ${code}: mã tiêu chí bị trùng (${count} dòng)`);
  }

  // Parents and cycles.
  const childrenOf = new Map<string, SchemeNode[]>();
  for (const node of nodes) {
    if (!(NODE_TYPES as readonly string[]).includes(node.type)) {
      add(node.code, 'unknown_type', `Tiêu chí ${node.code}: loại tiêu chí "${String(node.type)}" không hợp lệ`);
    }
    if (node.parentId === null) continue;
    const parent = byId.get(node.parentId);
    if (!parent) {
      add(node.code, 'unknown_parent', `${nodeLabel(node)}: nhóm cha không tồn tại`);
      continue;
    }
    const list = childrenOf.get(parent.id) ?? [];
    list.push(node);
    childrenOf.set(parent.id, list);
  }
  const reported = new Set<string>();
  for (const start of byId.values()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: SchemeNode | undefined = start;
    while (current && !reported.has(current.id) && !onPath.has(current.id)) {
      path.push(current.id);
      onPath.add(current.id);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    if (current && onPath.has(current.id)) {
      const cycle = path.slice(path.indexOf(current.id)).map((id) => byId.get(id)!);
      const first = [...cycle].sort((a, b) => compareCodes(a.code, b.code))[0];
      const from = cycle.indexOf(first);
      const ring = [...cycle.slice(from), ...cycle.slice(0, from), first].map((n) => n.code).join(' → ');
      add(first.code, 'cycle', `${nodeLabel(first)}: vòng lặp trong cây tiêu chí (${ring})`);
    }
    path.forEach((id) => reported.add(id));
  }

  for (const node of nodes) {
    if (!isPositiveAmount(node.max)) {
      add(node.code, 'invalid_max', `${nodeLabel(node)}: điểm tối đa phải lớn hơn 0, tối đa 2 chữ số thập phân (đang là ${formatNumber(node.max)})`);
    }
    const children = childrenOf.get(node.id) ?? [];
    if (node.type === 'group') {
      if (children.length === 0) {
        add(node.code, 'empty_group', `${nodeLabel(node)}: chưa có tiêu chí con`);
      } else if (isPositiveAmount(node.max)) {
        // Misplaced bonus / deduction children are reported on their own and do not count here.
        const sum = round2(children.filter((c) => !isAdjustment(c)).reduce((s, c) => s + (Number.isFinite(c.max) ? c.max : 0), 0));
        if (sum > node.max) {
          add(node.code, 'children_exceed_group', `${nodeLabel(node)}: tổng điểm tối đa của các tiêu chí con (${formatNumber(sum)}) vượt quá điểm tối đa của nhóm (${formatNumber(node.max)})`);
        } else if (sum < node.max) {
          add(node.code, 'children_below_group', `${nodeLabel(node)}: tổng điểm tối đa của các tiêu chí con (${formatNumber(sum)}) thấp hơn điểm tối đa của nhóm (${formatNumber(node.max)})`);
        }
      }
    } else if (children.length > 0) {
      const codes = children.map((c) => c.code).sort(compareCodes).join(', ');
      add(node.code, 'leaf_with_children', `${nodeLabel(node)}: chỉ nhóm mới có tiêu chí con, tiêu chí này lại có tiêu chí con (${codes})`);
    }
    if (node.type === 'per_occurrence' && !isPositiveAmount(node.pointsPerOccurrence)) {
      add(node.code, 'invalid_points', `${nodeLabel(node)}: số điểm mỗi lần phải lớn hơn 0, tối đa 2 chữ số thập phân (đang là ${formatNumber(node.pointsPerOccurrence)})`);
    }
    if (node.type === 'bonus' || node.type === 'deduction') {
      const kind = ADJUSTMENT_LABEL[node.type];
      if (node.parentId !== null) {
        add(node.code, 'adjustment_not_top_level', `${nodeLabel(node)}: mục ${kind} phải nằm ở cấp cao nhất của biểu, không thuộc nhóm nào`);
      }
      validateItems(node, kind, add);
    }
  }

  const topLevel = nodes.filter((n) => n.parentId === null && !isAdjustment(n));
  const topSum = round2(topLevel.reduce((s, n) => s + (Number.isFinite(n.max) ? n.max : 0), 0));
  if (isPositiveAmount(declaredTotal) && topSum !== declaredTotal) {
    add(null, 'total_mismatch', `Biểu chấm điểm: tổng điểm tối đa của các nhóm cấp cao nhất (${formatNumber(topSum)}) khác tổng điểm của biểu (${formatNumber(declaredTotal)})`);
  }
  return errors;
}

function validateItems(node: AdjustmentNode, kind: string, add: (code: string, rule: SchemeRule, message: string) => void): void {
  const items: unknown = node.items;
  if (!Array.isArray(items) || items.length === 0) {
    add(node.code, 'invalid_item', `${nodeLabel(node)}: mục ${kind} chưa có khoản nào`);
    return;
  }
  const ids = new Set<string>();
  for (const item of node.items) {
    const name = `khoản "${item.title}"`;
    if (ids.has(item.id)) add(node.code, 'invalid_item', `${nodeLabel(node)}: ${name} trùng mã định danh "${item.id}"`);
    ids.add(item.id);
    if (!isPositiveAmount(item.points)) {
      add(node.code, 'invalid_item', `${nodeLabel(node)}: ${name} phải có số điểm lớn hơn 0, tối đa 2 chữ số thập phân (đang là ${formatNumber(item.points)})`);
    }
    if (item.cap !== null && !isPositiveAmount(item.cap)) {
      add(node.code, 'invalid_item', `${nodeLabel(node)}: ${name} có mức trần không hợp lệ (${formatNumber(item.cap)})`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Totals
// ---------------------------------------------------------------------------------------------------

export interface NodeTotal {
  /** Points earned (for a deduction node: points deducted, positive). */
  score: number;
  /** This unit's maximum for the node, with not-applicable criteria removed. */
  max: number;
  /** False when the node or one of its ancestors is not applicable to the unit. */
  applicable: boolean;
}

export interface SchemeTotals {
  /** The unit's maximum: top-level nodes other than bonus / deduction, not-applicable criteria removed. */
  max: number;
  /** Points from groups and regular criteria (no bonus, no deductions). */
  score: number;
  bonus: number;
  /** Positive: points deducted. */
  deductions: number;
  /** score + bonus − deductions: what ranking sorts on. */
  total: number;
  /** Score of the first top-level group or criterion (ranking's first tie-break). */
  firstGroupScore: number;
  byNode: Map<string, NodeTotal>;
  /** Codes of applicable regular criteria with no score yet, in reading order (they count as 0). */
  unscored: string[];
}

const toMap = (scores: ReadonlyMap<string, number> | Readonly<Record<string, number>>): ReadonlyMap<string, number> =>
  scores instanceof Map ? scores : new Map(Object.entries(scores));

/** The unit's maximum with the given criteria (ids; groups or leaves) not applicable. */
export function unitMax(nodes: readonly SchemeNode[], notApplicable: Iterable<string> = []): number {
  return computeTotals(nodes, new Map(), notApplicable).max;
}

/**
 * Totals one unit's scores over the scheme. `leafScores` maps leaf id → score (bonus / deduction nodes:
 * their computed points, positive). Missing scores count as 0. A not-applicable node (and everything
 * under it) scores 0 and is removed from the maxima above it; a group's max becomes
 * min(its max, sum of its applicable children's maxima) and its score is capped at that.
 * Expects a scheme that passed `validateScheme`. Throws if a leaf score is outside 0..max: scores must
 * be validated before totalling.
 */
export function computeTotals(
  nodes: readonly SchemeNode[],
  leafScores: ReadonlyMap<string, number> | Readonly<Record<string, number>>,
  notApplicable: Iterable<string> = [],
): SchemeTotals {
  const scores = toMap(leafScores);
  const na = new Set(notApplicable);
  const byNode = new Map<string, NodeTotal>();
  const unscored: string[] = [];

  const visit = (t: TreeNode, parentApplicable: boolean): NodeTotal => {
    const { node } = t;
    const applicable = parentApplicable && !na.has(node.id);
    let result: NodeTotal;
    if (node.type === 'group') {
      const children = t.children.map((c) => visit(c, applicable));
      const max = applicable ? Math.min(node.max, round2(children.reduce((s, c) => s + c.max, 0))) : 0;
      const sum = round2(children.reduce((s, c) => s + c.score, 0));
      result = { score: Math.min(sum, max), max, applicable };
    } else {
      const raw = scores.get(node.id);
      if (raw !== undefined && (!Number.isFinite(raw) || raw < 0 || raw > node.max)) {
        throw new RangeError(`${node.code}: score ${raw} outside 0..${node.max}`);
      }
      if (applicable && raw === undefined && !isAdjustment(node)) unscored.push(node.code);
      result = { score: applicable ? round2(raw ?? 0) : 0, max: applicable ? node.max : 0, applicable };
    }
    byNode.set(node.id, result);
    return result;
  };

  let max = 0;
  let score = 0;
  let bonus = 0;
  let deductions = 0;
  let firstGroupScore: number | null = null;
  for (const root of buildTree(nodes)) {
    const total = visit(root, true);
    if (root.node.type === 'bonus') bonus += total.score;
    else if (root.node.type === 'deduction') deductions += total.score;
    else {
      max += total.max;
      score += total.score;
      firstGroupScore ??= total.score;
    }
  }
  score = round2(score);
  bonus = round2(bonus);
  deductions = round2(deductions);
  return {
    max: round2(max),
    score,
    bonus,
    deductions,
    total: round2(score + bonus - deductions),
    firstGroupScore: firstGroupScore ?? 0,
    byNode,
    unscored,
  };
}

/**
 * A scheme is scored on the year's scale (the rule set's `scoringScaleMax`, e.g. 100): a scheme of another
 * total (20 of a 100-point scale) would rank units on numbers nobody agreed to. The reason, or null.
 */
export function scaleMismatch(totalMax: number, scaleMax: number): string | null {
  if (round2(totalMax) === round2(scaleMax)) return null;
  return `Tổng điểm của biểu chấm điểm (${formatNumber(totalMax)}) khác thang điểm của bộ quy tắc năm (${formatNumber(scaleMax)}).`;
}
