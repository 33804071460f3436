import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An open electronic ballot's secret key, wrapped by the server's key (ballot-keys.ts); deleted once counted. */
@Entity({ name: 'ballot_keys' })
export class BallotKey {
  @PrimaryColumn({ name: 'ballot_id', type: 'uuid' }) ballotId: string;
  @Column({ type: 'text' }) wrapped: string;
}
