import { MigrationInterface, QueryRunner } from 'typeorm';

/** Scoring rounds (đợt chấm điểm): self-assessments, evidence, reviews, explanations, final scores, snapshots. */
export class Rounds1764500000000 implements MigrationInterface {
  name = 'Rounds1764500000000';
  async up(_q: QueryRunner): Promise<void> {}
  async down(_q: QueryRunner): Promise<void> {}
}
