import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What a conference decided on an agenda item; all but the conclusion need a quorum. The leader records the
 * first four; `ballot_result` (a secret ballot's final result) and `seat_election` (next year's seats) are
 * written by the ballots module when it settles them in session.
 */
export type DecisionKind = 'adopt_plan' | 'adopt_rules' | 'open_signing' | 'conclusion' | 'ballot_result' | 'seat_election';
export const DECISION_KINDS: DecisionKind[] = ['adopt_plan', 'adopt_rules', 'open_signing', 'conclusion', 'ballot_result', 'seat_election'];
export type ManualDecisionKind = Exclude<DecisionKind, 'ballot_result' | 'seat_election'>;
export const MANUAL_DECISION_KINDS: ManualDecisionKind[] = ['adopt_plan', 'adopt_rules', 'open_signing', 'conclusion'];

@Entity({ name: 'conference_decisions' })
@Index('ix_conference_decisions_conference', ['conferenceId', 'createdAt'])
@Index('uq_conference_decisions_ref', ['conferenceId', 'kind', 'refId'], { unique: true, where: 'ref_id IS NOT NULL' })
@Check('ck_conference_decisions_kind', `kind IN ('adopt_plan','adopt_rules','open_signing','conclusion','ballot_result','seat_election')`)
@Check('ck_conference_decisions_quorum', `kind = 'conclusion' OR quorum_met`)
export class ConferenceDecision {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'conference_id', type: 'uuid' }) conferenceId: string;
  @Column({ name: 'agenda_item_id', type: 'uuid' }) agendaItemId: string;
  @Column({ type: 'varchar', length: 16 }) kind: DecisionKind;
  /** The plan/rules version adopted or the covenant opened for signing; null for a conclusion. */
  @Column({ name: 'ref_id', type: 'uuid', nullable: true }) refId: string | null;
  @Column({ type: 'text', default: '' }) text: string;
  /** The quorum at the moment of the decision. */
  @Column({ name: 'present_count', type: 'int' }) presentCount: number;
  @Column({ name: 'member_count', type: 'int' }) memberCount: number;
  @Column({ name: 'quorum_met', type: 'boolean' }) quorumMet: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
}
