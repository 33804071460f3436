import { MigrationInterface, QueryRunner } from 'typeorm';

/** Scoring schemes (biểu chấm điểm): versions and the criteria tree. */
export class Scoring1764400000000 implements MigrationInterface {
  name = 'Scoring1764400000000';
  async up(_q: QueryRunner): Promise<void> {}
  async down(_q: QueryRunner): Promise<void> {}
}
