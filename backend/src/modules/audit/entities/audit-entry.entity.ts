import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only audit log; the ledger sealer gives each row its place in a signed Merkle tree (see ledger_leaves). */
@Entity({ name: 'audit_entries' })
@Index('ix_audit_entity', ['entityType', 'entityId'])
@Index('ix_audit_occurred', ['occurredAt'])
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_name', type: 'varchar', length: 255, default: '' }) actorName: string;
  @Column({ type: 'varchar', length: 64 }) action: string;
  @Column({ name: 'entity_type', type: 'varchar', length: 64 }) entityType: string;
  @Column({ name: 'entity_id', type: 'varchar', length: 64, nullable: true }) entityId: string | null;
  @Column({ name: 'block_id', type: 'uuid', nullable: true }) blockId: string | null;
  @Column({ type: 'jsonb', nullable: true }) before: unknown;
  @Column({ type: 'jsonb', nullable: true }) after: unknown;
  @Column({ type: 'text', default: '' }) reason: string;
  /** The HTTP request that wrote the entry (X-Request-Id, also in the request's log lines); null for background work. */
  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true }) requestId: string | null;
}
