import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Material an agenda item presents: a plan version, a rules version or a covenant of the same block year. */
export type MaterialKind = 'plan_version' | 'rules_version' | 'covenant';
export const MATERIAL_KINDS: MaterialKind[] = ['plan_version', 'rules_version', 'covenant'];

export type AgendaItemStatus = 'pending' | 'current' | 'done';
export const AGENDA_ITEM_STATUSES: AgendaItemStatus[] = ['pending', 'current', 'done'];

/** One ordered item of a conference's agenda (the stepper walks them in conference mode). */
@Entity({ name: 'conference_agenda_items' })
@Index('uq_conference_agenda_items_current', ['conferenceId'], { unique: true, where: `status = 'current'` })
@Check('ck_conference_agenda_items_status', `status IN ('pending','current','done')`)
@Check('ck_conference_agenda_items_material_pair', `(material_kind IS NULL) = (material_id IS NULL)`)
export class ConferenceAgendaItem {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'conference_id', type: 'uuid' }) conferenceId: string;
  @Column({ type: 'int' }) sort: number;
  @Column({ type: 'varchar', length: 500 }) title: string;
  @Column({ type: 'varchar', length: 255, default: '' }) presenter: string;
  /** Summary of the discussion, taken down during the session; goes into the minutes. */
  @Column({ type: 'text', default: '' }) notes: string;
  @Column({ name: 'material_kind', type: 'varchar', length: 16, nullable: true }) materialKind: MaterialKind | null;
  @Column({ name: 'material_id', type: 'uuid', nullable: true }) materialId: string | null;
  @Column({ type: 'varchar', length: 16, default: 'pending' }) status: AgendaItemStatus;
}
