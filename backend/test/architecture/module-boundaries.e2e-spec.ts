import { areaOf, crossAreaEdges, describeCycle, moduleCycles, type Edge } from './source-graph';

/**
 * Pure rule files still inside modules while they move to the shared rules package (issue 19, rules-fe):
 * imports of them are not counted. Remove an entry once its file has moved.
 */
const MOVING_TO_RULES_PACKAGE = ['modules/block-years/rule-set.ts', 'modules/scoring/rules/round.ts', 'modules/auth/password-policy.ts'];

describe('module boundaries', () => {
  const edges: Edge[] = crossAreaEdges().filter((e) => !MOVING_TO_RULES_PACKAGE.includes(e.target));

  it('has no import cycle between modules (no back-arrows)', () => {
    expect(moduleCycles(edges).map((group) => describeCycle(group, edges))).toEqual([]);
  });

  it('never imports a module from common/', () => {
    expect(edges.filter((e) => e.from === 'common' && e.to.startsWith('modules/')).map((e) => `${e.file} imports ${e.target}`)).toEqual([]);
  });

  it('keeps the shared domain (src/domain) free of modules and common code', () => {
    expect(edges.filter((e) => e.from === 'domain' && e.to !== 'domain').map((e) => `${e.file} imports ${e.target}`)).toEqual([]);
  });

  it('sees the imports it checks (the scan is not blind)', () => {
    expect(edges.length).toBeGreaterThan(200);
    expect(areaOf('modules/rounds/rounds.service.ts')).toBe('modules/rounds');
    expect(edges).toContainEqual(expect.objectContaining({ file: 'modules/next-year/next-year.service.ts', to: 'modules/block-years' }));
  });
});
