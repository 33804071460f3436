/**
 * Word-level highlighting inside one changed line of the server's side-by-side diff. Pure.
 * The server pairs lines; this marks which words of the pair differ (whitespace kept as is).
 */
export interface Segment {
  text: string;
  changed: boolean;
}

const MAX_TOKENS = 600;

const tokens = (s: string): string[] => s.split(/(\s+)/).filter((t) => t !== '');

/** Merges neighbouring segments of the same kind, so the markup stays small. */
function merge(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segs) {
    const last = out[out.length - 1];
    if (last && last.changed === s.changed) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/** Left segments (removed words marked) and right segments (added words marked). */
export function wordDiff(left: string, right: string): { left: Segment[]; right: Segment[] } {
  const a = tokens(left);
  const b = tokens(right);
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) return { left: [{ text: left, changed: true }], right: [{ text: right, changed: true }] };
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  }
  const l: Segment[] = [];
  const r: Segment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      l.push({ text: a[i++], changed: false });
      r.push({ text: b[j++], changed: false });
    } else if (dp[i + 1][j] >= dp[i][j + 1]) l.push({ text: a[i++], changed: true });
    else r.push({ text: b[j++], changed: true });
  }
  while (i < a.length) l.push({ text: a[i++], changed: true });
  while (j < b.length) r.push({ text: b[j++], changed: true });
  // Whitespace is marked only between two marked words ("lịch sử" reads as one change).
  const space = (t: string) => /^\s+$/.test(t);
  const calm = (segs: Segment[]) => segs.map((s, k) => (space(s.text) ? { ...s, changed: !!segs[k - 1]?.changed && !space(segs[k - 1].text) && !!segs[k + 1]?.changed && !space(segs[k + 1].text) } : s));
  return { left: merge(calm(l)), right: merge(calm(r)) };
}
