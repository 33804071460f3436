import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Danh hiệu thi đua of a unit for a year, e.g. "Tập thể lao động xuất sắc" (law art. 27), with its decision. */
@Entity({ name: 'unit_titles' })
@Index('ix_unit_titles_year', ['year'])
@Check('ck_unit_titles_year', `"year" BETWEEN 2000 AND 2100`)
@Check('ck_unit_titles_title', `btrim(title) <> ''`)
export class UnitTitle {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'int' }) year: number;
  @Column({ type: 'varchar', length: 255, collation: 'vi-VN-x-icu' }) title: string;
  @Column({ name: 'decision_number', type: 'varchar', length: 64, default: '' }) decisionNumber: string;
  @Column({ name: 'decision_date', type: 'date', nullable: true }) decisionDate: string | null;
  @Column({ type: 'text', default: '' }) note: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
