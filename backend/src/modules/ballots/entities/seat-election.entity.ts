import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

/** Next year's leader (khối trưởng) and deputy (khối phó), elected at this block year's year-end conference. */
@Entity({ name: 'seat_elections' })
export class SeatElection {
  /** The year whose conference elected (next year's seats). */
  @PrimaryColumn({ name: 'block_year_id', type: 'uuid' }) blockYearId: string;
  @Column({ name: 'conference_id', type: 'uuid' }) conferenceId: string;
  @Column({ name: 'leader_unit_id', type: 'uuid' }) leaderUnitId: string;
  @Column({ name: 'deputy_unit_id', type: 'uuid', nullable: true }) deputyUnitId: string | null;
  /** Thứ tự luân phiên used for the suggestion, kept for the following years. */
  @Column({ name: 'rotation_order', type: 'uuid', array: true }) rotationOrder: string[];
  @Column({ name: 'present_count', type: 'int' }) presentCount: number;
  @Column({ name: 'member_count', type: 'int' }) memberCount: number;
  @Column({ type: 'text', default: '' }) note: string;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz' }) decidedAt: Date;
  @VersionColumn() version: number;
}
