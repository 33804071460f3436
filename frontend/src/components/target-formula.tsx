import type { Schemas } from '@/api/client';
import { useT } from '@/i18n/i18n';
import { formatNumber } from '@/lib/format';
import { Typography } from '@/components/typography';

export type TargetFormulaData = Schemas['TargetFormulaDto'];

/** The branch texts of docs/domain.md §4 with the unit's own figures; every number, the result included, comes from the server. */
export const targetFormulaStrings = {
  vi: {
    figures: 'Chỉ tiêu T = {t} · Thực hiện A = {a} · Tối đa M = {m}',
    figuresNoTarget: 'Không có chỉ tiêu · Thực hiện A = {a} · Tối đa M = {m}',
    below_target: 'Chưa đạt chỉ tiêu (A < T): 0,5 × M × A / T = 0,5 × {m} × {a} / {t} = {s} điểm.',
    met_target: 'Đạt đúng chỉ tiêu (A = T): 0,5 × M = 0,5 × {m} = {s} điểm. Chỉ đơn vị vượt chỉ tiêu nhiều nhất khối được tối đa M.',
    best_over_target: 'Vượt chỉ tiêu nhiều nhất khối: được tối đa M = {s} điểm.',
    over_target: 'Vượt chỉ tiêu (A > T): 0,5 × M + (A − T) / R × 0,5 × M = 0,5 × {m} + ({a} − {t}) / {r} × 0,5 × {m} = {s} điểm (không quá M), với R = {r} là mức vượt lớn nhất khối.',
    no_target: 'Không có chỉ tiêu: A / R × M = {a} / {r} × {m} = {s} điểm, với R = {r} là giá trị thực hiện cao nhất của các đơn vị không có chỉ tiêu.',
    label: 'Cách tính điểm',
  },
  en: {
    figures: 'Target T = {t} · Actual A = {a} · Max M = {m}',
    figuresNoTarget: 'No target · Actual A = {a} · Max M = {m}',
    below_target: 'Below target (A < T): 0.5 × M × A / T = 0.5 × {m} × {a} / {t} = {s} points.',
    met_target: 'Target met exactly (A = T): 0.5 × M = 0.5 × {m} = {s} points. Only the unit exceeding its target the most in the block gets the full M.',
    best_over_target: 'Exceeded its target the most in the block: the full M = {s} points.',
    over_target: 'Above target (A > T): 0.5 × M + (A − T) / R × 0.5 × M = 0.5 × {m} + ({a} − {t}) / {r} × 0.5 × {m} = {s} points (at most M), where R = {r} is the largest margin in the block.',
    no_target: 'No target: A / R × M = {a} / {r} × {m} = {s} points, where R = {r} is the highest actual among units without a target.',
    label: 'How the score is computed',
  },
};

/** Why a target criterion scored what it did: the unit's T, A, M, the branch of the formula and the server's result. */
export function TargetFormula({ formula }: { formula: TargetFormulaData }) {
  const t = useT(targetFormulaStrings);
  const n = (v: number | null) => (v === null ? '' : formatNumber(v));
  const vars = { t: n(formula.target), a: n(formula.actual), m: n(formula.max), r: n(formula.reference), s: n(formula.score) };
  return (
    <div role="note" aria-label={t('label')} style={{ fontSize: 13 }}>
      <Typography.Text type="secondary" style={{ display: 'block' }}>{t(formula.target === null ? 'figuresNoTarget' : 'figures', vars)}</Typography.Text>
      <Typography.Text style={{ display: 'block' }}>{t(formula.basis, vars)}</Typography.Text>
    </div>
  );
}
