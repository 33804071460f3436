import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Đơn vị thành viên: a member agency; belongs to one block per year (see block_year_members). */
@Entity({ name: 'units' })
export class Unit {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 255, collation: 'vi-VN-x-icu' }) name: string;
  @Column({ name: 'short_name', type: 'varchar', length: 64, collation: 'vi-VN-x-icu' }) shortName: string;
  @Column({ name: 'parent_agency', type: 'varchar', length: 255, default: '' }) parentAgency: string;
  @Column({ type: 'varchar', length: 500, default: '' }) address: string;
  @Column({ type: 'varchar', length: 32, default: '' }) phone: string;
  @Column({ type: 'varchar', length: 255, default: '' }) email: string;
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
