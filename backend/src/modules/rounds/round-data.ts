import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CovenantsService } from '../covenants/covenants.service';
import type { SchemeNode } from '../scoring/rules';
import { toSchemeNode } from '../scoring/scheme-tree';
import { ScoringService, StoredCriterion } from '../scoring/scoring.service';
import { yearMembers } from '../scoring/year-context';
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

/** What the covenants module exposes: the per-unit targets of the covenant in force. */
interface CovenantTargetsReader {
  targetsInForce?: (blockYearId: string, em?: EntityManager) => Promise<{ unitId: string; indicator: string; targetValue: number }[]>;
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

const CACHE_LIMIT = 64;

/**
 * Reading a round's data: its (frozen) scheme, members, targets, and the inputs of the results. A round's
 * scheme is frozen, and the database refuses any change to a frozen scheme, so its rows are cached.
 */
@Injectable()
export class RoundData {
  private readonly schemes = new Map<string, RoundScheme>();

  constructor(private readonly scoring: ScoringService, private readonly covenants: CovenantsService) {}

  async scheme(em: EntityManager, schemeId: string): Promise<RoundScheme> {
    const cached = this.schemes.get(schemeId);
    if (cached) return cached;
    const [s] = await em.query('SELECT frozen_at FROM scoring_schemes WHERE id = $1', [schemeId]);
    const rows = await this.scoring.loadRows(em, schemeId);
    const nodes = rows.map(toSchemeNode);
    const scheme: RoundScheme = {
      rows, nodes, byId: new Map(rows.map((r) => [r.id, r])), nodeById: new Map(nodes.map((n) => [n.id, n])),
      notApplicable: new Map(rows.filter((r) => r.notApplicableUnitIds.length).map((r) => [r.id, new Set(r.notApplicableUnitIds)])),
    };
    if (s?.frozen_at) {
      if (this.schemes.size >= CACHE_LIMIT) this.schemes.delete(this.schemes.keys().next().value!);
      this.schemes.set(schemeId, scheme);
    }
    return scheme;
  }

  members(em: EntityManager, blockYearId: string) {
    return yearMembers(em, blockYearId);
  }

  /**
   * Targets (chỉ tiêu) of the round's target criteria: entered in the round, else from the covenant in force
   * (`CovenantsService.targetsInForce`, indicator matched to a criterion by title or code). Missing targets are
   * fine: the formula scores those units on the "no target" branch.
   */
  async targets(em: EntityManager, ctx: RoundContext, scheme: RoundScheme): Promise<Map<string, TargetValue>> {
    const out = new Map<string, TargetValue>();
    const targetCriteria = scheme.rows.filter((r) => r.type === 'target');
    if (!targetCriteria.length) return out;
    const reader = this.covenants as unknown as CovenantTargetsReader;
    if (typeof reader.targetsInForce === 'function') {
      for (const t of await reader.targetsInForce(ctx.round.blockYearId, em)) {
        const criterionId = criterionForIndicator(t.indicator, targetCriteria);
        if (criterionId && Number.isFinite(t.targetValue) && t.targetValue >= 0) out.set(`${t.unitId}|${criterionId}`, { target: t.targetValue, source: 'covenant' });
      }
    }
    const rows: { unit_id: string; criterion_id: string; target: number }[] = await em.query(
      'SELECT unit_id, criterion_id, target::float8 AS target FROM round_targets WHERE round_id = $1', [ctx.round.id]);
    for (const r of rows) out.set(`${r.unit_id}|${r.criterion_id}`, { target: r.target, source: 'round' });
    return out;
  }

  /**
   * Everything `computeResults` needs, read in one statement. The score rows come back as one compact text
   * (unit, criterion and scorer as indexes, not uuids): a block of 25 units × 120 criteria has some
   * 12,000 rows, and parsing them row by row through the driver cost more than the whole computation.
   */
  async resultsInput(em: EntityManager, ctx: RoundContext): Promise<{ input: ResultsInput; scheme: RoundScheme; units: { id: string; name: string; shortName: string; submittedAt: Date | null }[] }> {
    const scheme = await this.scheme(em, ctx.round.schemeId);
    const criteria = scheme.rows.map((r) => r.id);
    const [row] = await em.query(
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
            WHERE e.round_id = $2) AS entries,
         (SELECT coalesce(json_agg(json_build_array(reviewer_unit_id, reviewee_unit_id)), '[]'::json) FROM review_assignments WHERE round_id = $2 AND status = 'active') AS peers`,
      [ctx.round.blockYearId, ctx.round.id, criteria]);
    const units = (row.units as [string, string, string, string | null][]).map(([id, name, shortName, at]) => ({ id, name, shortName, submittedAt: at ? new Date(at) : null }));
    const SOURCES = ['self', 'peer', 'leader', 'final'] as const;
    const num = (v: string) => (v === '' ? null : Number(v));
    const entries: ScoreEntryLite[] = (row.entries as string).split(';').filter(Boolean).map((text) => {
      const [u, c, src, s, score, actual] = text.split(',');
      return { unitId: units[Number(u) - 1].id, criterionId: criteria[Number(c) - 1], source: SOURCES[Number(src)], scorerUnitId: s ? units[Number(s) - 1].id : '', score: num(score), actual: num(actual) };
    });
    const targets = await this.targets(em, ctx, scheme);
    return {
      scheme,
      units,
      input: {
        nodes: scheme.nodes, notApplicable: scheme.notApplicable, units: units.map((u) => ({ id: u.id, submittedAt: u.submittedAt })), entries,
        activePeers: new Set((row.peers as [string, string][]).map(([a, b]) => `${a}|${b}`)),
        targets: new Map([...targets].map(([k, v]) => [k, v.target])), rule: ctx.year.rules.finalScoreRule, tieBreaks: ctx.year.rules.tieBreakChain,
      },
    };
  }
}
