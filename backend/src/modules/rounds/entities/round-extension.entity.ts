import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Gia hạn: a per-unit extension of the self-assessment deadline, with its reason. */
@Entity({ name: 'round_extensions' })
export class RoundExtension {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' }) roundId: string;
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'timestamptz' }) until: Date;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'granted_by', type: 'uuid', nullable: true }) grantedBy: string | null;
  @Column({ name: 'granted_at', type: 'timestamptz' }) grantedAt: Date;
}
