import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { accountAsActor } from '../../modules/drafts/draft-data';

/**
 * What the start-of-year demo seeds need from the demo loader (`database/demo/demo.ts`), for
 * Khối thi đua số 4 (block code 'KTĐ4'). Call them after units, block years and accounts exist.
 */
export interface StartOfYearDemoIds {
  /**
   * Unit ids by the demo key of `database/demo/demo-data.ts`: 'hiza', 'dukcq', 'lhp', 'dukdn', 'dukdh'
   * (the loader's `unitIds` map can be passed as is).
   */
  unitIds: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Khối thi đua số 4's block years. */
  blockYearIds: { 2024: string; 2025: string };
}

export const unitIdOf = (ids: StartOfYearDemoIds, key: string): string => {
  const id = ids.unitIds instanceof Map ? ids.unitIds.get(key) : (ids.unitIds as Record<string, string>)[key];
  if (!id) throw new Error(`Demo: unit "${key}" is missing from ids.unitIds`);
  return id;
};

/** The actor for a demo account (the seeds act as the people of the story, so the audit log reads right). */
export async function demoActor(em: EntityManager, email: string): Promise<Actor> {
  const a = await accountAsActor(em, email);
  if (!a) throw new Error(`Demo: account ${email} must be created before the start-of-year seeds`);
  return { ...a, sessionId: 'demo' };
}

/** A moment in Hà Nội time (UTC+7): vn('2024-04-26', '09:30'). */
export const vn = (date: string, time = '08:00'): Date => new Date(`${date}T${time}:00+07:00`);
