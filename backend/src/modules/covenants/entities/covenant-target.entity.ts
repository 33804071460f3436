import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Chỉ tiêu: a number one unit commits to; scoring uses it for `target` criteria. */
@Entity({ name: 'covenant_targets' })
@Index('uq_covenant_targets_unit_indicator', ['covenantId', 'unitId', 'indicator'], { unique: true })
@Check('ck_covenant_targets_value', `"target_value" >= 0`)
export class CovenantTarget {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'covenant_id', type: 'uuid' }) covenantId: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'varchar', length: 500 }) indicator: string;
  @Column({ name: 'unit_of_measure', type: 'varchar', length: 64 }) unitOfMeasure: string;
  /** numeric(14,2), returned by the driver as text. */
  @Column({ name: 'target_value', type: 'numeric', precision: 14, scale: 2 }) targetValue: string;
  @Column({ type: 'int' }) sort: number;
}
