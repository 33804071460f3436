import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One unit's place in a finalised round (from its snapshot in force): what overviews read instead of the JSON. */
@Entity({ name: 'round_ranking_rows' })
@Index('ix_round_ranking_rows_rank', ['roundId', 'rank'])
export class RoundRankingRow {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' }) roundId: string;
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ name: 'snapshot_id', type: 'uuid' }) snapshotId: string;
  @Column({ type: 'int' }) rank: number;
  @Column({ name: 'unit_name', type: 'varchar', length: 255 }) unitName: string;
  @Column({ type: 'numeric', precision: 12, scale: 2 }) total: string;
}
