import { createHash } from 'node:crypto';
import type { CovenantTarget, RoundFingerprint } from './round-data';

/**
 * The key of a round's live results: everything they are computed from. `fingerprint` covers the rows in the
 * database (see `RoundFingerprint`); beside it the round's scheme and year, the rule set in force (final score
 * rule, tie-break chain), the covenant's targets in force and the awards held from the year before. Equal keys mean equal inputs, hence equal results.
 */
export function resultsKey(
  round: { id: string; schemeId: string; blockYearId: string },
  rules: { finalScoreRule: string; tieBreakChain: readonly string[] },
  fingerprint: RoundFingerprint,
  covenantTargets: readonly CovenantTarget[],
  awardFacts: ReadonlyMap<string, readonly { awardId: string; points: number }[]> = new Map(),
): string {
  const covenant = createHash('sha256').update(JSON.stringify(covenantTargets.map((t) => [t.unitId, t.indicator, t.targetValue]))).digest('base64');
  // The awards held (revoked ones are gone): their bonus points are part of the results.
  const awards = createHash('sha256').update(JSON.stringify([...awardFacts].sort(([a], [b]) => a.localeCompare(b)).map(([u, f]) => [u, f.map((x) => [x.awardId, x.points])]))).digest('base64');
  return JSON.stringify([round.id, round.schemeId, round.blockYearId, rules.finalScoreRule, rules.tieBreakChain,
    fingerprint.entries, fingerprint.assignments, fingerprint.targets, fingerprint.members, fingerprint.scheme, covenant, awards]);
}

/**
 * Computed results per round, least recently used first out: one entry per round (the latest key), at most
 * `limit` rounds. A value is only ever returned for the exact key it was computed under, so nothing here
 * needs invalidating: a changed input is a different key. Values are frozen, since callers share them.
 */
export class ResultsCache<T> {
  private readonly entries = new Map<string, { key: string; value: T }>();

  constructor(private readonly limit: number) {}

  get(roundId: string, key: string): T | undefined {
    const e = this.entries.get(roundId);
    if (!e || e.key !== key) return undefined;
    this.entries.delete(roundId);
    this.entries.set(roundId, e);
    return e.value;
  }

  set(roundId: string, key: string, value: T): T {
    this.entries.delete(roundId);
    while (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(roundId, { key, value: deepFreeze(value) });
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}
