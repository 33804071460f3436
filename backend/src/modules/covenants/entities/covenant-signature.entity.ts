import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One unit's signature: who signed, for which unit, when, from where, and the content hash signed. Append-only. */
@Entity({ name: 'covenant_signatures' })
@Index('uq_covenant_signatures_unit', ['covenantId', 'unitId'], { unique: true })
export class CovenantSignature {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'covenant_id', type: 'uuid' }) covenantId: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ name: 'signer_id', type: 'uuid' }) signerId: string;
  @Column({ name: 'signer_name', type: 'varchar', length: 255 }) signerName: string;
  @Column({ name: 'signer_title', type: 'varchar', length: 255 }) signerTitle: string;
  @Column({ name: 'signed_at', type: 'timestamptz' }) signedAt: Date;
  @Column({ type: 'varchar', length: 64 }) ip: string;
  @Column({ name: 'user_agent', type: 'varchar', length: 500 }) userAgent: string;
  @Column({ name: 'content_hash', type: 'char', length: 64 }) contentHash: string;
}
