import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * Where a dossier stands (docs/domain.md §3): draft (the leader seat assembles it) → submitted (the leader
 * unit's head sends it) → under_appraisal (the board checks it) → returned (with a reason; the block fixes
 * and resubmits) or approved → decided (every nominee has the council's decision). A draft or returned
 * dossier may be cancelled (kept as history) so the block can start a new one.
 */
export type ProposalStatus = 'draft' | 'submitted' | 'under_appraisal' | 'returned' | 'approved' | 'decided' | 'cancelled';
export const PROPOSAL_STATUSES: ProposalStatus[] = ['draft', 'submitted', 'under_appraisal', 'returned', 'approved', 'decided', 'cancelled'];

/** Hồ sơ đề nghị khen thưởng of a block year, with its submission letter (tờ trình, TTr). */
@Entity({ name: 'proposals' })
@Index('ix_proposals_block_year', ['blockYearId', 'createdAt'])
@Check('ck_proposals_status', `status IN ('draft','submitted','under_appraisal','returned','approved','decided','cancelled')`)
export class Proposal {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'block_year_id', type: 'uuid' }) blockYearId: string;
  @Column({ type: 'varchar', length: 16, default: 'draft' }) status: ProposalStatus;
  /** e.g. "05/TTr-KTĐ4". */
  @Column({ name: 'letter_number', type: 'varchar', length: 64 }) letterNumber: string;
  @Column({ name: 'letter_date', type: 'date', nullable: true }) letterDate: string | null;
  /** "Kính gửi: …". */
  @Column({ name: 'letter_recipient', type: 'varchar', length: 500 }) letterRecipient: string;
  @Column({ name: 'letter_paragraphs', type: 'jsonb', default: () => `'[]'::jsonb` }) letterParagraphs: string[];
  @Column({ name: 'letter_closing', type: 'text', default: '' }) letterClosing: string;
  @Column({ name: 'signer_name', type: 'varchar', length: 255, default: '' }) signerName: string;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true }) submittedBy: string | null;
  /** Thời hạn thẩm định: the last submission date + the year's appraisal working days. */
  @Column({ name: 'due_date', type: 'date', nullable: true }) dueDate: string | null;
  @Column({ name: 'appraisal_working_days', type: 'int', nullable: true }) appraisalWorkingDays: number | null;
  @Column({ name: 'appraisal_started_at', type: 'timestamptz', nullable: true }) appraisalStartedAt: Date | null;
  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true }) returnedAt: Date | null;
  @Column({ name: 'return_reason', type: 'text', default: '' }) returnReason: string;
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt: Date | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ name: 'cancel_reason', type: 'text', default: '' }) cancelReason: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
