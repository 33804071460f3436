import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A member unit's comment on one section of a circulated version; `parentId` threads replies. */
@Entity({ name: 'draft_comments' })
@Index('ix_draft_comments_version_section', ['versionId', 'sectionKey'])
export class DraftComment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId: string;
  @Column({ name: 'section_key', type: 'varchar', length: 64 }) sectionKey: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId: string | null;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ type: 'text' }) body: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @Column({ name: 'resolved_by', type: 'uuid', nullable: true }) resolvedBy: string | null;
}
