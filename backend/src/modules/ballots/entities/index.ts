import { BallotKey } from './ballot-key.entity';
import { BallotPaper } from './ballot-paper.entity';
import { BallotTallyRecord } from './ballot-tally-record.entity';
import { BallotVoter } from './ballot-voter.entity';
import { Ballot } from './ballot.entity';
import { SeatElection } from './seat-election.entity';

/** Entities of the ballots module (registered in database/entities.ts). */
export const BALLOTS_ENTITIES: Function[] = [Ballot, BallotVoter, BallotPaper, BallotKey, BallotTallyRecord, SeatElection];
