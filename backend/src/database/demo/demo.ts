import { DataSource } from 'typeorm';
import { insertDemoAccount } from './accounts';
import { AuditService } from '../../modules/audit/audit.service';
import { hashPassword } from '../../modules/auth/password';
import { seedAwardsDemo } from './awards';
import { seedBallotsDemo } from './ballots';
import { insertDemoBlockYear } from './block-years';
import { insertDemoBlock } from './blocks';
import { demoActor } from './demo-ids';
import { seedProposalsDemo } from './proposals';
import { seedPlannedYearEndConference } from './conferences';
import { seedRoundsDemo } from './rounds';
import { seedScoringDemo } from './scoring';
import { seedNewsDemo } from './news';
import { seedStartOfYearDemo } from './start-of-year';
import { insertDemoUnit } from './units';
import { DEMO_ACCOUNTS, DEMO_BLOCKS, DEMO_PASSWORD, DEMO_UNITS } from './demo-data';

const MARK = 'demo_loaded_at';

/** Loads the demo once into an empty database; later starts leave people's changes alone. */
export async function loadDemoOnce(ds: DataSource): Promise<boolean> {
  return ds.transaction(async (em) => {
    await em.query('LOCK TABLE app_meta IN EXCLUSIVE MODE');
    const [mark] = await em.query('SELECT value FROM app_meta WHERE key = $1', [MARK]);
    const [{ count }] = await em.query('SELECT count(*)::int AS count FROM accounts');
    if (mark || count > 0) return false;

    const unitIds = new Map<string, string>();
    const blockYearIds = new Map<string, string>();
    for (const unit of DEMO_UNITS) {
      unitIds.set(unit.key, await insertDemoUnit(em, unit));
    }
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const a of DEMO_ACCOUNTS) {
      await insertDemoAccount(em, { fullName: a.fullName, email: a.email, role: a.role, unitId: a.unit ? unitIds.get(a.unit)! : null, title: a.title, passwordHash: hash });
    }
    // The board (Ban TĐKT TP) moves each year to where the story has it.
    const board = await demoActor(em, DEMO_ACCOUNTS.find((a) => a.role === 'board')!.email);
    for (const block of DEMO_BLOCKS) {
      const blockId = await insertDemoBlock(em, block);
      for (const y of block.years) {
        const id = await insertDemoBlockYear(em, board, {
          blockId, year: y.year, leaderUnitId: unitIds.get(y.leader) ?? null, deputyUnitId: unitIds.get(y.deputy) ?? null,
          status: y.year < 2025 || y.inProgress ? 'in_progress' : 'planning', memberIds: block.units.map((key) => unitIds.get(key)!),
        });
        blockYearIds.set(`${block.code}/${y.year}`, id);
      }
    }
    // The start of the year of Khối thi đua số 4, told as in the seed article: 2024 complete, 2025 under way.
    const k4 = { 2024: blockYearIds.get('KTĐ4/2024')!, 2025: blockYearIds.get('KTĐ4/2025')! };
    await seedStartOfYearDemo(em, { unitIds, blockYearIds: k4 });
    // Award catalogue and history, before the rounds: a finalised round's ranking counts the awards of the year before.
    await seedAwardsDemo(em);
    // Scoring: the finalised 2024 year-end round and the open 2025 mid-year round.
    const schemes = await seedScoringDemo(em, { units: unitIds, blockYears: blockYearIds });
    await seedRoundsDemo(em, { units: unitIds, blockYears: blockYearIds }, schemes);
    // Year end of 2024: the conference's secret ballots, the dossier and the board's decision.
    await seedBallotsDemo(em);
    await seedProposalsDemo(em);
    await seedNewsDemo(em, { unitIds, blockYearIds });
    // Khối thi đua số 1, 2025: scored, ranked and titled, its year-end conference planned; left for a newcomer to replay.
    await seedPlannedYearEndConference(em, blockYearIds.get('KTĐ1/2025')!, {
      title: 'Hội nghị tổng kết công tác thi đua, khen thưởng năm 2025 và triển khai nhiệm vụ năm 2026', startsAt: new Date('2025-12-26T08:00:00+07:00'), createdAt: new Date('2025-12-15T09:00:00+07:00'),
    });
    await em.query('INSERT INTO app_meta (key, value) VALUES ($1, $2)', [MARK, new Date().toISOString()]);
    await new AuditService(ds).record(em, null, {
      action: 'demo.load', entityType: 'system', reason: 'Nạp dữ liệu minh họa',
      after: { units: DEMO_UNITS.length, blocks: DEMO_BLOCKS.length, accounts: DEMO_ACCOUNTS.length },
    });
    return true;
  });
}
