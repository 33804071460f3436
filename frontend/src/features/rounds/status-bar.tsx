import { Flex, Progress, Space, Tag, Tooltip } from 'antd';
import { Card } from '@/components/card';
import { memo, type ReactNode } from 'react';
import { useT } from '@/i18n/i18n';
import { formatDateTime, formatNumber } from '@/lib/format';
import type { Assessment } from './api/assessment';
import type { AssessmentStore } from './assessment-store';
import type { CodeRef } from './assessment-values';
import { rowDomId } from './criterion-row';
import { roundStrings } from './i18n';
import { formatTime, STATUS_COLORS } from './labels';
import { useSummary } from './use-assessment-store';
import { Typography } from '@/components/typography';

const SHOWN = 24;

/** Scrolls to a criterion and puts the cursor in its first field. */
export function goToCriterion(id: string) {
  const el = document.getElementById(rowDomId(id));
  if (!el) return;
  el.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  (el.querySelector<HTMLElement>('[data-sa-primary], input:not([type=file]), textarea, button') ?? el).focus({ preventScroll: true });
}

/** Codes of criteria, each a link to its row; re-renders only when the list itself changes. */
const Codes = memo(function Codes({ label, refs, danger }: { label: string; refs: CodeRef[]; danger?: boolean }) {
  const t = useT(roundStrings);
  if (!refs.length) return null;
  return (
    <div>
      <Typography.Text type={danger ? 'danger' : 'warning'} strong>{label}</Typography.Text>{' '}
      <span className="sa-codes" aria-label={label}>
        {refs.slice(0, SHOWN).map((r) => (
          <button key={r.id} type="button" className="sa-code-link" onClick={() => goToCriterion(r.id)} aria-label={t('goTo', { code: r.code })}>{r.code}</button>
        ))}
        {refs.length > SHOWN && <Typography.Text type="secondary">+{refs.length - SHOWN}</Typography.Text>}
      </span>
    </div>
  );
}, (a, b) => a.label === b.label && a.danger === b.danger && a.refs.length === b.refs.length && a.refs.every((r, i) => r.id === b.refs[i].id));

/** The global save state, read out politely to screen readers. */
function SaveState({ store }: { store: AssessmentStore }) {
  const t = useT(roundStrings);
  const s = useSummary(store);
  let text: string;
  let type: 'secondary' | 'success' | 'danger' | 'warning' = 'secondary';
  if (s.saving || s.uploading) text = t('saving');
  else if (s.errors) {
    text = t('saveErrors', { n: s.errors });
    type = 'danger';
  } else if (s.pending) text = t('unsaved', { n: s.pending });
  else {
    text = s.lastSavedAt ? t('savedAllAt', { time: formatTime(s.lastSavedAt) }) : t('savedAll');
    type = 'success';
  }
  return <Typography.Text type={type} role="status" aria-live="polite" data-testid="save-state">{text}</Typography.Text>;
}

/**
 * Always in view above the form: status, deadline (with extension), running total, completeness with the
 * missing criteria and evidence (each a link to its row), the save state and the actions allowed.
 */
export function StatusBar({ dto, store, extended, actions }: { dto: Assessment; store: AssessmentStore; extended: boolean; actions: ReactNode }) {
  const t = useT(roundStrings);
  const s = useSummary(store);
  const totals = s.totals;
  const percent = totals.required ? Math.round((totals.filled / totals.required) * 100) : 100;
  const complete = !totals.unfilled.length && !totals.evidenceMissing.length && !totals.invalid.length;
  return (
    <Card className="sa-statusbar" size="small" role="region" aria-label={t('total')}>
      <Flex gap={24} wrap align="center" justify="space-between">
        <Space orientation="vertical" size={2}>
          <Space wrap>
            <Tag color={STATUS_COLORS[dto.status]} data-testid="assessment-status">{t(`status.${dto.status}`)}</Tag>
            <span>{t('deadline', { time: formatDateTime(dto.deadline) })}</span>
            {extended && <Tag color="cyan">{t('extendedNote')}</Tag>}
          </Space>
          <SaveState store={store} />
        </Space>
        <Space orientation="vertical" size={0} align="center">
          <Typography.Text type="secondary">{t('total')}</Typography.Text>
          <Tooltip title={t('totalDetail', { score: formatNumber(totals.score), max: formatNumber(totals.max), bonus: formatNumber(totals.bonus), deductions: formatNumber(totals.deductions) })}>
            <span className="sa-total" data-testid="running-total">{formatNumber(totals.total)} / {formatNumber(totals.max)}</span>
          </Tooltip>
        </Space>
        <Space orientation="vertical" size={2} style={{ minWidth: 220 }}>
          <span data-testid="completeness">{t('completeness', { filled: totals.filled, required: totals.required })}</span>
          <Progress percent={percent} size="small" showInfo={false} status={complete ? 'success' : 'active'} aria-label={t('completeness', { filled: totals.filled, required: totals.required })} />
        </Space>
        <Space wrap>{actions}</Space>
      </Flex>
      <div style={{ marginTop: 8 }} data-testid="missing-list">
        <Codes label={t('missingScores')} refs={totals.unfilled} />
        <Codes label={t('missingEvidence')} refs={totals.evidenceMissing} />
        <Codes label={t('invalidValues')} refs={totals.invalid} danger />
        {totals.targetPending > 0 && <Typography.Text type="secondary">{t('targetPending')}</Typography.Text>}
        {complete && <Typography.Text type="success">{t('allComplete')}</Typography.Text>}
      </div>
    </Card>
  );
}
