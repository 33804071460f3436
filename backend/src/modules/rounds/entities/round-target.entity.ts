import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numeric } from '../../scoring/entities/numeric';

/** Chỉ tiêu entered for the round (when the covenant has none, or to correct it): a unit's target T for a target criterion. */
@Entity({ name: 'round_targets' })
export class RoundTarget {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' }) roundId: string;
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @PrimaryColumn({ name: 'criterion_id', type: 'uuid' }) criterionId: string;
  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numeric }) target: number;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
