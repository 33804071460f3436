import { ledgerSealLine, vietnamDateTime } from './ledger-seal-line';

describe('ledgerSealLine', () => {
  it('names the checkpoint, the root fingerprint and the time in Vietnam', () => {
    const checkpoint = { number: 12, treeSize: 40, rootHash: 'ab'.repeat(32), sealedAt: '2026-12-07T17:05:09.000Z', keyId: 'k', signature: 's' };
    expect(ledgerSealLine({ status: 'sealed', checkpoint })).toBe('Niêm phong trong sổ kiểm toán: điểm kiểm #12, gốc abab abab abab abab…, lúc 08/12/2026 00:05.');
    expect(ledgerSealLine({ status: 'pending', checkpoint: null })).toBe('Niêm phong trong sổ kiểm toán: chưa niêm phong.');
    expect(vietnamDateTime('2026-01-31T03:04:00.000Z')).toBe('31/01/2026 10:04');
  });
});
