import { canonicalJson, ChainRow, entryHash, firstBrokenLink, GENESIS_HASH } from './audit-chain';

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const f = { id: String(i), occurredAt: new Date(2024, 0, i).toISOString(), actorId: null, action: 'unit.update', entityType: 'unit', entityId: `u${i}`, blockId: null, before: { name: 'A' }, after: { name: `B${i}` }, reason: '', prevHash: prev };
    const hash = entryHash(f);
    rows.push({ ...f, hash });
    prev = hash;
  }
  return rows;
}

describe('audit chain', () => {
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });
  it('accepts an intact chain', () => {
    expect(firstBrokenLink(chain(5))).toBeNull();
  });
  it('finds an edited row', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], after: { name: 'forged' } };
    expect(firstBrokenLink(rows)).toEqual({ id: '3', problem: 'content' });
  });
  it('finds a removed row', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(firstBrokenLink(rows)).toEqual({ id: '3', problem: 'link' });
  });
});
