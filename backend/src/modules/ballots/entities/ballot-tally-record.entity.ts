import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Biên bản kiểm phiếu of a ballot series, signed off by the tally committee (ban kiểm phiếu); final once signed. */
@Entity({ name: 'ballot_tally_records' })
export class BallotTallyRecord {
  @PrimaryColumn({ name: 'series_id', type: 'uuid' }) seriesId: string;
  @Column({ name: 'block_year_id', type: 'uuid' }) blockYearId: string;
  /** e.g. "03/BB-KTĐ4". */
  @Column({ name: 'doc_number', type: 'varchar', length: 64 }) docNumber: string;
  @Column({ type: 'int' }) sequence: number;
  /** Trưởng ban kiểm phiếu. */
  @Column({ name: 'chair_name', type: 'varchar', length: 255 }) chairName: string;
  /** Thành viên ban kiểm phiếu. */
  @Column({ name: 'member_names', type: 'jsonb' }) memberNames: string[];
  /** SHA-256 of the canonical tally data the committee signed. */
  @Column({ name: 'content_hash', type: 'char', length: 64 }) contentHash: string;
  @Column({ name: 'signed_by', type: 'uuid' }) signedBy: string;
  @Column({ name: 'signed_at', type: 'timestamptz' }) signedAt: Date;
}
