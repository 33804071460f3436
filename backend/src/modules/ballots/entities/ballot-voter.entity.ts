import { Column, Entity, PrimaryColumn } from 'typeorm';

/** That a unit voted (public), never what: the paper is in the ballot box with nothing tying it here. */
@Entity({ name: 'ballot_voters' })
export class BallotVoter {
  @PrimaryColumn({ name: 'ballot_id', type: 'uuid' }) ballotId: string;
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ name: 'voted_by', type: 'uuid' }) votedBy: string;
  @Column({ name: 'voted_at', type: 'timestamptz' }) votedAt: Date;
}
