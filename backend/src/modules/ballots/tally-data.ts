import type { EntityManager } from 'typeorm';

/** The ballots module's SQL for the tally records (ballot_tally_records): the signed record of a series, its number, the heading it states. */

type Sql = Pick<EntityManager, 'query'>;

/** A signed tally record with the name of the account that signed it. */
export interface TallyRecordRow {
  seriesId: string;
  docNumber: string;
  sequence: number;
  chairName: string;
  memberNames: string[];
  contentHash: string;
  signedBy: string;
  signedByName: string | null;
  signedAt: Date;
}

/** The signed tally record of a series; undefined while unsigned. */
export async function tallyRecordOf(em: Sql, seriesId: string): Promise<TallyRecordRow | undefined> {
  const [r]: {
    series_id: string; doc_number: string; sequence: number; chair_name: string; member_names: string[]; content_hash: string; signed_by: string; signed_by_name: string | null; signed_at: Date;
  }[] = await em.query(
    `SELECT t.*, a.full_name AS signed_by_name FROM ballot_tally_records t LEFT JOIN accounts a ON a.id = t.signed_by WHERE t.series_id = $1`, [seriesId]);
  if (!r) return undefined;
  return {
    seriesId: r.series_id, docNumber: r.doc_number, sequence: r.sequence, chairName: r.chair_name, memberNames: r.member_names, contentHash: r.content_hash,
    signedBy: r.signed_by, signedByName: r.signed_by_name, signedAt: r.signed_at,
  };
}

/** The number of the series' signed tally record; undefined while unsigned. */
export async function signedRecordNumber(em: Sql, seriesId: string): Promise<string | undefined> {
  const [signed]: { doc_number: string }[] = await em.query('SELECT doc_number FROM ballot_tally_records WHERE series_id = $1', [seriesId]);
  return signed?.doc_number;
}

/** The block year's signed tally records: series and number. */
export async function yearTallyRecords(em: Sql, blockYearId: string): Promise<{ seriesId: string; docNumber: string }[]> {
  return em.query('SELECT series_id AS "seriesId", doc_number AS "docNumber" FROM ballot_tally_records WHERE block_year_id = $1', [blockYearId]);
}

/** Locks a series' first round (`FOR UPDATE`): one signature of its record at a time. */
export async function lockSeries(em: Sql, seriesId: string): Promise<void> {
  await em.query('SELECT id FROM ballots WHERE id = $1 FOR UPDATE', [seriesId]);
}

/** How many minutes the conference has (0 or 1) and the highest sequence the year's tally records hold. */
export async function tallySequenceCounts(em: Sql, blockYearId: string, conferenceId: string): Promise<{ own: number; records: number }> {
  const [row]: { own: number; records: number }[] = await em.query(
    `SELECT (SELECT count(*)::int FROM conference_minutes WHERE conference_id = $2) AS own,
            (SELECT coalesce(max(sequence), 0)::int FROM ballot_tally_records WHERE block_year_id = $1) AS records`, [blockYearId, conferenceId]);
  return row;
}

/** Stores the signed record (final: never updated); `signedAt` only for demo history (a past year's record), now otherwise. */
export async function insertTallyRecord(em: Sql, r: {
  seriesId: string; blockYearId: string; docNumber: string; sequence: number; chairName: string; memberNames: string[]; contentHash: string; signedBy: string; signedAt?: Date;
}): Promise<void> {
  await em.query(
    `INSERT INTO ballot_tally_records (series_id, block_year_id, doc_number, sequence, chair_name, member_names, content_hash, signed_by, signed_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,coalesce($9::timestamptz, now()))`,
    [r.seriesId, r.blockYearId, r.docNumber, r.sequence, r.chairName, JSON.stringify(r.memberNames), r.contentHash, r.signedBy, r.signedAt ?? null]);
}

/** What the tally record states of the series' block, year and conference. */
export async function tallyHeading(em: Sql, seriesId: string): Promise<{ blockName: string; blockCode: string; year: number; title: string; place: string }> {
  const [m]: { blockName: string; blockCode: string; year: number; title: string; place: string }[] = await em.query(
    `SELECT b.name AS "blockName", b.code AS "blockCode", y.year, c.title, c.place FROM ballots x JOIN block_years y ON y.id = x.block_year_id JOIN blocks b ON b.id = y.block_id
     JOIN conferences c ON c.id = x.conference_id WHERE x.id = $1`, [seriesId]);
  return m;
}
