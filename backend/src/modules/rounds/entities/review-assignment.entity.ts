import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Chấm chéo: one unit (reviewer) scores another (reviewee); never itself. */
@Entity({ name: 'review_assignments' })
@Index('ix_review_assignments_reviewee', ['roundId', 'revieweeUnitId'])
@Check('ck_review_assignments_not_own_unit', `reviewer_unit_id <> reviewee_unit_id`)
export class ReviewAssignment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId: string;
  @Column({ name: 'reviewer_unit_id', type: 'uuid' }) reviewerUnitId: string;
  @Column({ name: 'reviewee_unit_id', type: 'uuid' }) revieweeUnitId: string;
  @Column({ type: 'varchar', length: 16, default: 'active' }) status: 'active' | 'recused';
  @Column({ name: 'recusal_reason', type: 'text', default: '' }) recusalReason: string;
  @Column({ name: 'recused_at', type: 'timestamptz', nullable: true }) recusedAt: Date | null;
  @Column({ name: 'recused_by', type: 'uuid', nullable: true }) recusedBy: string | null;
  @Column({ name: 'replaced_by_id', type: 'uuid', nullable: true }) replacedById: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
