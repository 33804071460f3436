import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Báo cáo thành tích: a nominee unit's achievement report, typed by its content and stored with its SHA-256. */
@Entity({ name: 'proposal_reports' })
@Check('ck_proposal_reports_sha256', `sha256 ~ '^[0-9a-f]{64}$'`)
export class ProposalReport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'proposal_id', type: 'uuid' }) proposalId: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'varchar', length: 255 }) filename: string;
  @Column({ name: 'mime_type', type: 'varchar', length: 128 }) mimeType: string;
  @Column({ name: 'size_bytes', type: 'int' }) sizeBytes: number;
  @Column({ type: 'char', length: 64 }) sha256: string;
  @Column({ type: 'bytea', select: false }) content: Buffer;
  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true }) uploadedBy: string | null;
  @Column({ name: 'uploaded_at', type: 'timestamptz' }) uploadedAt: Date;
  /** Set when a newer report of the same unit replaces this one. */
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true }) supersededAt: Date | null;
}
