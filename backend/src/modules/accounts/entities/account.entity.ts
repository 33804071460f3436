import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Role } from '../../../common/actor';

@Entity({ name: 'accounts' })
@Check('ck_accounts_role', `"role" IN ('admin','board','officer','unit_head')`)
@Check('ck_accounts_unit_for_unit_roles', `("role" IN ('admin','board')) OR "unit_id" IS NOT NULL`)
export class Account {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'full_name', type: 'varchar', length: 255, collation: 'vi-VN-x-icu' }) fullName: string;
  /** Stored lower-case. */
  @Index('uq_accounts_email', { unique: true })
  @Column({ type: 'varchar', length: 255 }) email: string;
  @Column({ type: 'varchar', length: 16 }) role: Role;
  @Index('ix_accounts_unit')
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId: string | null;
  @Column({ type: 'varchar', length: 255, default: '' }) title: string;
  @Column({ name: 'password_hash', type: 'varchar', length: 255, select: false }) passwordHash: string;
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
