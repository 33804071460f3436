import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Hòm phiếu: every paper of one electronic ballot, each the sorted list of approved candidate unit ids,
 * in a shuffled order rewritten at every cast. Papers have no id, timestamp or row of their own.
 */
@Entity({ name: 'ballot_boxes' })
export class BallotBox {
  @PrimaryColumn({ name: 'ballot_id', type: 'uuid' }) ballotId: string;
  @Column({ type: 'jsonb' }) papers: string[][];
}
