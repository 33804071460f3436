import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A unit's membership of a block in a year; a unit belongs to one block per year. */
@Entity({ name: 'block_year_members' })
@Index('uq_block_year_members_unit_year', ['unitId', 'year'], { unique: true })
export class BlockYearMember {
  @PrimaryColumn({ name: 'block_year_id', type: 'uuid' }) blockYearId: string;
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' }) unitId: string;
  /** Copied from the block year so the one-block-per-year rule is a plain UNIQUE constraint. */
  @Column({ type: 'int' }) year: number;
  @Column({ name: 'block_id', type: 'uuid' }) blockId: string;
}
