import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

export type Rsvp = 'pending' | 'confirmed' | 'declined';
export const RSVPS: Rsvp[] = ['pending', 'confirmed', 'declined'];
export type Presence = 'present' | 'absent' | 'excused';
export const PRESENCES: Presence[] = ['present', 'absent', 'excused'];

/** A member unit's invitation (who it says will attend) and its check-in on the day. */
@Entity({ name: 'conference_attendance' })
@Check('ck_conference_attendance_rsvp', `rsvp IN ('pending','confirmed','declined')`)
@Check('ck_conference_attendance_presence', `presence IS NULL OR presence IN ('present','absent','excused')`)
export class ConferenceAttendance {
  @PrimaryColumn({ name: 'conference_id', type: 'uuid' }) conferenceId: string;
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @Column({ type: 'varchar', length: 16, default: 'pending' }) rsvp: Rsvp;
  @Column({ name: 'rsvp_delegate', type: 'varchar', length: 255, default: '' }) rsvpDelegate: string;
  @Column({ name: 'rsvp_by', type: 'uuid', nullable: true }) rsvpBy: string | null;
  @Column({ name: 'rsvp_at', type: 'timestamptz', nullable: true }) rsvpAt: Date | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) presence: Presence | null;
  @Column({ name: 'delegate_name', type: 'varchar', length: 255, default: '' }) delegateName: string;
  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true }) checkedInAt: Date | null;
  @Column({ name: 'checked_in_by', type: 'uuid', nullable: true }) checkedInBy: string | null;
}
