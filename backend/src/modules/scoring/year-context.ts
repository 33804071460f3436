import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { AppError } from '../../common/app-error';
import { loadYearContext, membersOf, type YearContext } from '../../common/scope/year-context';
import { defaultRuleSet } from '@thidua/rules';

/** A block year as the scoring modules see it: the common context, with every rule-set key filled in. */
export type ScoringYear = Omit<YearContext, 'legalBasis'>;

/** Loads the year and the actor's seat and membership; a missing year is a 404 (or `missing` when given). */
export async function loadScoringYear(em: EntityManager, blockYearId: string, actor: Pick<Actor, 'unitId'> | null, missing?: () => Error): Promise<ScoringYear> {
  let year: YearContext;
  try {
    year = await loadYearContext(em, blockYearId, actor);
  } catch (e) {
    if (missing && e instanceof AppError && e.statusCode === 404) throw missing();
    throw e;
  }
  const { legalBasis: _legalBasis, ...rest } = year;
  return { ...rest, rules: { ...defaultRuleSet(), ...(year.rules ?? {}) } };
}

/** Member units of a year, ordered by name (Vietnamese collation). */
export const yearMembers = membersOf;
