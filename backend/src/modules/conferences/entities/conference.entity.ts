import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Kinds of block meetings (docs/domain.md §2): launch and signing, mid-year review, year-end review, extraordinary. */
export type ConferenceKind = 'launch' | 'mid_year' | 'year_end' | 'extraordinary';
export const CONFERENCE_KINDS: ConferenceKind[] = ['launch', 'mid_year', 'year_end', 'extraordinary'];

/** planned → in_session (conference mode) → concluded. */
export type ConferenceStatus = 'planned' | 'in_session' | 'concluded';
export const CONFERENCE_STATUSES: ConferenceStatus[] = ['planned', 'in_session', 'concluded'];

/** A guest who is not a member unit, e.g. the board's representative. */
export interface ConferenceGuest {
  name: string;
  title: string;
  organization: string;
}

/** Hội nghị of a block year. */
@Entity({ name: 'conferences' })
@Index('ix_conferences_block_year', ['blockYearId', 'startsAt'])
@Check('ck_conferences_kind', `kind IN ('launch','mid_year','year_end','extraordinary')`)
@Check('ck_conferences_status', `status IN ('planned','in_session','concluded')`)
@Check('ck_conferences_ends_after_starts', `ends_at IS NULL OR ends_at > starts_at`)
export class Conference {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'block_year_id', type: 'uuid' }) blockYearId: string;
  @Column({ type: 'varchar', length: 16 }) kind: ConferenceKind;
  @Column({ type: 'varchar', length: 500 }) title: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true }) endsAt: Date | null;
  @Column({ type: 'varchar', length: 500 }) place: string;
  @Column({ name: 'chair_unit_id', type: 'uuid' }) chairUnitId: string;
  @Column({ name: 'co_chair_unit_id', type: 'uuid', nullable: true }) coChairUnitId: string | null;
  @Column({ name: 'chair_name', type: 'varchar', length: 255, default: '' }) chairName: string;
  @Column({ name: 'co_chair_name', type: 'varchar', length: 255, default: '' }) coChairName: string;
  @Column({ name: 'secretary_name', type: 'varchar', length: 255, default: '' }) secretaryName: string;
  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` }) guests: ConferenceGuest[];
  @Column({ type: 'varchar', length: 16, default: 'planned' }) status: ConferenceStatus;
  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true }) openedAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'text', default: '' }) conclusion: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
