import { Button, Input, Space, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useMemo, useState } from 'react';
import { DataTable } from '@/components/data-table';
import { useT } from '@/i18n/i18n';
import { formatNumber } from '@/lib/format';
import { phaseIndex, useScheme, useSetTargets, useTargets, type Round, type Target } from './api/rounds';
import { parseNumber, toText } from './assessment-values';
import { roundStrings } from './i18n';
import { Typography } from '@/components/typography';

const SOURCE_COLORS: Record<Target['source'], string> = { covenant: 'green', round: 'blue', none: 'default' };

interface UnitRow {
  unitId: string;
  unitName: string;
  cells: Map<string, Target>;
}

/**
 * Chỉ tiêu of each unit for the target criteria: where each comes from (the covenant, entered in the
 * round, none yet); the leader enters or corrects them while self-assessment or review lasts.
 */
export function TargetsSection({ round }: { round: Round }) {
  const t = useT(roundStrings);
  const { message } = useFeedback();
  const targets = useTargets(round.id);
  const list = targets.data ?? [];
  const scheme = useScheme(round.schemeId, list.length > 0);
  const save = useSetTargets();
  const [draft, setDraft] = useState<Record<string, string> | null>(null);
  const canEdit = round.permissions.canManage && phaseIndex(round.phase) <= phaseIndex('review');

  const criteria = useMemo(() => {
    const seen = new Map<string, string>();
    for (const x of list) if (!seen.has(x.criterionId)) seen.set(x.criterionId, x.code);
    return [...seen].map(([id, code]) => {
      const c = scheme.data?.criteria.find((k) => k.id === id);
      return { id, code, title: c?.title ?? '', measure: c?.measure ?? '' };
    });
  }, [list, scheme.data]);
  const rows = useMemo<UnitRow[]>(() => {
    const byUnit = new Map<string, UnitRow>();
    for (const u of round.units) byUnit.set(u.id, { unitId: u.id, unitName: u.name, cells: new Map() });
    for (const x of list) byUnit.get(x.unitId)?.cells.set(x.criterionId, x);
    return [...byUnit.values()].filter((r) => r.cells.size > 0);
  }, [list, round.units]);

  if (!list.length) return null;
  const key = (unitId: string, criterionId: string) => `${unitId}|${criterionId}`;

  const startEdit = () => setDraft(Object.fromEntries(list.map((x) => [key(x.unitId, x.criterionId), x.source === 'round' ? toText(x.target) : ''])));
  const submit = async () => {
    const changes: { unitId: string; criterionId: string; target: number | null }[] = [];
    for (const x of list) {
      const text = draft![key(x.unitId, x.criterionId)] ?? '';
      const value = parseNumber(text);
      if (Number.isNaN(value)) {
        message.error(t('notANumber'));
        return;
      }
      const before = x.source === 'round' ? x.target : null;
      if (value !== before) changes.push({ unitId: x.unitId, criterionId: x.criterionId, target: value });
    }
    if (!changes.length) {
      message.info(t('targetsNoChange'));
      setDraft(null);
      return;
    }
    try {
      await save.mutateAsync({ id: round.id, body: { targets: changes } });
      message.success(t('targetsSaved'));
      setDraft(null);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Card
      title={t('targets')}
      style={{ marginBottom: 16 }}
      extra={canEdit && (draft
        ? <Space><Button onClick={() => setDraft(null)}>{t('action.cancel')}</Button><Button type="primary" loading={save.isPending} onClick={submit}>{t('saveTargets')}</Button></Space>
        : <Button onClick={startEdit}>{t('editTargets')}</Button>)}
    >
      <Typography.Paragraph type="secondary">{t('targetsHint')}{draft && <> {t('clearHint')}</>}</Typography.Paragraph>
      <DataTable<UnitRow>
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={rows}
        aria-label={t('targets')}
        scroll={{ x: 600 }}
        columns={[
          { title: t('colUnit'), dataIndex: 'unitName' },
          ...criteria.map((c) => ({
            title: <span title={c.title}>{c.code}{c.title && ` – ${c.title}`}{c.measure && ` (${c.measure})`}</span>,
            key: c.id,
            width: 260,
            render: (_: unknown, r: UnitRow) => {
              const cell = r.cells.get(c.id);
              if (!cell) return null;
              if (draft) {
                const k = key(r.unitId, c.id);
                return (
                  <Space orientation="vertical" size={2}>
                    <Input
                      inputMode="decimal"
                      value={draft[k] ?? ''}
                      placeholder={cell.source === 'covenant' ? formatNumber(cell.target) : ''}
                      onChange={(e) => setDraft((d) => ({ ...d!, [k]: e.target.value }))}
                      aria-label={t('targetOf', { code: c.code, unit: r.unitName })}
                      style={{ width: 140 }}
                    />
                    {cell.source === 'covenant' && <Tag color={SOURCE_COLORS.covenant}>{t('source.covenant')}: {formatNumber(cell.target)}</Tag>}
                  </Space>
                );
              }
              return (
                <Space size={6}>
                  <span>{cell.target === null ? '—' : formatNumber(cell.target)}</span>
                  <Tag color={SOURCE_COLORS[cell.source]}>{t(`source.${cell.source}`)}</Tag>
                </Space>
              );
            },
          })),
        ]}
      />
    </Card>
  );
}
