import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The signed record of a finalisation: the ranking, the SHA-256 of every score row, and their digest. */
@Entity({ name: 'round_snapshots' })
@Index('uq_round_snapshots_seq', ['roundId', 'seq'], { unique: true })
export class RoundSnapshot {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId: string;
  @Column({ type: 'int' }) seq: number;
  @Column({ name: 'finalised_at', type: 'timestamptz' }) finalisedAt: Date;
  @Column({ name: 'finalised_by', type: 'uuid', nullable: true }) finalisedBy: string | null;
  @Column({ type: 'jsonb' }) ranking: unknown;
  @Column({ name: 'row_hashes', type: 'jsonb' }) rowHashes: { id: string; sha256: string }[];
  @Column({ type: 'char', length: 64 }) digest: string;
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true }) supersededAt: Date | null;
  @Column({ name: 'superseded_by', type: 'uuid', nullable: true }) supersededBy: string | null;
  @Column({ name: 'reopen_reason', type: 'text', default: '' }) reopenReason: string;
}
