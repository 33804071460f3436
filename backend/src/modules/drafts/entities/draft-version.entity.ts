import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { RuleSet } from '@thidua/rules';
import type { DraftSection, DraftStatus, PlanData } from '../draft-content';

/**
 * Version n of a draft document. Only a `draft` version is editable (one at a time); `circulated` is frozen
 * for comments; `adopted` only through a conference decision; `superseded` once a later one replaces it.
 * `version` guards the title, plan data and rule set; each section carries its own `rev`.
 */
@Entity({ name: 'draft_versions' })
@Index('uq_draft_versions_document_number', ['documentId', 'number'], { unique: true })
@Check('ck_draft_versions_status', `"status" IN ('draft','circulated','adopted','superseded')`)
@Check('ck_draft_versions_number', `"number" >= 1`)
export class DraftVersion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId: string;
  @Column({ type: 'int' }) number: number;
  @Column({ type: 'varchar', length: 16 }) status: DraftStatus;
  @Column({ type: 'varchar', length: 500 }) title: string;
  @Column({ type: 'jsonb' }) sections: DraftSection[];
  @Column({ type: 'jsonb', nullable: true }) plan: PlanData | null;
  @Column({ name: 'rule_set', type: 'jsonb', nullable: true }) ruleSet: RuleSet | null;
  @Column({ name: 'content_hash', type: 'char', length: 64, nullable: true }) contentHash: string | null;
  @Column({ name: 'based_on_id', type: 'uuid', nullable: true }) basedOnId: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'circulated_at', type: 'timestamptz', nullable: true }) circulatedAt: Date | null;
  @Column({ name: 'circulated_by', type: 'uuid', nullable: true }) circulatedBy: string | null;
  @Column({ name: 'adopted_at', type: 'timestamptz', nullable: true }) adoptedAt: Date | null;
  @Column({ name: 'adopted_by', type: 'uuid', nullable: true }) adoptedBy: string | null;
  @Column({ name: 'adopted_conference_id', type: 'uuid', nullable: true }) adoptedConferenceId: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
