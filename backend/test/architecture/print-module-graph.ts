import { crossAreaEdges, describeCycle, moduleCycles } from './source-graph';

/** `npm run arch:graph -w backend`: the imports between modules, then every import cycle with the imports that make it. */
const edges = crossAreaEdges();
const pairs = new Map<string, number>();
for (const e of edges) pairs.set(`${e.from} → ${e.to}`, (pairs.get(`${e.from} → ${e.to}`) ?? 0) + 1);
for (const [pair, n] of [...pairs].sort()) console.log(`${pair} (${n})`);
const cycles = moduleCycles(edges);
console.log(cycles.length ? `\n${cycles.length} cycle(s):` : '\nNo cycle between modules.');
for (const group of cycles) console.log(`\n${group.join(' ↔ ')}\n  ${describeCycle(group, edges).join('\n  ')}`);
