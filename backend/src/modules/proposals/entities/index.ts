import { ProposalDecision } from './proposal-decision.entity';
import { ProposalEvent } from './proposal-event.entity';
import { ProposalNominee } from './proposal-nominee.entity';
import { ProposalReport } from './proposal-report.entity';
import { ProposalSetting } from './proposal-setting.entity';
import { Proposal } from './proposal.entity';

/** Entities of the proposals module (registered in database/entities.ts). */
export const PROPOSALS_ENTITIES: Function[] = [Proposal, ProposalNominee, ProposalReport, ProposalEvent, ProposalDecision, ProposalSetting];

export { Proposal, ProposalDecision, ProposalEvent, ProposalNominee, ProposalReport, ProposalSetting };
