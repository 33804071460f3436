import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type DecisionOutcome = 'awarded' | 'not_awarded';

/** Quyết định khen thưởng for one nominee: awarded (with the award history entry it wrote) or not awarded. */
@Entity({ name: 'proposal_decisions' })
export class ProposalDecision {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'proposal_id', type: 'uuid' }) proposalId: string;
  @Column({ name: 'nominee_id', type: 'uuid' }) nomineeId: string;
  @Column({ type: 'varchar', length: 16 }) outcome: DecisionOutcome;
  @Column({ name: 'decision_number', type: 'varchar', length: 64, nullable: true }) decisionNumber: string | null;
  @Column({ name: 'decision_date', type: 'date', nullable: true }) decisionDate: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) signer: string | null;
  @Column({ type: 'text', default: '' }) reason: string;
  @Column({ name: 'award_history_id', type: 'uuid', nullable: true }) awardHistoryId: string | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
}
