import { Check, Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';

/**
 * Glossary:
 * - Bỏ phiếu kín: secret ballot; Vòng bầu lại: re-vote round (same series, round + 1)
 * - Phiếu điện tử / phiếu giấy: electronic ballot / paper ballots whose counted totals are entered
 */
export type BallotMode = 'electronic' | 'paper';
export const BALLOT_MODES: BallotMode[] = ['electronic', 'paper'];
export type BallotStatus = 'open' | 'closed';

/** A candidate as shown on the ballot paper (ứng viên): an eligible unit, in rank order. */
export interface BallotCandidate {
  unitId: string;
  name: string;
  rank: number | null;
  total: number | null;
}

/** Totals counted from paper ballots (kiểm phiếu giấy). */
export interface PaperCounts {
  issued: number;
  valid: number;
  invalid: number;
  approvals: Record<string, number>;
}

/** One round of a secret ballot for one award at a year-end conference. */
@Entity({ name: 'ballots' })
@Index('uq_ballots_series_round', ['seriesId', 'round'], { unique: true })
@Index('uq_ballots_open_award', ['blockYearId', 'awardCode'], { unique: true, where: `status = 'open'` })
@Check('ck_ballots_mode', `mode IN ('electronic','paper')`)
@Check('ck_ballots_status', `status IN ('open','closed')`)
export class Ballot {
  @PrimaryColumn('uuid') id: string;
  /** The first round's id; re-vote rounds share it. */
  @Column({ name: 'series_id', type: 'uuid' }) seriesId: string;
  @Column({ type: 'int' }) round: number;
  @Column({ name: 'conference_id', type: 'uuid' }) conferenceId: string;
  @Column({ name: 'block_year_id', type: 'uuid' }) blockYearId: string;
  @Column({ name: 'award_code', type: 'varchar', length: 32 }) awardCode: string;
  @Column({ name: 'award_name', type: 'varchar', length: 255 }) awardName: string;
  @Column({ type: 'varchar', length: 16 }) mode: BallotMode;
  @Column({ type: 'varchar', length: 16, default: 'open' }) status: BallotStatus;
  @Column({ type: 'jsonb' }) candidates: BallotCandidate[];
  /** Most candidates elected in this round. */
  @Column({ type: 'int' }) quota: number;
  @Column({ name: 'member_count', type: 'int' }) memberCount: number;
  /** The units present when the ballot opened: one ballot paper each. */
  @Column({ name: 'present_unit_ids', type: 'uuid', array: true }) presentUnitIds: string[];
  @Column({ name: 'threshold_percent', type: 'numeric', precision: 5, scale: 2 }) thresholdPercent: string;
  @Column({ name: 'threshold_base', type: 'varchar', length: 16 }) thresholdBase: 'members' | 'present';
  /** Electronic ballots: the ElGamal public key papers are encrypted to (crypto/paper-crypto.ts); fixed at opening. */
  @Column({ name: 'public_key', type: 'char', length: 64, nullable: true }) publicKey: string | null;
  @Column({ name: 'paper_counts', type: 'jsonb', nullable: true }) paperCounts: PaperCounts | null;
  /** The tally (TallyResult of rules/tally.ts), set when the ballot closes. */
  @Column({ type: 'jsonb', nullable: true }) result: Record<string, unknown> | null;
  @Column({ name: 'opened_by', type: 'uuid', nullable: true }) openedBy: string | null;
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt: Date;
  @Column({ name: 'closed_by', type: 'uuid', nullable: true }) closedBy: string | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @VersionColumn() version: number;
}
