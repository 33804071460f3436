/**
 * Saving one score row (any source) with its per-row optimistic version: validate with the pure rules, then
 * one version-checked write (an UPDATE … RETURNING for a row the client has seen, an INSERT for a new one)
 * and its audit entry, in the caller's transaction; a stale version is refused with the newer row in the answer.
 */
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { AppError, badRequest, ErrorBody } from '../../common/app-error';
import { canonicalJson } from '../../common/canonical-json';
import type { AuditService } from '../audit/audit.service';
import { CriterionInput, INPUT_FIELD, LeafNode, scoreCriterion, validateCriterionInput } from '@thidua/rules';
import type { ScoreRowDto } from './dto/assessment.dto';
import type { Source } from './round-results';
import { type CheckedRow, currentScoreRow, insertScoreRow, type ScoreKey, type StoredScoreRow, updateSeenRow, updateSeenRowAtOnce } from './score-data';

export type { CheckedRow } from './score-data';

/** 409 for a stale save: the body carries the newer row so the form can show it. */
export class StaleRowError extends AppError {
  constructor(message: string, readonly current: ScoreRowDto | null) {
    super(409, 'stale_version', message);
  }

  override toBody(): ErrorBody & { current: ScoreRowDto | null } {
    return { ...super.toBody(), current: this.current };
  }
}

export function toScoreRow(r: StoredScoreRow): ScoreRowDto {
  return {
    id: r.id, criterionId: r.criterionId, unitId: r.unitId, source: r.source, scorerUnitId: r.scorerUnitId, score: r.score, passed: r.passed, count: r.count,
    actual: r.actual, items: r.items, note: r.note, version: r.version, updatedAt: new Date(r.updatedAt).toISOString(), updatedByName: r.updatedByName ?? null,
  };
}

export interface SaveScoreArgs {
  roundId: string;
  blockId: string;
  unitId: string;
  node: LeafNode;
  source: Source;
  scorerUnitId: string;
  input: CriterionInput;
  note: string;
  version: number;
  /** Called with the validated input and its score; may throw (e.g. a reason is required). */
  check?: (value: { score: number | null; actual: number | null; hasInput: boolean }) => void;
}

const INPUT_FIELDS = ['score', 'passed', 'count', 'actual', 'items'] as const;

/** True when the scorer entered something (all fields empty clears the row's value). */
export const hasInput = (input: CriterionInput) => INPUT_FIELDS.some((f) => input[f] !== undefined && input[f] !== null);

/** The validated value a save writes (the pure rules' score), or a 400 naming the field. */
function valueOf(a: SaveScoreArgs) {
  const filled = hasInput(a.input);
  let score: number | null = null;
  if (filled) {
    const error = validateCriterionInput(a.node, a.input);
    if (error) throw badRequest('invalid_score', `${error.message}.`, { [error.field ?? 'input']: error.message });
    if (a.node.type !== 'target') {
      const result = scoreCriterion(a.node, a.input);
      if (!result.ok) throw badRequest('invalid_score', `${result.error.message}.`, { [result.error.field ?? 'input']: result.error.message });
      score = result.score;
    }
  }
  const own = INPUT_FIELD[a.node.type];
  const value = {
    score,
    passed: filled && own === 'passed' ? (a.input.passed as boolean) : null,
    count: filled && own === 'count' ? (a.input.count as number) : null,
    actual: filled && own === 'actual' ? (a.input.actual as number) : null,
    items: filled && own === 'items' ? normaliseItems(a.input.items ?? {}) : null,
  };
  a.check?.({ score, actual: value.actual, hasInput: filled });
  return { filled, value, items: value.items === null ? null : JSON.stringify(value.items), after: { ...value, note: a.note } };
}

const keyOf = (a: SaveScoreArgs): ScoreKey => ({ roundId: a.roundId, unitId: a.unitId, criterionId: a.node.id, source: a.source, scorerUnitId: a.scorerUnitId });

/**
 * A save of a row the client has seen, as ONE statement without a transaction: it takes the rows its checks read
 * (`checked`) FOR SHARE only if none has changed since it was read (a phase change or a submission in between
 * makes it write nothing), writes the row with its version check and appends the audit entry.
 * Null when it wrote nothing (stale, unchanged, a first save, or a checked row changed): the caller then takes the
 * transactional path, whose answer says which.
 */
export async function saveSeenScoreAtOnce(
  q: Pick<EntityManager, 'query'>, audit: AuditService, actor: Actor, a: SaveScoreArgs, checked: CheckedRow[],
): Promise<{ row: ScoreRowDto; changed: true } | null> {
  const { value, items, after } = valueOf(a);
  if (a.version <= 0) return null;
  const row = await updateSeenRowAtOnce(q, keyOf(a), { ...value, items, note: a.note }, actor.id, a.version, a.node.code, checked, (first, code) => audit.entryFrom('u', first, actor, {
    action: `score.${a.source}`, entityType: 'score_entry', blockId: a.blockId, after, entityIdSql: 'u.id::text',
    beforeSql: `jsonb_build_object('criterion', $${code}::text, 'score', u."oldScore", 'passed', u."oldPassed", 'count', u."oldCount", 'actual', u."oldActual", 'items', u."oldItems", 'note', u."oldNote")`,
  }));
  return row ? { row: toScoreRow({ ...row, updatedByName: actor.fullName }), changed: true } : null;
}

/** Saves one score row in the caller's transaction (see the top of this file). */
export async function saveScore(em: EntityManager, audit: AuditService, actor: Actor, a: SaveScoreArgs): Promise<{ row: ScoreRowDto; changed: boolean }> {
  const { filled, value, items, after } = valueOf(a);
  const key = keyOf(a);
  const stored = { ...value, items, note: a.note };
  const label = `Tiêu chí ${a.node.code}`;
  const staleMessage = (v: number) => `${label}: điểm vừa được người khác cập nhật (phiên bản ${v}, bạn sửa phiên bản ${a.version}). Dữ liệu mới nhất được gửi kèm; hãy xem lại rồi lưu tiếp.`;
  const written = (r: StoredScoreRow): ScoreRowDto => toScoreRow({ ...r, updatedByName: actor.fullName });
  /** The row as it is now (no lock), when the write did not happen: stale, unchanged, or gone. */
  const currentRow = () => currentScoreRow(em, key);

  if (a.version > 0) {
    const row = await updateSeenRow(em, key, stored, actor.id, a.version);
    if (row) {
      const before = { score: row.oldScore, passed: row.oldPassed, count: row.oldCount, actual: row.oldActual, items: row.oldItems, note: row.oldNote };
      await audit.record(em, actor, { action: `score.${a.source}`, entityType: 'score_entry', entityId: row.id, blockId: a.blockId, before: { criterion: a.node.code, ...before }, after });
      return { row: written(row), changed: true };
    }
    const current = await currentRow();
    if (!current) throw new StaleRowError(`${label}: dòng điểm bạn sửa không còn (phiên bản ${a.version}). Hãy tải lại.`, null);
    if (current.version === a.version && canonicalJson({ ...pick(current), note: current.note }) === canonicalJson(after)) return { row: toScoreRow(current), changed: false };
    throw new StaleRowError(staleMessage(current.version), toScoreRow(current));
  }
  if (!filled && a.note === '') {
    // Clearing a row that was never saved: nothing to write, unless someone saved it meanwhile.
    const current = await currentRow();
    if (current) throw new StaleRowError(staleMessage(current.version), toScoreRow(current));
    return { row: emptyRow(a), changed: false };
  }
  const inserted = await insertScoreRow(em, key, a.node, stored, actor.id);
  if (!inserted) {
    // The row is there already (someone else created it first): its version wins, this save is stale.
    const newer = await currentRow();
    throw new StaleRowError(staleMessage(newer?.version ?? 1), newer ? toScoreRow(newer) : null);
  }
  await audit.record(em, actor, { action: `score.${a.source}`, entityType: 'score_entry', entityId: inserted.id, blockId: a.blockId, after: { criterion: a.node.code, ...value, note: a.note } });
  return { row: written(inserted), changed: true };
}

function pick(r: StoredScoreRow) {
  return { score: r.score, passed: r.passed, count: r.count, actual: r.actual, items: r.items };
}

/** Item counts with zero counts dropped and keys sorted, so equal inputs compare equal. */
function normaliseItems(items: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(items).filter(([, n]) => n > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function emptyRow(a: SaveScoreArgs): ScoreRowDto {
  return { id: '', criterionId: a.node.id, unitId: a.unitId, source: a.source, scorerUnitId: a.scorerUnitId, score: null, passed: null, count: null, actual: null, items: null, note: '', version: 0, updatedAt: new Date(0).toISOString(), updatedByName: null };
}
