import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A unit proposed for an award, as elected by the block's ballot and frozen when the dossier is submitted. */
@Entity({ name: 'proposal_nominees' })
@Index('uq_proposal_nominees', ['proposalId', 'awardCode', 'unitId'], { unique: true })
export class ProposalNominee {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'proposal_id', type: 'uuid' }) proposalId: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ name: 'award_code', type: 'varchar', length: 32 }) awardCode: string;
  @Column({ name: 'award_name', type: 'varchar', length: 255 }) awardName: string;
  @Column({ name: 'ballot_id', type: 'uuid', nullable: true }) ballotId: string | null;
  @Column({ type: 'int' }) approvals: number;
  @Column({ type: 'numeric', precision: 6, scale: 2 }) percent: string;
  @Column({ type: 'int', nullable: true }) rank: number | null;
  @Column({ type: 'int' }) sort: number;
}
