import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ProposalEventKind = 'created' | 'submitted' | 'appraisal_started' | 'returned' | 'approved' | 'decision' | 'decided' | 'cancelled';

/** One step in a dossier's history (append-only: a trigger refuses updates and deletes). */
@Entity({ name: 'proposal_events' })
export class ProposalEvent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'proposal_id', type: 'uuid' }) proposalId: string;
  @Column({ type: 'int' }) seq: number;
  @Column({ type: 'varchar', length: 24 }) kind: ProposalEventKind;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_name', type: 'varchar', length: 255, default: '' }) actorName: string;
  @Column({ type: 'text', default: '' }) reason: string;
  @Column({ name: 'due_date', type: 'date', nullable: true }) dueDate: string | null;
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` }) detail: Record<string, unknown>;
}
