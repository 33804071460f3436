import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Kỷ luật: a disciplinary flag against a unit for a year; it bars the unit from the year's awards. */
@Entity({ name: 'unit_discipline_flags' })
@Index('ix_unit_discipline_flags_year_unit', ['year', 'unitId'])
@Check('ck_unit_discipline_flags_year', `"year" BETWEEN 2000 AND 2100`)
@Check('ck_unit_discipline_flags_reason', `btrim(reason) <> ''`)
export class UnitDisciplineFlag {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'int' }) year: number;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'decision_number', type: 'varchar', length: 64, default: '' }) decisionNumber: string;
  @Column({ name: 'decision_date', type: 'date', nullable: true }) decisionDate: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
