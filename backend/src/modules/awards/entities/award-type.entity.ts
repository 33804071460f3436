import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * One award of a year's catalogue (danh mục hình thức khen thưởng), kept by the board: its eligibility
 * gates, per-block and city-wide quotas, and the bonus points it gives next year.
 */
@Entity({ name: 'award_types' })
@Index('uq_award_types_year_code', ['year', 'code'], { unique: true })
@Check('ck_award_types_year', `"year" BETWEEN 2000 AND 2100`)
@Check('ck_award_types_city_quota', `city_quota IS NULL OR city_quota >= 0`)
@Check('ck_award_types_bonus', `bonus_points >= 0`)
export class AwardType {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'int' }) year: number;
  /** gov_flag, city_flag, city_merit, or a code the board adds. */
  @Column({ type: 'varchar', length: 32 }) code: string;
  @Column({ type: 'varchar', length: 255, collation: 'vi-VN-x-icu' }) name: string;
  /** Top N gate: 'count' or 'percent' of member units; null: no rank gate. */
  @Column({ name: 'top_n_kind', type: 'varchar', length: 8, nullable: true }) topNKind: 'count' | 'percent' | null;
  @Column({ name: 'top_n_value', type: 'numeric', precision: 7, scale: 2, nullable: true }) topNValue: string | null;
  @Column({ name: 'required_title', type: 'varchar', length: 255, nullable: true, collation: 'vi-VN-x-icu' }) requiredTitle: string | null;
  @Column({ name: 'block_quota_kind', type: 'varchar', length: 8 }) blockQuotaKind: 'count' | 'percent';
  @Column({ name: 'block_quota_value', type: 'numeric', precision: 7, scale: 2 }) blockQuotaValue: string;
  /** City-wide limit (a count); null: none. */
  @Column({ name: 'city_quota', type: 'int', nullable: true }) cityQuota: number | null;
  @Column({ name: 'bonus_points', type: 'numeric', precision: 7, scale: 2, default: 0 }) bonusPoints: string;
  @Column({ type: 'int', default: 0 }) sort: number;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
