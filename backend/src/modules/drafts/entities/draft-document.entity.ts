import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { DraftKind } from '../draft-content';

/** One plan (kế hoạch) or rules (quy chế) document of a block year; its text lives in versions. */
@Entity({ name: 'draft_documents' })
@Index('uq_draft_documents_year_kind', ['blockYearId', 'kind'], { unique: true })
@Check('ck_draft_documents_kind', `"kind" IN ('plan','rules')`)
export class DraftDocument {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'block_year_id', type: 'uuid' }) blockYearId: string;
  @Column({ type: 'varchar', length: 8 }) kind: DraftKind;
  /** Number and symbol, e.g. "01/KH-KTĐ4". */
  @Column({ name: 'doc_number', type: 'varchar', length: 64 }) docNumber: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
