import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Khối thi đua (kind `khoi`: similar functions) or cụm thi đua (kind `cum`: similar area). */
export type BlockKind = 'khoi' | 'cum';
export const BLOCK_KINDS: BlockKind[] = ['khoi', 'cum'];

@Entity({ name: 'blocks' })
@Check('ck_blocks_kind', `"kind" IN ('khoi','cum')`)
export class Block {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_blocks_code', { unique: true })
  @Column({ type: 'varchar', length: 32 }) code: string;
  @Column({ type: 'varchar', length: 255, collation: 'vi-VN-x-icu' }) name: string;
  @Column({ type: 'varchar', length: 8 }) kind: BlockKind;
  @Column({ type: 'text', default: '' }) description: string;
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
