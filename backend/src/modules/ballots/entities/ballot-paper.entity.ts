import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EncryptedPaper } from '../crypto/paper-crypto';

/**
 * One cast paper of an electronic ballot: ciphertexts and proofs only (crypto/paper-crypto.ts). A random id,
 * no timestamp, nothing naming the voter; inserted once, never changed.
 */
@Entity({ name: 'ballot_papers' })
export class BallotPaper {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'ballot_id', type: 'uuid' }) ballotId: string;
  @Column({ type: 'jsonb' }) paper: EncryptedPaper;
  /** Biên nhận: SHA-256 of the paper, published in the tally record. */
  @Column({ type: 'char', length: 64 }) receipt: string;
}
