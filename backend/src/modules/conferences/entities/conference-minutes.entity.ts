import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { MinutesContent } from '../minutes';

export type MinutesStatus = 'draft' | 'approved';
export const MINUTES_STATUSES: MinutesStatus[] = ['draft', 'approved'];

/** Biên bản of a conference: drafted from it, edited while draft, approved by chair and secretary, then frozen. */
@Entity({ name: 'conference_minutes' })
@Check('ck_conference_minutes_status', `status IN ('draft','approved')`)
@Check('ck_conference_minutes_two_people', `chair_approved_by IS NULL OR secretary_approved_by IS NULL OR chair_approved_by <> secretary_approved_by`)
export class ConferenceMinutes {
  @PrimaryColumn({ name: 'conference_id', type: 'uuid' }) conferenceId: string;
  /** e.g. "01/BB-KTĐ4": numbered per block year. */
  @Column({ name: 'doc_number', type: 'varchar', length: 64 }) docNumber: string;
  @Column({ type: 'jsonb' }) content: MinutesContent;
  @Column({ type: 'varchar', length: 16, default: 'draft' }) status: MinutesStatus;
  @Column({ name: 'chair_approved_by', type: 'uuid', nullable: true }) chairApprovedBy: string | null;
  @Column({ name: 'chair_approved_at', type: 'timestamptz', nullable: true }) chairApprovedAt: Date | null;
  @Column({ name: 'secretary_approved_by', type: 'uuid', nullable: true }) secretaryApprovedBy: string | null;
  @Column({ name: 'secretary_approved_at', type: 'timestamptz', nullable: true }) secretaryApprovedAt: Date | null;
  /** SHA-256 of the canonical JSON of the approved content. */
  @Column({ name: 'content_hash', type: 'char', length: 64, nullable: true }) contentHash: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
