/**
 * A root's short form for people to compare (the app, a printed document, GET /api/audit/checkpoints): its first
 * 16 hex digits in groups of four. Its own file so the browser shows it (through the `@ledger-fingerprint` alias)
 * without loading the proof check's cryptography, which it fetches only when someone verifies.
 */
export const rootFingerprint = (rootHex: string): string => `${rootHex.slice(0, 16).match(/.{1,4}/g)!.join(' ')}…`;
