import { Button, Flex, InputNumber, Radio, Space, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useCallback } from 'react';
import { download } from '@/api/client';
import { TargetFormula, type TargetFormulaData } from '@/components/target-formula';
import { useT } from '@/i18n/i18n';
import { formatNumber } from '@/lib/format';
import { evidenceUrl, type AssessmentRow, type Evidence } from './api/reviews';
import { reviewStrings } from './i18n';
import { hasValue, scoreOf, type LeafType, type ScoreValue } from './score';
import { Typography } from '@/components/typography';

/** Evidence files as download buttons (the file comes through the API with the session). */
export function EvidenceLinks({ evidence, empty = true }: { evidence: readonly Evidence[]; empty?: boolean }) {
  const t = useT(reviewStrings);
  const { message } = useFeedback();
  if (!evidence.length) return empty ? <Typography.Text type="secondary">{t('noEvidence')}</Typography.Text> : null;
  return (
    <Flex vertical align="flex-start" gap={0}>
      {evidence.map((e) => (
        <Button key={e.id} type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} aria-label={t('download', { name: e.filename })}
          onClick={() => download(evidenceUrl(e.id), e.filename).catch((err: Error) => message.error(err.message))}>
          {e.filename}
        </Button>
      ))}
    </Flex>
  );
}

/** "Đạt (10 điểm)", "4 lần (8 điểm)", "Thực hiện 120 / chỉ tiêu 100", "Cờ thi đua × 1 (10 điểm)". */
export function useDescribeValue() {
  const t = useT(reviewStrings);
  return useCallback(
    (row: AssessmentRow, v: ScoreValue, score: number | null = scoreOf(row, v)): string => {
      const type = row.type as LeafType;
      if (!hasValue(type, v)) return t('noValue');
      const pts = score === null ? '' : ` (${t('points', { n: formatNumber(score) })})`;
      switch (type) {
        case 'points':
          return t('points', { n: formatNumber(v.score) });
        case 'pass_fail':
          return `${v.passed ? t('passed') : t('failed')}${pts}`;
        case 'per_occurrence':
          return `${t('times', { n: formatNumber(v.count) })}${pts}`;
        case 'target':
          return `${t('actualOf', { a: formatNumber(v.actual) })} / ${row.target === null ? t('noTarget') : t('targetIs', { t: formatNumber(row.target) })}${pts}`;
        default: {
          const lines = row.items.filter((i) => (v.items?.[i.id] ?? 0) > 0).map((i) => t('itemLine', { title: i.title, n: v.items![i.id] }));
          return `${lines.join('; ')}${pts}`;
        }
      }
    },
    [t],
  );
}

/** Max points, type hints and "not applicable" as tags beside a criterion's title. */
export function CriterionTitle({ row }: { row: AssessmentRow }) {
  const t = useT(reviewStrings);
  return (
    <Space wrap size={4}>
      <Typography.Text strong>{row.code}.</Typography.Text>
      <Typography.Text strong>{row.title}</Typography.Text>
      <Tag>{t('maxPoints', { n: formatNumber(row.max) })}</Tag>
      {row.evidenceRequired && <Tag color="blue">{t('evidenceRequired')}</Tag>}
      {!row.applicable && <Tag>{t('notApplicable')}</Tag>}
    </Space>
  );
}

/**
 * The input of one criterion, by its type: points 0..max, pass/fail, a count, the actual value of a target
 * criterion, or the count of each bonus/deduction item. Labels carry `label` (e.g. "Điểm thẩm định").
 */
export function ScoreField({ row, value, onChange, disabled, label, formula }: {
  row: AssessmentRow;
  value: ScoreValue;
  onChange: (v: ScoreValue) => void;
  disabled?: boolean;
  label: string;
  /** Target criteria: how the server scored the saved value. */
  formula?: TargetFormulaData | null;
}) {
  const t = useT(reviewStrings);
  // Every field is named after its criterion, so a screen reader tells "I.1" from "I.2".
  const criterion = `${row.code}. ${row.title}`;
  const type = row.type as LeafType;
  const num = (n: number | string | null) => (n === null || n === '' ? null : Number(n));
  const computed = scoreOf(row, value);
  const common = { disabled, decimalSeparator: ',', style: { width: 140 } } as const;
  let input: React.ReactNode;
  let hint: React.ReactNode = null;
  switch (type) {
    case 'points':
      input = <InputNumber {...common} min={0} max={row.max} step={1} aria-label={`${label}: ${t('field.score')} – ${criterion}`} value={value.score}
        onChange={(n) => onChange({ ...value, score: num(n) })} suffix={`/ ${formatNumber(row.max)}`} />;
      break;
    case 'pass_fail':
      input = (
        <Radio.Group disabled={disabled} aria-label={`${label}: ${t('field.result')} – ${criterion}`} value={value.passed === null ? undefined : value.passed}
          onChange={(e) => onChange({ ...value, passed: e.target.value as boolean })}
          options={[{ value: true, label: t('passed') }, { value: false, label: t('failed') }]} />
      );
      if (computed !== null) hint = t('computed', { n: formatNumber(computed) });
      break;
    case 'per_occurrence':
      input = (
        <Flex gap={8} align="center">
          <InputNumber {...common} min={0} precision={0} aria-label={`${label}: ${t('field.count')} – ${criterion}`} value={value.count} onChange={(n) => onChange({ ...value, count: num(n) })} />
          <Typography.Text type="secondary">{t('itemPoints', { n: formatNumber(row.pointsPerOccurrence) })}</Typography.Text>
        </Flex>
      );
      if (computed !== null) hint = t('computed', { n: formatNumber(computed) });
      break;
    case 'target': {
      input = (
        <Flex gap={8} align="center" wrap>
          <InputNumber {...common} min={0} aria-label={`${label}: ${t('field.actual')} – ${criterion}`} value={value.actual} onChange={(n) => onChange({ ...value, actual: num(n) })} />
          <Typography.Text type="secondary">{[row.measure, row.target === null ? t('noTarget') : t('targetIs', { t: formatNumber(row.target) })].filter(Boolean).join(' · ')}</Typography.Text>
        </Flex>
      );
      if (value.actual !== null) hint = formula && formula.actual === value.actual ? <TargetFormula formula={formula} /> : t('targetOnSave');
      break;
    }
    default:
      input = (
        <Flex vertical gap={4}>
          {row.items.map((item) => (
            <Flex key={item.id} gap={8} align="center" wrap>
              <InputNumber {...common} style={{ width: 90 }} min={0} precision={0} aria-label={`${label}: ${t('field.item', { title: item.title })}`}
                value={value.items?.[item.id] ?? null}
                onChange={(n) => onChange({ ...value, items: { ...(value.items ?? {}), [item.id]: num(n) ?? 0 } })} />
              <Typography.Text>
                {item.title} <Typography.Text type="secondary">({t('itemPoints', { n: formatNumber(item.points) })}{item.cap !== null ? `, ${t('itemCap', { n: formatNumber(item.cap) })}` : ''})</Typography.Text>
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      );
      if (computed !== null) hint = t('computed', { n: formatNumber(computed) });
  }
  return (
    <Flex vertical gap={4}>
      {input}
      {typeof hint === 'string' ? <Typography.Text type="secondary" style={{ fontSize: 13 }}>{hint}</Typography.Text> : hint}
    </Flex>
  );
}
