import type { TestApp } from '../app';
import { expectStatus } from '../factories';
import { advanceTo, fillSelf, FULL, openRound, OpenRound, UNIT_KEYS, UnitKey } from '../rounds/helpers';

export { UNIT_KEYS };
export type { UnitKey };

/** I.1 scores (max 20) giving a strict order: dukcq 1st, hiza 2nd, lhp 3rd, dukdn 4th, dukdh 5th. */
export const I1_SCORES: Record<UnitKey, number> = { dukcq: 20, hiza: 18, lhp: 16, dukdn: 14, dukdh: 12 };
export const EXPECTED_ORDER: UnitKey[] = ['dukcq', 'hiza', 'lhp', 'dukdn', 'dukdh'];

/**
 * A fresh 2024 block year of five units whose year-end round the leader has finalised (ranks as in
 * EXPECTED_ORDER): every unit self-assesses, the leader moves the round to final review and finalises it.
 */
export async function finalisedYear(t: TestApp): Promise<OpenRound> {
  const r = await openRound(t, { kind: 'year_end' });
  for (const k of UNIT_KEYS) await fillSelf(r, r.acc[k].officer, r.ids[k], { ...FULL, 'I.1': { score: I1_SCORES[k], note: 'Hoàn thành nhiệm vụ' } });
  await advanceTo(r.leader, r.round.id, 'final_review');
  await expectStatus(r.leader.post(`/api/rounds/${r.round.id}/finalise`, { reason: 'Hội nghị tổng kết thông qua' }), 201);
  return r;
}
