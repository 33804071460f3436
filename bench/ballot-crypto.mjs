// `node bench/ballot-crypto.mjs` (after `npm run build`): the cost of encrypted secret ballots, with the one
// implementation the browser and the server share (backend/src/modules/ballots/crypto/paper-crypto.ts).
//   1. Casting a paper of 10 candidates: encrypt and prove (what the browser does), then verify (what the
//      server does before accepting it). Budget: 300 ms together.
//   2. Closing a ballot of 60 units × 10 candidates: add up the papers per candidate, decrypt the 10 sums
//      and prove each decryption. Budget: 1 s.
// Each figure is wall time and, beside it, this process's CPU time: on a shared machine the wall time grows
// with the load of others, the CPU time is the work itself.
// Options: BENCH_CAST_RUNS=20, BENCH_CLOSE_RUNS=5. Prints figures, asserts nothing.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fmt, percentile, root } from './lib.mjs';

const built = path.join(root, 'backend/dist/modules/ballots/crypto/paper-crypto.js');
if (!existsSync(built)) {
  console.error('Chưa có bản dựng: hãy chạy "npm run build" trước.');
  process.exit(1);
}
const { generateKeyPair, encryptPaper, paperProblem, sumPapers, decryptSum, paperReceipt } = createRequire(import.meta.url)(built);

const CAST_RUNS = Number(process.env.BENCH_CAST_RUNS ?? 20);
const CLOSE_RUNS = Number(process.env.BENCH_CLOSE_RUNS ?? 5);
const CANDIDATES = 10;
const UNITS = 60;
const stats = (ms, cpu) => `p50 ${fmt(percentile(ms, 50))} ms · p95 ${fmt(percentile(ms, 95))} ms (CPU p50 ${fmt(percentile(cpu, 50))} ms)`;
/** Runs fn, returning [wall ms, CPU ms, result]. */
function measure(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [wall, (c.user + c.system) / 1000, out];
}

console.log(`Bỏ phiếu kín mã hóa – ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, tải ${os.loadavg()[0].toFixed(2)}`);
const key = generateKeyPair();
const ballotId = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

for (const quota of [1, 5, CANDIDATES]) {
  const ctx = { ballotId, publicKey: key.publicKey, candidates: CANDIDATES, quota };
  const enc = [[], []];
  const ver = [[], []];
  const total = [[], []];
  for (let i = 0; i < CAST_RUNS + 2; i++) {
    const approvals = Array.from({ length: CANDIDATES }, (_, j) => j < Math.min(quota, 3) && (i + j) % 2 === 0);
    const [ew, ec, paper] = measure(() => JSON.parse(JSON.stringify(encryptPaper(ctx, approvals))));
    const [vw, vc, problem] = measure(() => { const p = paperProblem(ctx, paper); paperReceipt(paper); return p; });
    if (problem) throw new Error('an honest paper was refused');
    if (i < 2) continue; // warm-up
    enc[0].push(ew); enc[1].push(ec);
    ver[0].push(vw); ver[1].push(vc);
    total[0].push(ew + vw); total[1].push(ec + vc);
  }
  console.log(`\n1. Bỏ phiếu: ${CANDIDATES} ứng viên, tối đa ${quota} đơn vị, ${CAST_RUNS} lần`);
  console.log(`   mã hóa + chứng minh (trình duyệt)   ${stats(...enc)}`);
  console.log(`   kiểm tra chứng minh (máy chủ)      ${stats(...ver)}`);
  console.log(`   tổng                               ${stats(...total)}   (ngân sách 300 ms)`);
}

const ctx = { ballotId, publicKey: key.publicKey, candidates: CANDIDATES, quota: 5 };
const papers = Array.from({ length: UNITS }, (_, u) => JSON.parse(JSON.stringify(encryptPaper(ctx, Array.from({ length: CANDIDATES }, (_, j) => j < 5 && (u + j) % 3 === 0)))));
const close = [[], []];
for (let i = 0; i < CLOSE_RUNS + 1; i++) {
  const [wall, cpu, counts] = measure(() => sumPapers(papers, CANDIDATES).map((s) => decryptSum(ctx, key.secretKey, s, papers.length).count));
  if (i === 0) {
    const expected = Array.from({ length: CANDIDATES }, (_, j) => (j < 5 ? Array.from({ length: UNITS }, (_, u) => (u + j) % 3 === 0).filter(Boolean).length : 0));
    if (JSON.stringify(counts) !== JSON.stringify(expected)) throw new Error(`wrong count ${counts} ≠ ${expected}`);
    continue;
  }
  close[0].push(wall); close[1].push(cpu);
}
console.log(`\n2. Kết thúc bỏ phiếu: ${UNITS} đơn vị × ${CANDIDATES} ứng viên (cộng bản mã, giải mã ${CANDIDATES} tổng kèm chứng minh), ${CLOSE_RUNS} lần`);
console.log(`   ${stats(...close)}   (ngân sách 1.000 ms)`);
