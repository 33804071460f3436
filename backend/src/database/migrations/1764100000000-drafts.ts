import { MigrationInterface, QueryRunner } from 'typeorm';

/** Annual plan and rules drafts: documents, versions, sections, comments, plan activities. */
export class Drafts1764100000000 implements MigrationInterface {
  name = 'Drafts1764100000000';
  async up(_q: QueryRunner): Promise<void> {}
  async down(_q: QueryRunner): Promise<void> {}
}
