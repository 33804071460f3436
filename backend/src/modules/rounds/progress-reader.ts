import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ScoringService, StoredCriterion } from '../scoring/scoring.service';
import { sheetRowStates } from './assessment-data';
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
    const rows = await sheetRowStates(em, sheets.map((s) => ({ roundId: s.roundId, unitId: s.unitId, source: s.source, scorerUnitId: s.source === 'self' ? s.unitId : s.scorerUnitId })));
    const states = sheets.map(() => new Map<string, SelfRowState>());
    for (const r of rows) states[r.i - 1].set(r.criterionId, { filled: r.filled, declared: r.declared });
    const schemes = new Map<string, StoredCriterion[]>();
    for (const id of new Set(sheets.map((s) => s.schemeId))) schemes.set(id, await this.scoring.loadRows(em, id));
    return sheets.map((s, i) => {
      const criteria = schemes.get(s.schemeId)!;
      const c = completeness(criteria, applicability(criteria, s.unitId), states[i], new Set(), s.source === 'self');
      return { filled: c.filled, required: c.required };
    });
  }
}
