import { Select } from 'antd';
import { useT } from '@/i18n/i18n';
import { formatNumber } from '@/lib/format';
import type { Quota } from './api/awards';
import { awardStrings } from './i18n';

/** Years offered by the pickers: from the first demo years to next year. */
export function yearOptions(): { value: number; label: string }[] {
  const last = new Date().getFullYear() + 1;
  const out = [];
  for (let y = last; y >= 2020; y--) out.push({ value: y, label: String(y) });
  return out;
}

export function YearSelect({ value, onChange, allowClear, label }: { value: number | undefined; onChange: (y: number | undefined) => void; allowClear?: boolean; label?: string }) {
  const t = useT(awardStrings);
  return (
    <Select aria-label={label ?? t('year')} style={{ width: 120 }} value={value} onChange={(v) => onChange(v ?? undefined)} allowClear={allowClear}
      placeholder={t('allYears')} options={yearOptions()} />
  );
}

export function useQuotaText() {
  const t = useT(awardStrings);
  return (q: Quota | null, kind: 'topN' | 'quota') => {
    if (!q) return t('noGate');
    if (kind === 'topN') return q.kind === 'count' ? t('topNCount', { n: formatNumber(q.value) }) : t('topNPercent', { n: formatNumber(q.value) });
    return q.kind === 'count' ? t('quotaCount', { n: formatNumber(q.value) }) : t('quotaPercent', { n: formatNumber(q.value) });
  };
}
