/**
 * Between stored criteria rows and the pure rules: rows → SchemeNode, the tree with live totals, and
 * which validation problems an edit may leave behind while a scheme is being built. Pure.
 */
import { buildTree, SchemeError, SchemeNode, SchemeRule, TreeNode, validateScheme, round2, type AdjustmentItem, type NodeType } from '@thidua/rules';

/** Where a per-occurrence criterion takes its self count from: the unit's published news, stories, or both (news module). */
export type CountSource = 'news' | 'story' | 'both';
export const COUNT_SOURCES: readonly CountSource[] = ['news', 'story', 'both'];

/** The columns of a criterion row the rules need. */
export interface CriterionRow {
  id: string;
  parentId: string | null;
  code: string;
  title: string;
  guidance: string;
  type: NodeType;
  maxPoints: number;
  sortOrder: number;
  evidenceRequired: boolean;
  pointsPerOccurrence: number | null;
  measure: string;
  items: AdjustmentItem[];
  notApplicableUnitIds: string[];
  /** Per-occurrence only: the unit's count is the number of its published items (never entered by hand). */
  countSource?: CountSource | null;
}

export function toSchemeNode(r: CriterionRow): SchemeNode {
  const base = { id: r.id, parentId: r.parentId, code: r.code, title: r.title, guidance: r.guidance, max: r.maxPoints, order: r.sortOrder, evidenceRequired: r.evidenceRequired };
  switch (r.type) {
    case 'per_occurrence':
      return { ...base, type: 'per_occurrence', pointsPerOccurrence: r.pointsPerOccurrence ?? 0 };
    case 'target':
      return { ...base, type: 'target', measure: r.measure || undefined };
    case 'bonus':
    case 'deduction':
      return { ...base, type: r.type, items: r.items ?? [] };
    default:
      return { ...base, type: r.type };
  }
}

/**
 * Problems that are normal while a scheme is built top-down (a new group has no children yet, the
 * children do not yet reach the group's maximum, the groups do not yet reach the declared total). They
 * are shown live and block opening a round; every other problem is refused at once (400 naming the row).
 */
export const BUILDING_RULES: ReadonlySet<SchemeRule> = new Set<SchemeRule>(['empty_group', 'children_below_group', 'total_mismatch']);

const key = (e: SchemeError) => `${e.rule}\u0000${e.code ?? ''}`;

/** Problems in `after` that were not in `before` and that an edit may not introduce. */
export function introducedErrors(before: readonly SchemeError[], after: readonly SchemeError[]): SchemeError[] {
  const had = new Set(before.map(key));
  return after.filter((e) => !BUILDING_RULES.has(e.rule) && !had.has(key(e)));
}

export function validateRows(rows: readonly CriterionRow[], totalMax: number): SchemeError[] {
  return validateScheme(rows.map(toSchemeNode), totalMax);
}

export interface TreeTotals {
  /** Sum of the maxima of the node's children that count (not bonus / deduction); null for a leaf. */
  childrenMax: number | null;
  depth: number;
  /** Position in reading order (0-based). */
  index: number;
}

/** Reading order with depth and, for groups, the live sum of their children's maxima. */
export function treeTotals(rows: readonly CriterionRow[]): { order: string[]; byId: Map<string, TreeTotals>; topLevelSum: number; bonusMax: number; deductionMax: number } {
  const roots = buildTree(rows.map(toSchemeNode));
  const byId = new Map<string, TreeTotals>();
  const order: string[] = [];
  const visit = (t: TreeNode) => {
    const childrenMax = t.node.type === 'group'
      ? round2(t.children.filter((c) => c.node.type !== 'bonus' && c.node.type !== 'deduction').reduce((s, c) => s + c.node.max, 0))
      : null;
    byId.set(t.node.id, { childrenMax, depth: t.depth, index: order.length });
    order.push(t.node.id);
    t.children.forEach(visit);
  };
  roots.forEach(visit);
  const top = roots.map((r) => r.node);
  return {
    order,
    byId,
    topLevelSum: round2(top.filter((n) => n.type !== 'bonus' && n.type !== 'deduction').reduce((s, n) => s + n.max, 0)),
    bonusMax: round2(top.filter((n) => n.type === 'bonus').reduce((s, n) => s + n.max, 0)),
    deductionMax: round2(top.filter((n) => n.type === 'deduction').reduce((s, n) => s + n.max, 0)),
  };
}
