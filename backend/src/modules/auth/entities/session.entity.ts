import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
@Entity({ name: 'sessions' })
export class Session {
  /** sha256(token), hex. */
  @PrimaryColumn({ type: 'char', length: 64 }) id: string;
  @Index('ix_sessions_account')
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @Column({ name: 'csrf_token', type: 'char', length: 64 }) csrfToken: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'varchar', length: 64, default: '' }) ip: string;
  @Column({ name: 'user_agent', type: 'varchar', length: 500, default: '' }) userAgent: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** Shown to the user to end this session; the id (token hash) never leaves the server. */
  @Column({ name: 'public_id', type: 'uuid', insert: false, update: false }) publicId: string;
  @Column({ name: 'last_seen_at', type: 'timestamptz', insert: false }) lastSeenAt: Date;
}
