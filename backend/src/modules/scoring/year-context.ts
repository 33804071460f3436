import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/app-error';
import type { Seat } from '../../common/scope/scope.service';
import type { BlockYearStatus } from '../block-years/entities/block-year.entity';
import { defaultRuleSet, type RuleSet } from '../block-years/rule-set';

/** A block year as the scoring modules see it, with the actor's place in it. */
export interface ScoringYear {
  blockYearId: string;
  blockId: string;
  blockCode: string;
  blockName: string;
  year: number;
  status: BlockYearStatus;
  leaderUnitId: string | null;
  deputyUnitId: string | null;
  rules: RuleSet;
  /** Seat of the actor's unit this year: leader rights come from the seat, not the person. */
  seat: Seat | null;
  /** The actor's unit is a member of the block this year. */
  isMember: boolean;
  unitId: string | null;
}

/** Loads the year and the actor's seat and membership; a missing year is a 404 (or `missing` when given). */
export async function loadScoringYear(em: EntityManager, blockYearId: string, actor: Pick<Actor, 'unitId'> | null, missing?: () => Error): Promise<ScoringYear> {
  const [row] = await em.query(
    `SELECT y.id, y.block_id, y.year, y.status, y.leader_unit_id, y.deputy_unit_id, y.rules, b.code, b.name,
            EXISTS (SELECT 1 FROM block_year_members m WHERE m.block_year_id = y.id AND m.unit_id = $2::uuid) AS is_member
     FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE y.id = $1`, [blockYearId, actor?.unitId ?? null]);
  if (!row) throw missing ? missing() : notFound('Không tìm thấy năm thi đua của khối.');
  const unitId = actor?.unitId ?? null;
  const seat: Seat | null = unitId && row.leader_unit_id === unitId ? 'leader' : unitId && row.deputy_unit_id === unitId ? 'deputy' : null;
  return {
    blockYearId: row.id, blockId: row.block_id, blockCode: row.code, blockName: row.name, year: row.year, status: row.status,
    leaderUnitId: row.leader_unit_id, deputyUnitId: row.deputy_unit_id, rules: { ...defaultRuleSet(), ...(row.rules ?? {}) },
    seat, isMember: row.is_member, unitId,
  };
}

/** Member units of a year, ordered by name (Vietnamese collation). */
export async function yearMembers(em: EntityManager, blockYearId: string): Promise<{ id: string; name: string; shortName: string }[]> {
  return em.query(
    `SELECT u.id, u.name, u.short_name AS "shortName" FROM block_year_members m JOIN units u ON u.id = m.unit_id
     WHERE m.block_year_id = $1 ORDER BY u.name`, [blockYearId]);
}
