import { diffRows, flatten } from './audit-diff';

describe('Audit before → after', () => {
  it('flattens nested objects into paths, keeping arrays whole', () => {
    expect([...flatten({ a: 1, rules: { quotas: { gov_flag: { value: 1 } } }, ids: ['x', 'y'] }).keys()]).toEqual(['a', 'rules.quotas.gov_flag.value', 'ids']);
  });

  it('lists only the fields that changed in an update', () => {
    const rows = diffRows({ rules: { quorumNumerator: 2, reviewsPerUnit: 2 }, status: 'setup' }, { rules: { quorumNumerator: 2, reviewsPerUnit: 3 }, status: 'planning' });
    expect(rows.map((r) => [r.path.join('.'), r.before, r.after])).toEqual([['rules.reviewsPerUnit', 2, 3], ['status', 'setup', 'planning']]);
  });

  it('lists every field of a creation, and a field that appears or disappears', () => {
    expect(diffRows(null, { name: 'Khối thi đua số 4', code: 'KTĐ4' }).map((r) => r.path[0])).toEqual(['name', 'code']);
    expect(diffRows({ archivedAt: null }, { archivedAt: '2025-01-02T03:04:05.000Z' })[0]).toMatchObject({ before: null, after: '2025-01-02T03:04:05.000Z', changed: true });
    expect(diffRows(null, null)).toEqual([]);
  });
});
