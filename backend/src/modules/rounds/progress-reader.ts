import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ScoringService, StoredCriterion } from '../scoring/scoring.service';
import { applicability, completeness, SelfRowState } from './completeness';

/** Whose scores of which unit: the unit's own self-assessment, or one reviewer unit's peer scores of it. */
export interface ScoreSheetRef {
  roundId: string;
  schemeId: string;
  unitId: string;
  source: 'self' | 'peer';
  /** For peer sheets: the reviewing unit. */
  scorerUnitId: string;
}

/**
 * How far score sheets are filled ("x/y tiêu chí"), read for other modules (the task list): one query for
 * every sheet asked, the rule is the one that gates submission (completeness.ts).
 */
@Injectable()
export class RoundProgressReader {
  constructor(private readonly scoring: ScoringService) {}

  async filled(em: EntityManager, sheets: readonly ScoreSheetRef[]): Promise<{ filled: number; required: number }[]> {
    if (!sheets.length) return [];
    const rows: { i: number; criterion_id: string; filled: boolean; declared: boolean }[] = await em.query(
      `SELECT s.i, e.criterion_id, (e.score IS NOT NULL OR e.actual IS NOT NULL OR e.passed IS NOT NULL OR e.count IS NOT NULL OR e.items IS NOT NULL) AS filled,
              (e.items IS NOT NULL AND e.items <> '{}'::jsonb) AS declared
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[]) WITH ORDINALITY AS s(round_id, unit_id, source, scorer, i)
       JOIN score_entries e ON e.round_id = s.round_id AND e.unit_id = s.unit_id AND e.source = s.source AND e.scorer_unit_id = s.scorer`,
      [sheets.map((s) => s.roundId), sheets.map((s) => s.unitId), sheets.map((s) => s.source), sheets.map((s) => s.source === 'self' ? s.unitId : s.scorerUnitId)]);
    const states = sheets.map(() => new Map<string, SelfRowState>());
    for (const r of rows) states[Number(r.i) - 1].set(r.criterion_id, { filled: r.filled, declared: r.declared });
    const schemes = new Map<string, StoredCriterion[]>();
    for (const id of new Set(sheets.map((s) => s.schemeId))) schemes.set(id, await this.scoring.loadRows(em, id));
    return sheets.map((s, i) => {
      const criteria = schemes.get(s.schemeId)!;
      const c = completeness(criteria, applicability(criteria, s.unitId), states[i], new Set(), s.source === 'self');
      return { filled: c.filled, required: c.required };
    });
  }
}
