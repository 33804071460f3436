/**
 * The start of the year of Khối thi đua số 4, told as in the seed article (26/04/2024): the 2024 plan and rules
 * circulated and the covenant drafted; the launch conference adopting them and opening the covenant for signing
 * (its decisions, as in the app), the heads signing; then the year going on and 2025 being prepared (the plan and
 * rules drafted, the covenant a draft, the launch conference planned). Run inside the demo loader's transaction,
 * after the units, block years and accounts exist.
 */
import type { EntityManager } from 'typeorm';
import { type Launch2025DemoOptions, seedLaunch2024Demo, seedLaunch2025Demo } from './conferences';
import { seedCovenant2024Demo, seedCovenantsAfterLaunch2024Demo } from './covenants';
import type { StartOfYearDemoIds } from './demo-ids';
import { seedDrafts2024Demo, seedDraftsAfterLaunch2024Demo } from './drafts';

export interface StartOfYearDemoResult {
  planVersion2024Id: string;
  rulesVersion2024Id: string;
  covenant2024Id: string;
  launch2024Id: string;
  planVersion2025Id: string;
  rulesVersion2025Id: string;
  covenant2025Id: string;
  launch2025Id: string;
}

export async function seedStartOfYearDemo(em: EntityManager, ids: StartOfYearDemoIds, opts: Launch2025DemoOptions = {}): Promise<StartOfYearDemoResult> {
  const drafts2024 = await seedDrafts2024Demo(em, ids);
  const covenant2024Id = await seedCovenant2024Demo(em, ids);
  const launch2024Id = await seedLaunch2024Demo(em, { blockYear2024Id: ids.blockYearIds[2024], ...drafts2024, covenant2024Id });
  const drafts2025 = await seedDraftsAfterLaunch2024Demo(em, ids, drafts2024);
  const covenant2025Id = await seedCovenantsAfterLaunch2024Demo(em, ids, covenant2024Id);
  const launch2025Id = await seedLaunch2025Demo(em, { blockYear2025Id: ids.blockYearIds[2025], ...drafts2025, covenant2025Id }, opts);
  return { ...drafts2024, covenant2024Id, launch2024Id, ...drafts2025, covenant2025Id, launch2025Id };
}
