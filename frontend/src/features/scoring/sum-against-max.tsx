import { round2 } from '@thidua/rules';
import { useT } from '@/i18n/i18n';
import { formatNumber } from '@/lib/format';
import { scoringStrings } from './i18n';
import { balanceOf } from './tree';
import { Typography } from '@/components/typography';

/** "45 / 40 (vượt 5)": a sum against its maximum, coloured by whether they match. */
export function SumAgainstMax({ sum, max }: { sum: number; max: number }) {
  const t = useT(scoringStrings);
  const b = balanceOf(sum, max);
  const note = b === 'over' ? t('over', { n: formatNumber(round2(sum - max)) }) : b === 'under' ? t('under', { n: formatNumber(round2(max - sum)) }) : t('balanced');
  return (
    <Typography.Text type={b === 'over' ? 'danger' : b === 'under' ? 'warning' : 'success'} strong={b !== 'ok'}>
      {t('ofMax', { sum: formatNumber(sum), max: formatNumber(max) })} ({note})
    </Typography.Text>
  );
}
