import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** backend/src */
export const SRC = path.resolve(__dirname, '../../src');

/** Every production source file under backend/src (no specs), as paths relative to src ("modules/rounds/x.ts"). */
export function sourceFiles(dir = SRC): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts')) out.push(path.relative(SRC, full).split(path.sep).join('/'));
  }
  return out.sort();
}

/** The area a source file belongs to: "modules/<name>" for a module, else its top folder ("common", "database", …). */
export function areaOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'modules') return `modules/${parts[1]}`;
  return parts.length > 1 ? parts[0] : '.';
}

const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The files under src a file imports (relative imports only; packages are not part of the graph). */
export function importsOf(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (!spec.startsWith('.')) continue;
    const base = path.resolve(path.dirname(path.join(SRC, file)), spec);
    const hit = [`${base}.ts`, path.join(base, 'index.ts'), base].find((p) => existsSync(p) && statSync(p).isFile());
    if (hit) out.push(path.relative(SRC, hit).split(path.sep).join('/'));
  }
  return out;
}

export interface Edge { from: string; to: string; file: string; target: string }

/** Imports that cross from one area into another, with the file that makes each. */
export function crossAreaEdges(files = sourceFiles()): Edge[] {
  const edges: Edge[] = [];
  for (const file of files) {
    for (const target of importsOf(file)) {
      const from = areaOf(file);
      const to = areaOf(target);
      if (from !== to) edges.push({ from, to, file, target });
    }
  }
  return edges;
}

/** Strongly connected groups of two or more modules (Tarjan): each is an import cycle between modules. */
export function moduleCycles(edges: Edge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!e.from.startsWith('modules/') || !e.to.startsWith('modules/')) continue;
    if (!graph.has(e.from)) graph.set(e.from, new Set());
    if (!graph.has(e.to)) graph.set(e.to, new Set());
    graph.get(e.from)!.add(e.to);
  }
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return groups;
}

/** The imports that make a cycle, "modules/a → modules/b (a/x.ts imports b/y.ts)", for a failure message. */
export function describeCycle(group: string[], edges: Edge[]): string[] {
  const inGroup = new Set(group);
  return edges.filter((e) => inGroup.has(e.from) && inGroup.has(e.to)).map((e) => `${e.from} → ${e.to} (${e.file} imports ${e.target})`);
}
