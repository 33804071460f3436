import type { EntityManager } from 'typeorm';
import { sqlPage, textMatches } from '../../common/pagination';

/** The units module's SQL: a unit with its latest block membership, the filtered page, the name check. */

/** A unit as the read model shows it, with the block it belonged to in its latest year. */
export interface UnitRow {
  id: string;
  name: string;
  shortName: string;
  parentAgency: string;
  address: string;
  phone: string;
  email: string;
  archivedAt: Date | null;
  version: number;
  latestMembership: { blockId: string; blockName: string; year: number } | null;
}

export interface UnitFilter {
  /** Unit ids the actor may see; null for all. */
  visible: string[] | null;
  includeArchived?: boolean;
  blockId?: string;
  /** Already turned into a LIKE pattern (`likePattern`). */
  namePattern?: string;
  page: number;
  pageSize: number;
}

interface RawUnit {
  id: string;
  name: string;
  short_name: string;
  parent_agency: string;
  address: string;
  phone: string;
  email: string;
  archived_at: Date | null;
  version: number;
  m_block_id: string | null;
  m_block_name: string | null;
  m_year: number | null;
}

const SELECT_UNIT = `
  SELECT u.*, lm.block_id AS m_block_id, lm.block_name AS m_block_name, lm.year AS m_year
  FROM units u
  LEFT JOIN LATERAL (
    SELECT m.block_id, b.name AS block_name, m.year FROM block_year_members m JOIN blocks b ON b.id = m.block_id
    WHERE m.unit_id = u.id ORDER BY m.year DESC LIMIT 1
  ) lm ON true`;

function toRow(r: RawUnit): UnitRow {
  return {
    id: r.id, name: r.name, shortName: r.short_name, parentAgency: r.parent_agency, address: r.address, phone: r.phone, email: r.email,
    archivedAt: r.archived_at, version: r.version,
    latestMembership: r.m_block_id ? { blockId: r.m_block_id, blockName: r.m_block_name as string, year: r.m_year as number } : null,
  };
}

/** One page of units matching the filter, by name, and how many match in all. */
export async function unitPage(em: Pick<EntityManager, 'query'>, q: UnitFilter): Promise<{ rows: UnitRow[]; total: number }> {
  const { rows, total } = await sqlPage<RawUnit>(em, {
    from: 'units u', select: SELECT_UNIT, orderBy: 'u.name', page: q.page, pageSize: q.pageSize,
    where: (p) => [
      q.visible && `u.id = ANY(${p(q.visible)}::uuid[])`,
      !q.includeArchived && 'u.archived_at IS NULL',
      q.blockId && `EXISTS (SELECT 1 FROM block_year_members m WHERE m.unit_id = u.id AND m.block_id = ${p(q.blockId)})`,
      q.namePattern && textMatches(['u.name', 'u.short_name'], p(q.namePattern)),
    ],
  });
  return { rows: rows.map(toRow), total };
}

export async function findUnit(em: Pick<EntityManager, 'query'>, id: string): Promise<UnitRow | undefined> {
  const [row]: RawUnit[] = await em.query(`${SELECT_UNIT} WHERE u.id = $1`, [id]);
  return row && toRow(row);
}

/** Whether a unit already has this name, case-insensitively (archived units included). */
export async function unitNameTaken(em: Pick<EntityManager, 'query'>, name: string): Promise<boolean> {
  const [row] = await em.query('SELECT 1 FROM units WHERE lower(name) = lower($1)', [name]);
  return !!row;
}

/** The active units whose name or short name is `name`, case-insensitively (the import names units so). */
export async function activeUnitIdsNamed(em: Pick<EntityManager, 'query'>, name: string): Promise<string[]> {
  const found: { id: string }[] = await em.query('SELECT id FROM units WHERE archived_at IS NULL AND (lower(name) = lower($1) OR lower(short_name) = lower($1))', [name]);
  return found.map((r) => r.id);
}
