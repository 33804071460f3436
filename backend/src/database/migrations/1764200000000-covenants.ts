import { MigrationInterface, QueryRunner } from 'typeorm';

/** Covenants (giao ước thi đua): versions, per-unit targets, signatures. */
export class Covenants1764200000000 implements MigrationInterface {
  name = 'Covenants1764200000000';
  async up(_q: QueryRunner): Promise<void> {}
  async down(_q: QueryRunner): Promise<void> {}
}
