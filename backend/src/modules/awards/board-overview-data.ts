import type { EntityManager } from 'typeorm';
import type { Phase } from '../../domain/round-phase';

/**
 * The board overview's SQL: the facts of every block year of a year in one statement, the name order, what a
 * shown row reads (covenant, rounds, leaders, decisions) and the award counts. It reads several modules'
 * tables, as a read model does, and writes none. Finalised rankings are read in `overview-ranking.sql.ts`.
 */

type Sql = Pick<EntityManager, 'query'>;

/** The year's block years whose block name or code matches the LIKE pattern (accents ignored), with their member counts. */
export async function blockYearsMatching(em: Sql, year: number, pattern: string): Promise<{ id: string; members: number }[]> {
  return em.query(
    `SELECT y.id, (SELECT count(*)::int FROM block_year_members m WHERE m.block_year_id = y.id) AS members
     FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE y.year = $1 AND lower(unaccent(b.name || ' ' || b.code)) LIKE lower(unaccent($2::text))`,
    [year, pattern]);
}

/** See `overviewFacts`. */
export interface OverviewFacts {
  /**
   * One line per block year, `;`-separated, unsorted: `id|status|covenant in force (0/1)|decisions|mid-year round|year-end round`, a round
   * being `1` when finalised, else `0,units overdue,earliest missed deadline (ms),final review until (ms)`; null when the year has none.
   */
  facts: string | null;
  /** The database clock. */
  now: Date;
  /** The year's member units, when asked for (`countMembers`); null otherwise. */
  members: number | null;
  /** What the name order depends on: every block year's id, kind, name and code, and the ICU collation's version. */
  nameKey: string;
}

/**
 * One statement for every block year of the year: the facts its step and lateness follow from, with at most one
 * round of each kind per year (`uq_scoring_rounds_year_kind`).
 */
export async function overviewFacts(em: Sql, year: number, countMembers: boolean): Promise<OverviewFacts> {
  const [row]: OverviewFacts[] = await em.query(
      `WITH yrs AS (
         SELECT y.id, y.status, b.kind, b.name, b.code FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE y.year = $1),
       rnd AS (SELECT r.id, r.block_year_id, r.kind, r.phase = 'finalised' AS fin, r.self_assessment_until, r.final_review_until FROM scoring_rounds r JOIN yrs ON yrs.id = r.block_year_id),
       -- Units past their own self-assessment deadline (extension included) without a submitted one, per open round.
       -- (per open round through the members' index: at year end most rounds are finalised and cost nothing here)
       overdue AS (
         SELECT o.id, d.n, d.since FROM rnd o CROSS JOIN LATERAL (
           SELECT count(*)::int AS n, min(coalesce(e.until, o.self_assessment_until)) AS since
           FROM block_year_members m
           LEFT JOIN self_assessments sa ON sa.round_id = o.id AND sa.unit_id = m.unit_id
           LEFT JOIN round_extensions e ON e.round_id = o.id AND e.unit_id = m.unit_id
           WHERE m.block_year_id = o.block_year_id AND sa.status IS DISTINCT FROM 'submitted' AND coalesce(e.until, o.self_assessment_until) < now()) d
         WHERE NOT o.fin),
       per AS (
         SELECT r.block_year_id, r.kind, CASE WHEN r.fin THEN '1' ELSE concat_ws(',', 0, coalesce(d.n, 0), coalesce(((extract(epoch FROM d.since) * 1000)::bigint)::text, ''),
                  coalesce(((extract(epoch FROM r.final_review_until) * 1000)::bigint)::text, '')) END AS f
         FROM rnd r LEFT JOIN overdue d ON d.id = r.id),
       dec AS (
         SELECT m.block_year_id, count(*)::int AS n FROM award_history h JOIN block_year_members m ON m.unit_id = h.unit_id AND m.year = h.year
         WHERE h.year = $1 AND h.revoked_at IS NULL GROUP BY m.block_year_id)
       SELECT now() AS now,
              -- The year's member units (a member row carries its block year's year), unless a search counts its own.
              (SELECT count(*)::int FROM block_year_members WHERE year = $1 AND $2::boolean) AS members,
              -- What the name order depends on (see nameOrders): every block year's id, kind, name and code, the ICU version.
              (SELECT count(*) || ':' || coalesce(bit_xor(hashtextextended((id, kind, name, code)::text, 0)), 0) || ':'
                 || coalesce((SELECT pg_collation_actual_version(oid) FROM pg_collation WHERE collname = 'vi-VN-x-icu' LIMIT 1), '') FROM yrs) AS "nameKey",
              string_agg(concat_ws('|', y.id, y.status, CASE WHEN cv.block_year_id IS NULL THEN 0 ELSE 1 END, coalesce(dec.n, 0),
                coalesce(mid.f, ''), coalesce(ye.f, '')), ';') AS facts
       FROM yrs y LEFT JOIN dec ON dec.block_year_id = y.id
       LEFT JOIN covenants cv ON cv.block_year_id = y.id AND cv.status = 'in_force'
       LEFT JOIN per mid ON mid.block_year_id = y.id AND mid.kind = 'mid_year'
       LEFT JOIN per ye ON ye.block_year_id = y.id AND ye.kind = 'year_end'`,
      [year, countMembers]);
  return row;
}

/** The year's block years' ids in name order (khối before cụm, each by `vi-VN-x-icu` name, then code), comma-separated; null when none. */
export async function blockYearIdsInNameOrder(em: Sql, year: number): Promise<string | null> {
  const [{ ids }]: { ids: string | null }[] = await em.query(
    `SELECT string_agg(y.id::text, ',' ORDER BY b.kind DESC, b.name COLLATE "vi-VN-x-icu", b.code) AS ids FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE y.year = $1`,
    [year]);
  return ids;
}

/** Per block year, its covenant in force, else its newest one not superseded, with how many units signed it. */
export async function currentCovenants(em: Sql, blockYearIds: string[]): Promise<{ blockYearId: string; status: string; signed: number }[]> {
  return em.query(
    `SELECT DISTINCT ON (c.block_year_id) c.block_year_id AS "blockYearId", c.status, (SELECT count(*)::int FROM covenant_signatures s WHERE s.covenant_id = c.id) AS signed
     FROM covenants c WHERE c.block_year_id = ANY($1) AND c.status <> 'superseded' ORDER BY c.block_year_id, (c.status = 'in_force') DESC, c.number DESC`, [blockYearIds]);
}

/** A round of a shown block year, with what its phase in force is computed from. */
export interface OverviewRound {
  id: string;
  blockYearId: string;
  kind: string;
  title: string;
  phase: Phase;
  opensAt: Date;
  selfAssessmentUntil: Date;
  reviewUntil: Date;
  explanationUntil: Date;
  finalisedAt: Date | null;
  latestExtension: Date | null;
  now: Date;
}

/** The block years' rounds in opening order. */
export async function roundsOf(em: Sql, blockYearIds: string[]): Promise<OverviewRound[]> {
  return em.query(
    `SELECT r.id, r.block_year_id AS "blockYearId", r.kind, r.title, r.phase, r.opens_at AS "opensAt", r.self_assessment_until AS "selfAssessmentUntil",
            r.review_until AS "reviewUntil", r.explanation_until AS "explanationUntil", r.finalised_at AS "finalisedAt",
            (SELECT max(e.until) FROM round_extensions e WHERE e.round_id = r.id) AS "latestExtension", now() AS now
     FROM scoring_rounds r WHERE r.block_year_id = ANY($1) ORDER BY r.opens_at`, [blockYearIds]);
}

/** A shown block year: its block, status, leader and deputy units, member count. */
export interface OverviewYear {
  id: string;
  blockId: string;
  code: string;
  name: string;
  kind: string;
  status: string;
  leaderName: string | null;
  deputyName: string | null;
  members: number;
}

export async function yearsOf(em: Sql, blockYearIds: string[]): Promise<OverviewYear[]> {
  return em.query(
    `SELECT y.id, y.block_id AS "blockId", b.code, b.name, b.kind, y.status, lu.name AS "leaderName", du.name AS "deputyName",
            (SELECT count(*)::int FROM block_year_members m WHERE m.block_year_id = y.id) AS members
     FROM block_years y JOIN blocks b ON b.id = y.block_id
     LEFT JOIN units lu ON lu.id = y.leader_unit_id LEFT JOIN units du ON du.id = y.deputy_unit_id WHERE y.id = ANY($1)`, [blockYearIds]);
}

/** Awards decided (not revoked) per block year and award code, counted by the year's member units. */
export async function decisionsOf(em: Sql, blockYearIds: string[]): Promise<{ blockYearId: string; code: string; n: number }[]> {
  return em.query(
    `SELECT m.block_year_id AS "blockYearId", h.code, count(*)::int AS n FROM award_history h JOIN block_year_members m ON m.unit_id = h.unit_id AND m.year = h.year
     WHERE m.block_year_id = ANY($1) AND h.revoked_at IS NULL GROUP BY m.block_year_id, h.code`, [blockYearIds]);
}

/** Awards of the year not revoked, per code. */
export async function awardedInYear(em: Sql, year: number): Promise<{ code: string; n: number }[]> {
  return em.query('SELECT code, count(*)::int AS n FROM award_history WHERE year = $1 AND revoked_at IS NULL GROUP BY code', [year]);
}

/** Awards not revoked per year and code, oldest year first. */
export async function awardedPerYear(em: Sql): Promise<{ year: number; code: string; count: number }[]> {
  return em.query('SELECT year, code, count(*)::int AS count FROM award_history WHERE revoked_at IS NULL GROUP BY year, code ORDER BY year');
}
