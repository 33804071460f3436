import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { BlockYearStatus } from '../../../domain/year-status';
import type { LegalInstrument, RuleSet } from '@thidua/rules';

/** One block's year: members, the leader (khối trưởng) and deputy (khối phó) seats, legal basis and rule set. */
@Entity({ name: 'block_years' })
@Index('uq_block_years_block_year', ['blockId', 'year'], { unique: true })
@Check('ck_block_years_year', `"year" BETWEEN 2000 AND 2100`)
@Check('ck_block_years_seats_differ', `"leader_unit_id" IS NULL OR "deputy_unit_id" IS NULL OR "leader_unit_id" <> "deputy_unit_id"`)
export class BlockYear {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'block_id', type: 'uuid' }) blockId: string;
  @Column({ type: 'int' }) year: number;
  @Column({ name: 'leader_unit_id', type: 'uuid', nullable: true }) leaderUnitId: string | null;
  @Column({ name: 'deputy_unit_id', type: 'uuid', nullable: true }) deputyUnitId: string | null;
  @Column({ type: 'varchar', length: 16, default: 'setup' }) status: BlockYearStatus;
  @Column({ name: 'legal_basis', type: 'jsonb', default: () => `'[]'::jsonb` }) legalBasis: LegalInstrument[];
  @Column({ type: 'jsonb' }) rules: RuleSet;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
