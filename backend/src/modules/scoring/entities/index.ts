import { ScoringCriterion } from './scoring-criterion.entity';
import { ScoringScheme } from './scoring-scheme.entity';

/** Entities of the scoring module (registered in database/entities.ts). */
export const SCORING_ENTITIES: Function[] = [ScoringScheme, ScoringCriterion];
export { ScoringCriterion, ScoringScheme };
