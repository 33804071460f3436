/**
 * Pure rules of the covenant (giao ước thi đua): the canonical content and its SHA-256, the signing order
 * (member units in any order, the leader unit's head last) and number formatting. No NestJS or TypeORM.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../common/canonical-json';

export type CovenantStatus = 'draft' | 'signing' | 'in_force' | 'superseded';
export const COVENANT_STATUSES: CovenantStatus[] = ['draft', 'signing', 'in_force', 'superseded'];

export interface CovenantTargetContent {
  unitId: string;
  indicator: string;
  unitOfMeasure: string;
  /** Decimal as text with two places ("12.00"), as numeric(14,2) stores it. */
  targetValue: string;
}

export interface CovenantContent {
  blockYearId: string;
  number: number;
  amendsId: string | null;
  title: string;
  goals: string[];
  commitments: string[];
  /** Member units that must sign, and the leader unit that signs last. */
  memberUnitIds: string[];
  leaderUnitId: string | null;
  targets: CovenantTargetContent[];
}

/** Two decimal places, the way numeric(14,2) stores it: 12 → "12.00", "7.5" → "7.50". */
export function decimal2(value: number | string): string {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) throw new Error(`Not a number: ${value}`);
  return n.toFixed(2);
}

/**
 * SHA-256 of the canonical JSON of the content: members and targets sorted so that the same content
 * always hashes the same, whatever order rows come back from the database.
 */
export function covenantContentHash(c: CovenantContent): string {
  const targets = [...c.targets]
    .map((t) => ({ unitId: t.unitId, indicator: t.indicator, unitOfMeasure: t.unitOfMeasure, targetValue: decimal2(t.targetValue) }))
    .sort((a, b) => (a.unitId + '\u0000' + a.indicator < b.unitId + '\u0000' + b.indicator ? -1 : a.unitId + '\u0000' + a.indicator > b.unitId + '\u0000' + b.indicator ? 1 : 0));
  const content = {
    blockYearId: c.blockYearId, number: c.number, amendsId: c.amendsId, title: c.title, goals: c.goals, commitments: c.commitments,
    memberUnitIds: [...c.memberUnitIds].sort(), leaderUnitId: c.leaderUnitId, targets,
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

export type SigningBlock =
  | { code: 'not_member' }
  | { code: 'already_signed' }
  | { code: 'leader_signs_last'; waitingUnitIds: string[] };

/**
 * Whether `unitId` may sign now: it must be a member that has not signed; the leader unit signs only
 * after every other member unit. Null when it may sign.
 */
export function signingBlocker(input: { memberUnitIds: string[]; leaderUnitId: string | null; signedUnitIds: string[]; unitId: string }): SigningBlock | null {
  const { memberUnitIds, leaderUnitId, signedUnitIds, unitId } = input;
  if (!memberUnitIds.includes(unitId)) return { code: 'not_member' };
  if (signedUnitIds.includes(unitId)) return { code: 'already_signed' };
  if (unitId === leaderUnitId) {
    const waitingUnitIds = memberUnitIds.filter((u) => u !== leaderUnitId && !signedUnitIds.includes(u));
    if (waitingUnitIds.length) return { code: 'leader_signs_last', waitingUnitIds };
  }
  return null;
}

/** All member units have signed. */
export const allSigned = (memberUnitIds: string[], signedUnitIds: string[]): boolean =>
  memberUnitIds.length > 0 && memberUnitIds.every((u) => signedUnitIds.includes(u));

/** Vietnamese number: "1.234,5" (thousands ".", decimal ","), trailing zeros dropped. */
export function vnNumber(value: number | string): string {
  const n = typeof value === 'number' ? value : Number(value);
  const [int, frac] = Math.abs(n).toFixed(2).replace(/0+$/, '').replace(/\.$/, '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** "Đã ký lúc 09:15 ngày 26/4/2024" in Vietnam's time (UTC+7). */
export function signedAtLabel(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `Đã ký lúc ${hh}:${mm} ngày ${local.getUTCDate()}/${local.getUTCMonth() + 1}/${local.getUTCFullYear()}`;
}
