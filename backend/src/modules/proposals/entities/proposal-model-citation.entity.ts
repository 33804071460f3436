import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An entry of the exemplary-model register (news module) that a dossier cites for one of its nominees. */
@Entity({ name: 'proposal_model_citations' })
export class ProposalModelCitation {
  @PrimaryColumn({ name: 'proposal_id', type: 'uuid' }) proposalId: string;
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @PrimaryColumn({ name: 'model_id', type: 'uuid' }) modelId: string;
  @Column({ type: 'int' }) sort: number;
  @Column({ name: 'cited_by', type: 'uuid', nullable: true }) citedBy: string | null;
  @Column({ name: 'cited_at', type: 'timestamptz' }) citedAt: Date;
}
