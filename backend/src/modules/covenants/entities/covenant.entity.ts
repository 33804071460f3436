import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { CovenantStatus } from '../covenant-rules';

/**
 * Giao ước thi đua of a block year, version `number`. Opening signing (a conference decision) freezes the
 * content and stores its SHA-256; when every member unit's head has signed it is in force and the final
 * PDF is stored with its own SHA-256. An amendment is a new covenant (`amendsId`) signed again by all.
 */
@Entity({ name: 'covenants' })
@Index('uq_covenants_year_number', ['blockYearId', 'number'], { unique: true })
@Check('ck_covenants_status', `"status" IN ('draft','signing','in_force','superseded')`)
export class Covenant {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'block_year_id', type: 'uuid' }) blockYearId: string;
  @Column({ type: 'int' }) number: number;
  @Column({ type: 'varchar', length: 16 }) status: CovenantStatus;
  @Column({ type: 'varchar', length: 500 }) title: string;
  @Column({ type: 'jsonb' }) goals: string[];
  @Column({ type: 'jsonb' }) commitments: string[];
  @Column({ name: 'content_hash', type: 'char', length: 64, nullable: true }) contentHash: string | null;
  @Column({ name: 'based_on_plan_version_id', type: 'uuid', nullable: true }) basedOnPlanVersionId: string | null;
  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true }) openedAt: Date | null;
  @Column({ name: 'opened_by', type: 'uuid', nullable: true }) openedBy: string | null;
  @Column({ name: 'opened_conference_id', type: 'uuid', nullable: true }) openedConferenceId: string | null;
  @Column({ name: 'in_force_at', type: 'timestamptz', nullable: true }) inForceAt: Date | null;
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true }) supersededAt: Date | null;
  @Column({ name: 'amends_id', type: 'uuid', nullable: true }) amendsId: string | null;
  @Column({ name: 'document_sha256', type: 'char', length: 64, nullable: true }) documentSha256: string | null;
  /** The PDF frozen when the covenant came into force. */
  @Column({ type: 'bytea', nullable: true, select: false }) document: Buffer | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
