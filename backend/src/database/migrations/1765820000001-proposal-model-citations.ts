import { MigrationInterface, QueryRunner } from 'typeorm';

/** A dossier's nominee cites entries of the exemplary-model register (news module) of its own unit. */
export class ProposalModelCitations1765820000001 implements MigrationInterface {
  name = 'ProposalModelCitations1765820000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE proposal_model_citations (
      proposal_id uuid NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
      unit_id uuid NOT NULL REFERENCES units(id),
      model_id uuid NOT NULL REFERENCES exemplary_models(id),
      sort int NOT NULL,
      cited_by uuid REFERENCES accounts(id),
      cited_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (proposal_id, unit_id, model_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE proposal_model_citations');
  }
}
