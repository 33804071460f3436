import { Alert, Button, Descriptions, Space, Tag } from 'antd';
import { lazyDialog } from '@/components/lazy-dialog';
import { Card } from '@/components/card';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { paths } from '@/lib/paths';
import { DataTable } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useMe } from '@/api/me';
import { useT, type SharedKey } from '@/i18n/i18n';
import { formatDate } from '@/lib/format';
import { useBlockYear, type BlockYear } from '@/api/block-years';
import type { EditSection } from './block-year-edit-modal';
import { blockYearStrings } from './i18n';
import type { LegalInstrument } from './legal-basis-fields';
import { RuleSetView } from '@/components/rule-set/rule-set-view';
import { STATUS_COLORS } from './status';
import { YearTimeline } from './year-timeline';
import { Typography } from '@/components/typography';

// Dialogs load when first opened.
const BlockYearEditModal = lazyDialog(() => import('./block-year-edit-modal').then((m) => m.BlockYearEditModal), (p) => p.section !== null);

type Member = BlockYear['members'][number];

/**
 * One block's year: status, khối trưởng / khối phó, members, legal basis and the rule set in plain
 * words. What may be edited follows `permissions` from the server (the board sets the year up; the
 * seat holders draft the legal basis and rule set while the year is being prepared).
 */
export function BlockYearPage() {
  const { id = '' } = useParams();
  const t = useT(blockYearStrings);
  const me = useMe();
  const year = useBlockYear(id);
  const [editing, setEditing] = useState<EditSection | null>(null);

  return (
    <QueryState query={year}>
      {(y) => {
        const archived = y.status === 'archived';
        const { canManage, canEditRules, seat } = y.permissions;
        const seatLabel = seat ? t(`seat.${seat}` as SharedKey) : '';
        const seatOfUnit = (unitId: string) => (unitId === y.leaderUnitId ? 'leader' : unitId === y.deputyUnitId ? 'deputy' : null);
        return (
          <>
            <PageHeader
              title={`${y.blockName} – ${t('year').toLowerCase()} ${y.year}`}
              subtitle={<Space size={4} wrap><span>{t('blockCode')}: {y.blockCode}</span><Tag color={STATUS_COLORS[y.status]}>{t(`status.${y.status}` as SharedKey)}</Tag></Space>}
              extra={seat && <Tag color="gold" style={{ fontSize: 14, padding: '4px 10px' }}>{t('yourSeat', { seat: seatLabel, year: y.year })}</Tag>}
            />
            {archived && <Alert type="info" showIcon title={t('archivedNotice', { year: y.year })} style={{ marginBottom: 16 }} />}
            {!archived && seat && !canManage && (
              <Alert type={canEditRules ? 'success' : 'warning'} showIcon style={{ marginBottom: 16 }}
                title={canEditRules ? t('leaderRightsNotice', { seat: seatLabel, year: y.year }) : t('rulesLockedNotice')} />
            )}

            <Card title={t('workTitle')} style={{ marginBottom: 16 }}>
              <YearTimeline blockYearId={y.id} />
              <Space wrap size={[12, 4]} style={{ marginTop: 8 }}>
                <Typography.Text type="secondary">{t('otherPages')}</Typography.Text>
                <Link to={paths.conferences.getHref(y.id)}>{t('conferencesLink')}</Link>
                <Link to={paths.rounds.getHref(y.id)}>{t('roundsLink')}</Link>
                <Link to={paths.awardBonuses.getHref(y.id)}>{t('awardBonusesLink')}</Link>
              </Space>
            </Card>

            <Card title={t('general')} style={{ marginBottom: 16 }}
              extra={canManage && !archived && <Button onClick={() => setEditing('setup')}>{t('editSetup')}</Button>}>
              <Descriptions
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'block', label: t('block'), children: <Link to={paths.block.getHref(y.blockId)}>{y.blockName}</Link> },
                  { key: 'year', label: t('year'), children: y.year },
                  { key: 'status', label: t('status'), children: <Tag color={STATUS_COLORS[y.status]}>{t(`status.${y.status}` as SharedKey)}</Tag> },
                  { key: 'count', label: t('memberCount'), children: y.members.length },
                  { key: 'leader', label: t('leader'), children: y.leaderUnitName ?? t('none') },
                  { key: 'deputy', label: t('deputy'), children: y.deputyUnitName ?? t('none') },
                ]}
              />
            </Card>

            <Card title={`${t('members')} (${y.members.length})`} style={{ marginBottom: 16 }}>
              <DataTable<Member>
                rowKey="unitId"
                size="small"
                pagination={false}
                dataSource={y.members}
                locale={{ emptyText: t('common.empty') }}
                columns={[
                  { title: t('stt'), key: 'stt', width: 60, render: (_, __, i) => i + 1 },
                  {
                    title: t('unitName'), dataIndex: 'name',
                    render: (name: string, m) => <>{name}{m.unitId === me.data?.unitId && <Tag color="blue" style={{ marginInlineStart: 8 }}>{t('yourUnit')}</Tag>}</>,
                  },
                  { title: t('shortName'), dataIndex: 'shortName', width: 240 },
                  {
                    title: t('seat'), key: 'seat', width: 140,
                    render: (_, m) => {
                      const s = seatOfUnit(m.unitId);
                      return s && <Tag color={s === 'leader' ? 'gold' : 'lime'}>{t(`seat.${s}` as SharedKey)}</Tag>;
                    },
                  },
                ]}
              />
            </Card>

            <Card title={t('legalBasis')} style={{ marginBottom: 16 }}
              extra={canEditRules && <Button onClick={() => setEditing('legalBasis')}>{t('editLegalBasis')}</Button>}>
              <DataTable<LegalInstrument>
                rowKey={(r) => `${r.number}|${r.date}`}
                size="small"
                pagination={false}
                dataSource={y.legalBasis}
                locale={{ emptyText: t('noLegalBasis') }}
                columns={[
                  { title: t('stt'), key: 'stt', width: 60, render: (_, __, i) => i + 1 },
                  { title: t('number'), dataIndex: 'number', width: 180, render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
                  { title: t('date'), dataIndex: 'date', width: 140, render: (d: string) => formatDate(d) },
                  { title: t('abstract'), dataIndex: 'title' },
                ]}
              />
            </Card>

            <Card title={t('ruleSet')} extra={canEditRules && <Button onClick={() => setEditing('rules')}>{t('editRules')}</Button>}>
              <RuleSetView rules={y.rules} members={y.members.length} />
            </Card>

            <BlockYearEditModal year={y} section={editing} onClose={() => setEditing(null)} />
          </>
        );
      }}
    </QueryState>
  );
}

export { BlockYearPage as Component };
