import { MigrationInterface, QueryRunner } from 'typeorm';

/** Searches in Vietnamese match with or without diacritics ("Khoi thi dua so 4" finds "Khối thi đua số 4"). */
export class Unaccent1765550000000 implements MigrationInterface {
  name = 'Unaccent1765550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS unaccent');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP EXTENSION IF EXISTS unaccent');
  }
}
