import { Alert, Empty, Flex, Select, Tag } from 'antd';
import { Card } from '@/components/card';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { paths } from '@/lib/paths';
import { DataTable } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useBlockYear } from '@/api/block-years';
import { useT } from '@/i18n/i18n';
import { formatNumber } from '@/lib/format';
import { useAwardBonuses, useCatalogue, useEligibility, type AwardBonuses, type EligibilityReport } from './api/awards';
import { awardStrings } from './i18n';
import { Typography } from '@/components/typography';

type UnitBonus = AwardBonuses['units'][number];
type UnitEligibility = EligibilityReport['units'][number];

function Bonuses({ blockYearId }: { blockYearId: string }) {
  const t = useT(awardStrings);
  const query = useAwardBonuses(blockYearId);
  return (
    <QueryState query={query}>
      {(data) => (
        <Card title={t('awardsOfYear', { year: data.fromYear })} size="small">
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('bonusHint', { year: data.year })} />
          <DataTable<UnitBonus>
            rowKey="unitId" size="small" pagination={false} dataSource={data.units}
            columns={[
              { title: t('unit'), dataIndex: 'name', render: (v: string, u) => <Link to={paths.unitAwards.getHref(u.unitId)}>{v}</Link> },
              {
                title: t('awardsOfYear', { year: data.fromYear }), key: 'awards',
                render: (_, u) => (u.awards.length ? (
                  <Flex vertical>
                    {u.awards.map((a) => <span key={a.id}>{a.awardName} ({a.decisionNumber}): +{formatNumber(a.bonusPoints)}</span>)}
                  </Flex>
                ) : <Typography.Text type="secondary">{t('noBonus')}</Typography.Text>),
              },
              { title: t('total'), dataIndex: 'total', align: 'right', width: 150, render: (v: number) => <Typography.Text strong>{formatNumber(v)}</Typography.Text> },
            ]}
          />
        </Card>
      )}
    </QueryState>
  );
}

function Eligibility({ blockYearId, year }: { blockYearId: string; year: number }) {
  const t = useT(awardStrings);
  const catalogue = useCatalogue(year);
  const [chosen, setChosen] = useState<string | undefined>();
  const award = chosen ?? catalogue.data?.[0]?.code;
  const query = useEligibility(blockYearId, award);
  return (
    <Card title={t('eligibilityTitle', { year })} size="small"
      extra={<Select aria-label={t('eligibilityAward')} style={{ minWidth: 260 }} value={award} onChange={setChosen} loading={catalogue.isPending}
        options={(catalogue.data ?? []).map((a) => ({ value: a.code, label: a.name }))} />}>
      <Typography.Paragraph type="secondary">{t('eligibilityHint')}</Typography.Paragraph>
      {award ? (
        <QueryState query={query}>
          {(r) => (
            <>
              {!r.roundFinalised && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('roundNotFinalised')} />}
              <Typography.Paragraph>{t('quotaLimit', { members: r.members, limit: r.quotaLimit })}</Typography.Paragraph>
              <DataTable<UnitEligibility>
                rowKey="unitId" size="small" pagination={false} dataSource={r.units}
                columns={[
                  { title: t('rank'), dataIndex: 'rank', width: 60, render: (v: number | null) => v ?? '—' },
                  { title: t('unit'), dataIndex: 'name' },
                  { title: t('score'), dataIndex: 'total', align: 'right', width: 100, render: (v: number | null) => formatNumber(v) },
                  { title: t('status'), dataIndex: 'eligible', width: 150, render: (v: boolean) => (v ? <Tag color="green">{t('eligible')}</Tag> : <Tag color="red">{t('notEligible')}</Tag>) },
                  { title: t('reasons'), dataIndex: 'reasons', render: (v: string[]) => (v.length ? <ul style={{ margin: 0, paddingLeft: 18 }}>{v.map((x) => <li key={x}>{x}</li>)}</ul> : '—') },
                ]}
              />
            </>
          )}
        </QueryState>
      ) : <Empty />}
    </Card>
  );
}

export function Component() {
  const { id = '' } = useParams();
  const t = useT(awardStrings);
  const blockYear = useBlockYear(id);
  const by = blockYear.data;
  return (
    <>
      <PageHeader
        title={t('bonusesTitle')}
        subtitle={by ? `${by.blockName} – năm ${by.year}` : undefined}
        extra={<Link to={paths.blockYear.getHref(id)}>{t('backToYear')}</Link>}
      />
      <Flex vertical gap={16}>
        <Bonuses blockYearId={id} />
        {by && <Eligibility blockYearId={id} year={by.year} />}
      </Flex>
    </>
  );
}
