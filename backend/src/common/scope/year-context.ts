import type { EntityManager } from 'typeorm';
import type { Actor } from '../actor';
import { notFound } from '../app-error';
import type { Seat } from './scope.service';
import type { BlockYearStatus } from '../../domain/year-status';
import type { LegalInstrument, RuleSet } from '@thidua/rules';

/** A block year as the year-scoped modules see it, with the actor's place in it. */
export interface YearContext {
  blockYearId: string;
  blockId: string;
  blockCode: string;
  blockName: string;
  year: number;
  status: BlockYearStatus;
  leaderUnitId: string | null;
  deputyUnitId: string | null;
  rules: RuleSet;
  legalBasis: LegalInstrument[];
  /** Seat of the actor's unit in this year (leader rights come from the seat, not the person). */
  seat: Seat | null;
  /** The actor's unit is a member of the block in this year. */
  isMember: boolean;
  /** The actor's unit. */
  unitId: string | null;
}

/** Loads the year (optionally `FOR UPDATE` of the block year row) and the actor's seat and membership. */
export async function loadYearContext(em: EntityManager, blockYearId: string, actor: Pick<Actor, 'unitId'> | null, opts: { lock?: boolean } = {}): Promise<YearContext> {
  const [row] = await em.query(
    `SELECT y.id, y.block_id, y.year, y.status, y.leader_unit_id, y.deputy_unit_id, y.rules, y.legal_basis, b.code, b.name,
            EXISTS (SELECT 1 FROM block_year_members m WHERE m.block_year_id = y.id AND m.unit_id = $2::uuid) AS is_member
     FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE y.id = $1${opts.lock ? ' FOR UPDATE OF y' : ''}`,
    [blockYearId, actor?.unitId ?? null]);
  if (!row) throw notFound('Không tìm thấy năm thi đua của khối.');
  const unitId = actor?.unitId ?? null;
  const seat: Seat | null = unitId && row.leader_unit_id === unitId ? 'leader' : unitId && row.deputy_unit_id === unitId ? 'deputy' : null;
  return {
    blockYearId: row.id, blockId: row.block_id, blockCode: row.code, blockName: row.name, year: row.year, status: row.status,
    leaderUnitId: row.leader_unit_id, deputyUnitId: row.deputy_unit_id, rules: row.rules, legalBasis: row.legal_basis ?? [],
    seat, isMember: row.is_member, unitId,
  };
}

/** Member units of a year with their names, ordered by name. */
export async function membersOf(em: EntityManager, blockYearId: string): Promise<{ id: string; name: string; shortName: string }[]> {
  return em.query(
    `SELECT u.id, u.name, u.short_name AS "shortName" FROM block_year_members m JOIN units u ON u.id = m.unit_id
     WHERE m.block_year_id = $1 ORDER BY u.name`, [blockYearId]);
}
