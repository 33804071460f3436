import type { EntityManager } from 'typeorm';
import { sqlPage, textMatches } from '../../common/pagination';
import type { BlockKind } from './entities/block.entity';

/** The blocks module's SQL: a block with its latest year (member count, leading unit) and the filtered page. */

export interface BlockRow {
  id: string;
  code: string;
  name: string;
  kind: BlockKind;
  description: string;
  archivedAt: Date | null;
  version: number;
  latestYear: number | null;
  memberCount: number;
  leaderUnitName: string | null;
}

export interface BlockFilter {
  /** Block ids the actor may see; null for all. */
  visible: string[] | null;
  includeArchived?: boolean;
  kind?: BlockKind;
  /** Already turned into a LIKE pattern (`likePattern`). */
  namePattern?: string;
  page: number;
  pageSize: number;
}

interface RawBlock {
  id: string;
  code: string;
  name: string;
  kind: BlockKind;
  description: string;
  archived_at: Date | null;
  version: number;
  latest_year: number | null;
  member_count: number;
  leader_unit_name: string | null;
}

const SELECT_BLOCK = `
  SELECT b.*, y.year AS latest_year, coalesce(y.member_count, 0)::int AS member_count, lu.name AS leader_unit_name
  FROM blocks b
  LEFT JOIN LATERAL (
    SELECT by2.year, by2.leader_unit_id, (SELECT count(*) FROM block_year_members m WHERE m.block_year_id = by2.id) AS member_count
    FROM block_years by2 WHERE by2.block_id = b.id ORDER BY by2.year DESC LIMIT 1
  ) y ON true
  LEFT JOIN units lu ON lu.id = y.leader_unit_id`;

const toRow = (r: RawBlock): BlockRow => ({
  id: r.id, code: r.code, name: r.name, kind: r.kind, description: r.description, archivedAt: r.archived_at, version: r.version,
  latestYear: r.latest_year ?? null, memberCount: r.member_count, leaderUnitName: r.leader_unit_name ?? null,
});

/** One page of blocks matching the filter, by name, and how many match in all. */
export async function blockPage(em: Pick<EntityManager, 'query'>, q: BlockFilter): Promise<{ rows: BlockRow[]; total: number }> {
  const { rows, total } = await sqlPage<RawBlock>(em, {
    from: 'blocks b', select: SELECT_BLOCK, orderBy: 'b.name', page: q.page, pageSize: q.pageSize,
    where: (p) => [
      q.visible && `b.id = ANY(${p(q.visible)}::uuid[])`,
      !q.includeArchived && 'b.archived_at IS NULL',
      q.kind && `b.kind = ${p(q.kind)}`,
      q.namePattern && textMatches(['b.name', 'b.code'], p(q.namePattern)),
    ],
  });
  return { rows: rows.map(toRow), total };
}

export async function findBlock(em: Pick<EntityManager, 'query'>, id: string): Promise<BlockRow | undefined> {
  const [row]: RawBlock[] = await em.query(`${SELECT_BLOCK} WHERE b.id = $1`, [id]);
  return row && toRow(row);
}
