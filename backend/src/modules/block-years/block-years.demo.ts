import type { EntityManager } from 'typeorm';
import type { BlockYearStatus } from '../../domain/year-status';
import { defaultLegalBasis, defaultRuleSet } from '@thidua/rules';

/** A demo block year with the default legal basis and rule set, and its members; its id. */
export async function insertDemoBlockYear(em: EntityManager, y: {
  blockId: string; year: number; leaderUnitId: string | null; deputyUnitId: string | null; status: BlockYearStatus; memberIds: string[];
}): Promise<string> {
  const [row] = await em.query(
    `INSERT INTO block_years (block_id, year, leader_unit_id, deputy_unit_id, status, legal_basis, rules, version) VALUES ($1,$2,$3,$4,$5,$6,$7,1) RETURNING id`,
    [y.blockId, y.year, y.leaderUnitId, y.deputyUnitId, y.status, JSON.stringify(defaultLegalBasis(y.year)), JSON.stringify(defaultRuleSet())]);
  for (const unitId of y.memberIds) {
    await em.query('INSERT INTO block_year_members (block_year_id, unit_id, year, block_id) VALUES ($1,$2,$3,$4)', [row.id, unitId, y.year, y.blockId]);
  }
  return row.id;
}
