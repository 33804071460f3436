import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Minh chứng: a file attached to a criterion, stored with its SHA-256; its type decided by its content. */
@Entity({ name: 'evidence_files' })
@Index('ix_evidence_files_criterion', ['roundId', 'unitId', 'criterionId'])
@Check('ck_evidence_files_sha256', `sha256 ~ '^[0-9a-f]{64}$'`)
export class EvidenceFile {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ name: 'criterion_id', type: 'uuid' }) criterionId: string;
  @Column({ type: 'varchar', length: 16 }) purpose: 'self' | 'explanation';
  @Column({ type: 'varchar', length: 255 }) filename: string;
  @Column({ name: 'mime_type', type: 'varchar', length: 128 }) mimeType: string;
  @Column({ name: 'size_bytes', type: 'int' }) sizeBytes: number;
  @Column({ type: 'char', length: 64 }) sha256: string;
  @Column({ type: 'bytea', select: false }) content: Buffer;
  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true }) uploadedBy: string | null;
  @Column({ name: 'uploaded_at', type: 'timestamptz' }) uploadedAt: Date;
}
