import { ProposalDecision } from './proposal-decision.entity';
import { ProposalEvent } from './proposal-event.entity';
import { ProposalModelCitation } from './proposal-model-citation.entity';
import { ProposalNominee } from './proposal-nominee.entity';
import { ProposalReport } from './proposal-report.entity';
import { ProposalSetting } from './proposal-setting.entity';
import { Proposal } from './proposal.entity';
import { WorkCalendarDay } from './work-calendar-day.entity';

/** Entities of the proposals module (registered in database/entities.ts). */
export const PROPOSALS_ENTITIES: Function[] = [Proposal, ProposalNominee, ProposalReport, ProposalEvent, ProposalDecision, ProposalSetting, WorkCalendarDay, ProposalModelCitation];

export { Proposal, ProposalDecision, ProposalEvent, ProposalModelCitation, ProposalNominee, ProposalReport, ProposalSetting, WorkCalendarDay };
