import { ConferenceAgendaItem } from './conference-agenda-item.entity';
import { ConferenceAttendance } from './conference-attendance.entity';
import { ConferenceDecision } from './conference-decision.entity';
import { ConferenceMinutes } from './conference-minutes.entity';
import { Conference } from './conference.entity';

/** Entities of the conferences module (registered in database/entities.ts). */
export const CONFERENCES_ENTITIES: Function[] = [Conference, ConferenceAgendaItem, ConferenceAttendance, ConferenceDecision, ConferenceMinutes];
