import { EvidenceFile } from './evidence-file.entity';
import { ReviewAssignment } from './review-assignment.entity';
import { RoundExplanation } from './round-explanation.entity';
import { RoundExtension } from './round-extension.entity';
import { RoundRankingRow } from './round-ranking-row.entity';
import { RoundSnapshot } from './round-snapshot.entity';
import { RoundTarget } from './round-target.entity';
import { ScoreEntry } from './score-entry.entity';
import { ScoringRound } from './scoring-round.entity';
import { SelfAssessment } from './self-assessment.entity';

/** Entities of the rounds module (registered in database/entities.ts). */
export const ROUNDS_ENTITIES: Function[] = [
  ScoringRound, RoundExtension, RoundTarget, SelfAssessment, ReviewAssignment, ScoreEntry, RoundExplanation, EvidenceFile, RoundSnapshot, RoundRankingRow,
];
