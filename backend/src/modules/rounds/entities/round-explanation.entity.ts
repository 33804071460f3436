import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Giải trình: a unit's answer to lowered scores of one criterion. */
@Entity({ name: 'round_explanations' })
export class RoundExplanation {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' }) roundId: string;
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @PrimaryColumn({ name: 'criterion_id', type: 'uuid' }) criterionId: string;
  @Column({ type: 'text' }) text: string;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'int' }) version: number;
}
