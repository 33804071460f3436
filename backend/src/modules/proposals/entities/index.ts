import { ProposalDecision } from './proposal-decision.entity';
import { ProposalEvent } from './proposal-event.entity';
import { ProposalNominee } from './proposal-nominee.entity';
import { ProposalReport } from './proposal-report.entity';
import { ProposalSetting } from './proposal-setting.entity';
import { Proposal } from './proposal.entity';
import { WorkCalendarDay } from './work-calendar-day.entity';

/** Entities of the proposals module (registered in database/entities.ts). */
export const PROPOSALS_ENTITIES: Function[] = [Proposal, ProposalNominee, ProposalReport, ProposalEvent, ProposalDecision, ProposalSetting, WorkCalendarDay];

export { Proposal, ProposalDecision, ProposalEvent, ProposalNominee, ProposalReport, ProposalSetting, WorkCalendarDay };
