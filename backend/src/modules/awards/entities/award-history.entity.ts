import { Check, Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/**
 * One award a unit received (lịch sử khen thưởng): from a council decision recorded by the board, or a
 * manual historical entry. A record: the only change it accepts is revocation (thu hồi), once; a revoked
 * award is never counted again (eligibility, bonuses, quotas).
 */
@Entity({ name: 'award_history' })
@Index('uq_award_history_active', ['unitId', 'year', 'code'], { unique: true, where: 'revoked_at IS NULL' })
@Index('ix_award_history_year_code', ['year', 'code'])
@Check('ck_award_history_source', `source IN ('decision','manual')`)
export class AwardHistory {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'int' }) year: number;
  @Column({ name: 'award_type_id', type: 'uuid' }) awardTypeId: string;
  @Column({ type: 'varchar', length: 32 }) code: string;
  /** The award's name as in the decision (the catalogue may be renamed later). */
  @Column({ name: 'award_name', type: 'varchar', length: 255 }) awardName: string;
  @Column({ name: 'decision_number', type: 'varchar', length: 64 }) decisionNumber: string;
  @Column({ name: 'decision_date', type: 'date' }) decisionDate: string;
  @Column({ type: 'varchar', length: 255 }) signer: string;
  @Column({ type: 'varchar', length: 16 }) source: 'decision' | 'manual';
  @Column({ name: 'proposal_id', type: 'uuid', nullable: true }) proposalId: string | null;
  @Column({ type: 'text', default: '' }) note: string;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ name: 'revoked_by', type: 'uuid', nullable: true }) revokedBy: string | null;
  @Column({ name: 'revocation_reason', type: 'text', nullable: true }) revocationReason: string | null;
  @Column({ name: 'revocation_decision_number', type: 'varchar', length: 64, nullable: true }) revocationDecisionNumber: string | null;
  @Column({ name: 'revocation_decision_date', type: 'date', nullable: true }) revocationDecisionDate: string | null;
  @VersionColumn() version: number;
}
