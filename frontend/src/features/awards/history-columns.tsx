import { Flex, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import { useT } from '@/i18n/i18n';
import { formatDate } from '@/lib/format';
import type { AwardRecord } from './api/awards';
import { awardStrings } from './i18n';
import { Typography } from '@/components/typography';
// The award history's columns, shared by the history tab and a unit's own page (which needs none of the tab's table, filters or dialogs).

/** One award record's state: active, or struck through with its revocation. */
export function RevocationNote({ r }: { r: AwardRecord }) {
  const t = useT(awardStrings);
  if (!r.revokedAt) return <Tag color="green">{t('active')}</Tag>;
  return (
    <Flex vertical gap={2}>
      <span><Tag color="red">{t('revoked')}</Tag></span>
      <Typography.Text type="secondary">
        {t('revokedBy', { number: r.revocationDecisionNumber ?? '', date: r.revocationDecisionDate ? ` (${formatDate(r.revocationDecisionDate)})` : '', reason: r.revocationReason ?? '' })}
      </Typography.Text>
    </Flex>
  );
}

const struck = (r: AwardRecord, node: ReactNode) => (r.revokedAt ? <Typography.Text delete type="secondary">{node}</Typography.Text> : node);

export function historyColumns(t: ReturnType<typeof useT<typeof awardStrings.vi>>, withUnit: boolean) {
  return [
    { title: t('year'), dataIndex: 'year', width: 70, render: (v: number, r: AwardRecord) => struck(r, v) },
    ...(withUnit ? [{ title: t('unit'), key: 'unit', render: (_: unknown, r: AwardRecord) => struck(r, <Link to={paths.unitAwards.getHref(r.unitId)}>{r.unitName}</Link>) }] : []),
    { title: t('award'), dataIndex: 'awardName', render: (v: string, r: AwardRecord) => struck(r, v) },
    { title: t('decisionNumber'), dataIndex: 'decisionNumber', render: (v: string, r: AwardRecord) => struck(r, r.proposalId ? <Link to={paths.proposal.getHref(r.proposalId)}>{v}</Link> : v) },
    { title: t('decisionDate'), dataIndex: 'decisionDate', render: (v: string, r: AwardRecord) => struck(r, formatDate(v)) },
    { title: t('signer'), dataIndex: 'signer', render: (v: string, r: AwardRecord) => struck(r, v) },
    { title: t('status'), key: 'status', width: 260, render: (_: unknown, r: AwardRecord) => <RevocationNote r={r} /> },
  ];
}
