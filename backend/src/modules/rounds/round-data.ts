import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { CovenantsService } from '../covenants/covenants.service';
import { type SchemeNode, adjustmentPoints, round2 } from '@thidua/rules';
import { toSchemeNode } from '../scoring/scheme-tree';
import { AwardsService } from '../awards/awards.service';
import { ScoringService, StoredCriterion } from '../scoring/scoring.service';
import { yearMembers } from '../scoring/year-context';
import { awardBonusNode, type AwardBonusFact, declaredCounts } from './award-bonus';
import type { RoundContext } from './round-context';
import type { ResultsInput, ScoreEntryLite } from './round-results';

export interface RoundScheme {
  rows: StoredCriterion[];
  nodes: SchemeNode[];
  byId: Map<string, StoredCriterion>;
  nodeById: Map<string, SchemeNode>;
  /** criterionId → units it does not apply to. */
  notApplicable: Map<string, Set<string>>;
}

export interface TargetValue {
  target: number;
  source: 'round' | 'covenant';
}

/** A per-unit target of the covenant in force, as the covenants module gives it. */
export interface CovenantTarget {
  unitId: string;
  indicator: string;
  targetValue: number;
}

/** What the covenants module exposes: the per-unit targets of the covenant in force. */
interface CovenantTargetsReader {
  targetsInForce?: (blockYearId: string, em?: EntityManager) => Promise<CovenantTarget[]>;
}

/**
 * A fingerprint of everything in the database a round's results are computed from, one part per source:
 * each part is the row count and the sum of a 64-bit hash of every row's relevant columns (order-free, so
 * no sort). A row changed in any way that matters (through the application or by hand in SQL), added or
 * removed changes its part. What is not in here comes from elsewhere and goes into the cache key beside it:
 * the rule set (read with the round) and the covenant's targets in force (read through the covenants module).
 */
export interface RoundFingerprint {
  /** score_entries of the round: id, version, unit, criterion, source, scorer, score, actual value; one part per unit scored (`entriesByUnit`). */
  entries: string;
  /** review_assignments of the round: who reviews whom, status (a recusal). */
  assignments: string;
  /** round_targets of the round. */
  targets: string;
  /** the year's member units (id, name, short name) with their self-assessment (status, submitted at, version). */
  members: string;
  /** the scheme and its criteria (tree, types, maxima, items, not-applicable units, versions). */
  scheme: string;
}

/**
 * One index scan of the round's score rows plus a few small lookups. The hash of a score row chains the
 * built-in hash functions of its columns (each one's output seeds the next): cheaper per row than hashing a
 * composite value, and unlike sums of the values it does not miss two rows trading places.
 */
const FINGERPRINT_SQL = `
  SELECT
    (SELECT coalesce(string_agg(x.unit_id || '=' || x.n || ':' || x.h, ',' ORDER BY x.unit_id), '') FROM (
       SELECT e.unit_id, count(*) AS n, sum(
              hash_numeric_extended(coalesce(e.actual, -1), hash_numeric_extended(coalesce(e.score, -1), hashtextextended(e.source,
                uuid_hash_extended(e.scorer_unit_id, uuid_hash_extended(e.criterion_id, uuid_hash_extended(e.unit_id, uuid_hash_extended(e.id, e.version)))))))) AS h
       FROM score_entries e WHERE e.round_id = $1 GROUP BY e.unit_id) x) AS entries,
    (SELECT count(*) || ':' || coalesce(sum(hash_record_extended((a.id, a.reviewer_unit_id, a.reviewee_unit_id, a.status), 0)), 0)
       FROM review_assignments a WHERE a.round_id = $1) AS assignments,
    (SELECT count(*) || ':' || coalesce(sum(hash_record_extended((t.unit_id, t.criterion_id, t.target), 0)), 0)
       FROM round_targets t WHERE t.round_id = $1) AS targets,
    (SELECT count(*) || ':' || coalesce(sum(hash_record_extended((u.id, u.name, u.short_name, sa.id, sa.status, sa.submitted_at, sa.version), 0)), 0)
       FROM block_year_members m JOIN units u ON u.id = m.unit_id LEFT JOIN self_assessments sa ON sa.round_id = $1 AND sa.unit_id = m.unit_id
       WHERE m.block_year_id = $2) AS members,
    (SELECT hash_record_extended((s.id, s.version, s.frozen_at, s.total_max), 0) FROM scoring_schemes s WHERE s.id = $3)
      || '/' || (SELECT count(*) || ':' || coalesce(sum(hash_record_extended((c.id, c.parent_id, c.code, c.title, c.type, c.max_points, c.sort_order,
              c.points_per_occurrence, c.measure, c.items, c.not_applicable_unit_ids, c.count_source, c.version), 0)), 0)
       FROM scoring_criteria c WHERE c.scheme_id = $3) AS scheme`;

/** The `entries` part of a fingerprint per unit scored: unit → count and hash of its rows. */
export function entriesByUnit(entries: string): Map<string, string> {
  return new Map(entries ? entries.split(',').map((part) => part.split('=') as [string, string]) : []);
}

const normal = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').replace(/[.:;,\s]+$/, '').trim();

/**
 * The target criterion a covenant indicator stands for: the one whose title is the indicator's text, or whose
 * code the indicator is or starts with ("II.4", "II.4. Số tin, bài …"); null when none matches.
 */
export function criterionForIndicator(indicator: string, criteria: readonly { id: string; code: string; title: string }[]): string | null {
  const text = normal(indicator);
  const byTitle = criteria.find((c) => normal(c.title) === text);
  if (byTitle) return byTitle.id;
  const byCode = criteria.find((c) => text === normal(c.code) || text.startsWith(`${normal(c.code)} `) || text.startsWith(`${normal(c.code)}.`) || text.startsWith(`${normal(c.code)}:`));
  return byCode?.id ?? null;
}

/**
 * Runs `work` in one REPEATABLE READ READ ONLY transaction of its own: everything it reads comes from one snapshot
 * of the database (committed on success, rolled back on failure).
 */
export async function inReadOnlySnapshot<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const qr = ds.createQueryRunner();
  await qr.connect();
  try {
    await qr.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await work(qr.manager);
    await qr.query('COMMIT');
    return result;
  } catch (e) {
    await qr.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await qr.release();
  }
}

const CACHE_LIMIT = 64;

/**
 * Reading a round's data: its (frozen) scheme, members, targets, and the inputs of the results. A round's
 * scheme is frozen, and the database refuses any change to a frozen scheme, so its rows are cached.
 */
@Injectable()
export class RoundData {
  private readonly schemes = new Map<string, { scheme: RoundScheme; fingerprint?: string }>();

  constructor(private readonly scoring: ScoringService, private readonly covenants: CovenantsService, private readonly awards: AwardsService) {}

  /** The awards each member unit holds from the year before, with their bonus points (see award-bonus.ts). */
  async awardFacts(em: EntityManager, ctx: RoundContext): Promise<Map<string, AwardBonusFact[]>> {
    const b = await this.awards.bonusesFor(em, ctx.round.blockYearId);
    return new Map(b.units.map((u) => [u.unitId, u.awards.map((a) => ({
      awardId: a.id, code: a.code, awardName: a.awardName, decisionNumber: a.decisionNumber, decisionDate: a.decisionDate, year: a.year, points: a.bonusPoints,
    }))]));
  }

  /**
   * The scheme's rows. `fingerprint` (the `scheme` part of `fingerprint()`, read in the same transaction):
   * the cached copy is used only when it was read under that same fingerprint, so even a frozen scheme
   * changed by hand in the database is read again.
   */
  async scheme(em: EntityManager, schemeId: string, fingerprint?: string): Promise<RoundScheme> {
    const cached = this.schemes.get(schemeId);
    if (cached && (fingerprint === undefined || cached.fingerprint === fingerprint)) return cached.scheme;
    const [s]: { frozenAt: Date | null }[] = await em.query('SELECT frozen_at AS "frozenAt" FROM scoring_schemes WHERE id = $1', [schemeId]);
    const rows = await this.scoring.loadRows(em, schemeId);
    const nodes = rows.map(toSchemeNode);
    const scheme: RoundScheme = {
      rows, nodes, byId: new Map(rows.map((r) => [r.id, r])), nodeById: new Map(nodes.map((n) => [n.id, n])),
      notApplicable: new Map(rows.filter((r) => r.notApplicableUnitIds.length).map((r) => [r.id, new Set(r.notApplicableUnitIds)])),
    };
    if (s?.frozenAt) {
      this.schemes.delete(schemeId);
      if (this.schemes.size >= CACHE_LIMIT) this.schemes.delete(this.schemes.keys().next().value!);
      this.schemes.set(schemeId, { scheme, fingerprint });
    }
    return scheme;
  }

  /** See `RoundFingerprint`: one statement, a small fraction of the cost of reading the rows themselves. */
  async fingerprint(em: EntityManager, ctx: RoundContext): Promise<RoundFingerprint> {
    const [row]: (Omit<RoundFingerprint, 'scheme'> & { scheme: string | null })[] = await em.query(FINGERPRINT_SQL, [ctx.round.id, ctx.round.blockYearId, ctx.round.schemeId]);
    return { entries: row.entries, assignments: row.assignments, targets: row.targets, members: row.members, scheme: row.scheme ?? '' };
  }

  /** The targets of the covenant in force, as the covenants module gives them (none when it offers no reader). */
  async covenantTargets(em: EntityManager, ctx: RoundContext): Promise<CovenantTarget[]> {
    const reader = this.covenants as unknown as CovenantTargetsReader;
    if (typeof reader.targetsInForce !== 'function') return [];
    return (await reader.targetsInForce(ctx.round.blockYearId, em)).map((t) => ({ unitId: t.unitId, indicator: t.indicator, targetValue: t.targetValue }));
  }

  members(em: EntityManager, blockYearId: string) {
    return yearMembers(em, blockYearId);
  }

  /**
   * Targets (chỉ tiêu) of the round's target criteria: entered in the round, else from the covenant in force
   * (`CovenantsService.targetsInForce`, indicator matched to a criterion by title or code). Missing targets are
   * fine: the formula scores those units on the "no target" branch.
   */
  async targets(em: EntityManager, ctx: RoundContext, scheme: RoundScheme, covenantTargets?: readonly CovenantTarget[]): Promise<Map<string, TargetValue>> {
    const out = new Map<string, TargetValue>();
    const targetCriteria = scheme.rows.filter((r) => r.type === 'target');
    if (!targetCriteria.length) return out;
    for (const t of covenantTargets ?? (await this.covenantTargets(em, ctx))) {
      const criterionId = criterionForIndicator(t.indicator, targetCriteria);
      if (criterionId && Number.isFinite(t.targetValue) && t.targetValue >= 0) out.set(`${t.unitId}|${criterionId}`, { target: t.targetValue, source: 'covenant' });
    }
    const rows: { unitId: string; criterionId: string; target: number }[] = await em.query(
      'SELECT unit_id AS "unitId", criterion_id AS "criterionId", target::float8 AS target FROM round_targets WHERE round_id = $1', [ctx.round.id]);
    for (const r of rows) out.set(`${r.unitId}|${r.criterionId}`, { target: r.target, source: 'round' });
    return out;
  }

  /**
   * Everything `computeResults` needs, read in one statement (`onlyUnits`: the score rows of those units only,
   * for recomputing them after a change; the rest as always). The score rows come back as one compact text
   * (unit, criterion and scorer as indexes, not uuids): a block of 25 units × 120 criteria has some
   * 12,000 rows, and parsing them row by row through the driver cost more than the whole computation.
   */
  async resultsInput(
    em: EntityManager, ctx: RoundContext,
    read: { schemeFingerprint?: string; covenantTargets?: readonly CovenantTarget[]; awardFacts?: Map<string, AwardBonusFact[]>; onlyUnits?: readonly string[] } = {},
  ): Promise<{ input: ResultsInput; scheme: RoundScheme; units: { id: string; name: string; shortName: string; submittedAt: Date | null }[]; awardFacts: Map<string, AwardBonusFact[]> }> {
    const scheme = await this.scheme(em, ctx.round.schemeId, read.schemeFingerprint);
    const criteria = scheme.rows.map((r) => r.id);
    const [row]: { units: [string, string, string, string | null][]; entries: string; peers: [string, string][] }[] = await em.query(
      `WITH mem AS (
         SELECT u.id, u.name, u.short_name, sa.submitted_at, row_number() OVER (ORDER BY u.name, u.id) AS i
         FROM block_year_members m JOIN units u ON u.id = m.unit_id LEFT JOIN self_assessments sa ON sa.round_id = $2 AND sa.unit_id = u.id
         WHERE m.block_year_id = $1),
       crit AS (SELECT id, i FROM unnest($3::uuid[]) WITH ORDINALITY AS c(id, i))
       SELECT
         (SELECT coalesce(json_agg(json_build_array(id, name, short_name, submitted_at) ORDER BY i), '[]'::json) FROM mem) AS units,
         (SELECT coalesce(string_agg(u.i || ',' || c.i || ',' || CASE e.source WHEN 'self' THEN 0 WHEN 'peer' THEN 1 WHEN 'leader' THEN 2 ELSE 3 END || ','
                   || coalesce(s.i::text, '') || ',' || coalesce(e.score::text, '') || ',' || coalesce(e.actual::text, ''), ';'), '')
            FROM score_entries e JOIN mem u ON u.id = e.unit_id JOIN crit c ON c.id = e.criterion_id LEFT JOIN mem s ON s.id = e.scorer_unit_id
            WHERE e.round_id = $2 AND ($4::uuid[] IS NULL OR e.unit_id = ANY($4::uuid[]))) AS entries,
         (SELECT coalesce(json_agg(json_build_array(reviewer_unit_id, reviewee_unit_id)), '[]'::json) FROM review_assignments WHERE round_id = $2 AND status = 'active') AS peers`,
      [ctx.round.blockYearId, ctx.round.id, criteria, read.onlyUnits ?? null]);
    const units = row.units.map(([id, name, shortName, at]) => ({ id, name, shortName, submittedAt: at ? new Date(at) : null }));
    const SOURCES = ['self', 'peer', 'leader', 'final'] as const;
    const num = (v: string) => (v === '' ? null : Number(v));
    const entries: ScoreEntryLite[] = row.entries.split(';').filter(Boolean).map((text) => {
      const [u, c, src, s, score, actual] = text.split(',');
      return { unitId: units[Number(u) - 1].id, criterionId: criteria[Number(c) - 1], source: SOURCES[Number(src)], scorerUnitId: s ? units[Number(s) - 1].id : '', score: num(score), actual: num(actual) };
    });
    const targets = await this.targets(em, ctx, scheme, read.covenantTargets);
    // The bonus criterion counts what units declared without the awards' own items, plus the awards held.
    const bonusNode = awardBonusNode(scheme.nodes);
    if (bonusNode?.type === 'bonus') {
      const declared: { unitId: string; source: string; scorerUnitId: string | null; items: Record<string, number> | null }[] = await em.query(
        'SELECT unit_id AS "unitId", source, scorer_unit_id AS "scorerUnitId", items FROM score_entries WHERE round_id = $1 AND criterion_id = $2 AND ($3::uuid[] IS NULL OR unit_id = ANY($3::uuid[]))',
        [ctx.round.id, bonusNode.id, read.onlyUnits ?? null]);
      const points = new Map(declared.map((d) => [`${d.unitId}|${d.source}|${d.scorerUnitId ?? ''}`, adjustmentPoints(bonusNode, declaredCounts(d.items))]));
      for (const e of entries) {
        if (e.criterionId === bonusNode.id) e.score = points.get(`${e.unitId}|${e.source}|${e.scorerUnitId}`) ?? e.score;
      }
    }
    const awardFacts = read.awardFacts ?? (await this.awardFacts(em, ctx));
    return {
      scheme,
      units,
      awardFacts,
      input: {
        awardBonusNodeId: bonusNode?.id ?? null,
        awardBonus: new Map([...awardFacts].map(([unitId, facts]) => [unitId, round2(facts.reduce((sum, f) => sum + f.points, 0))])),
        nodes: scheme.nodes, notApplicable: scheme.notApplicable, units: units.map((u) => ({ id: u.id, submittedAt: u.submittedAt })), entries,
        activePeers: new Set(row.peers.map(([a, b]) => `${a}|${b}`)),
        targets: new Map([...targets].map(([k, v]) => [k, v.target])), rule: ctx.year.rules.finalScoreRule, tieBreaks: ctx.year.rules.tieBreakChain,
      },
    };
  }
}
