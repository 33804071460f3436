import { useT } from '@/i18n/i18n';
import { formatNumber } from '@/lib/format';
import type { RankingRow } from './api/ranking';
import { rankingStrings } from './i18n';

const LABEL_W = 260;
const BAR_AREA = 480;
const VALUE_W = 60;
const WIDTH = LABEL_W + BAR_AREA + VALUE_W;
const BAR_H = 18;
const GAP = 4;
const ROW_PAD = 10;

const FINAL_COLOR = '#1677ff';
const SELF_COLOR = '#bfbfbf';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Horizontal bars of the final totals in rank order (plain SVG), optionally with the self total beneath
 * each; the scale runs from 0 to the highest of the totals and the maximum points.
 */
export function RankingChart({ rows, compareSelf }: { rows: readonly RankingRow[]; compareSelf: boolean }) {
  const t = useT(rankingStrings);
  const perRow = compareSelf ? 2 * BAR_H + GAP : BAR_H;
  const rowH = perRow + 2 * ROW_PAD;
  const top = Math.max(1, ...rows.flatMap((r) => [r.final.total, r.final.max, compareSelf ? r.self.total : 0]));
  const w = (v: number) => Math.max(0, (v / top) * BAR_AREA);
  const height = rows.length * rowH + 24;

  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="group" aria-label={t('chartLabel')} style={{ maxWidth: WIDTH, fontFamily: 'inherit' }}>
      {rows.map((r, i) => {
        const y = i * rowH + ROW_PAD;
        return (
          <g key={r.unitId}>
            <text x={LABEL_W - 8} y={y + perRow / 2} textAnchor="end" dominantBaseline="middle" fontSize={12}>
              <title>{r.unitName}</title>
              {r.rank}. {clip(r.unitName, 38)}
            </text>
            <rect x={LABEL_W} y={y} width={w(r.final.total)} height={BAR_H} fill={FINAL_COLOR} rx={2} role="img" aria-label={t('barFinal', { unit: r.unitName, n: formatNumber(r.final.total) })} data-kind="final">
              <title>{t('barFinal', { unit: r.unitName, n: formatNumber(r.final.total) })}</title>
            </rect>
            <text x={LABEL_W + w(r.final.total) + 4} y={y + BAR_H / 2} dominantBaseline="middle" fontSize={12} fontWeight={600}>{formatNumber(r.final.total)}</text>
            {compareSelf && (
              <>
                <rect x={LABEL_W} y={y + BAR_H + GAP} width={w(r.self.total)} height={BAR_H} fill={SELF_COLOR} rx={2} role="img" aria-label={t('barSelf', { unit: r.unitName, n: formatNumber(r.self.total) })} data-kind="self">
                  <title>{t('barSelf', { unit: r.unitName, n: formatNumber(r.self.total) })}</title>
                </rect>
                <text x={LABEL_W + w(r.self.total) + 4} y={y + BAR_H + GAP + BAR_H / 2} dominantBaseline="middle" fontSize={11} fill="#595959">{formatNumber(r.self.total)}</text>
              </>
            )}
          </g>
        );
      })}
      <line x1={LABEL_W} x2={LABEL_W} y1={0} y2={rows.length * rowH} stroke="#d9d9d9" />
      <g transform={`translate(${LABEL_W}, ${rows.length * rowH + 14})`} fontSize={11}>
        <rect width={10} height={10} y={-8} fill={FINAL_COLOR} />
        <text x={14}>{t('legendFinal')}</text>
        {compareSelf && (
          <>
            <rect x={120} width={10} height={10} y={-8} fill={SELF_COLOR} />
            <text x={134}>{t('legendSelf')}</text>
          </>
        )}
      </g>
    </svg>
  );
}
