import { MigrationInterface, QueryRunner } from 'typeorm';

/** Conferences (hội nghị): agenda, invitations and attendance, decisions, minutes (biên bản). */
export class Conferences1764300000000 implements MigrationInterface {
  name = 'Conferences1764300000000';
  async up(_q: QueryRunner): Promise<void> {}
  async down(_q: QueryRunner): Promise<void> {}
}
