import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import { DataTable } from '@/components/data-table';
import { useT } from '@/i18n/i18n';
import { formatDate } from '@/lib/format';
import type { ProposalSummary } from './api/proposals';
import { proposalStrings } from './i18n';
import { DueDate, StatusTag } from './labels';

/** Dossiers as rows: block, year, status, letter, submitted date, due date, nominee count. */
export function ProposalsTable({ items, loading, error, showBlock = true }: { items: ProposalSummary[] | undefined; loading: boolean; error?: string; showBlock?: boolean }) {
  const t = useT(proposalStrings);
  return (
    <DataTable<ProposalSummary>
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: error ?? t('noProposals') }}
      columns={[
        ...(showBlock ? [{
          title: t('block'), key: 'block',
          render: (_: unknown, p: ProposalSummary) => <Link to={paths.proposal.getHref(p.id)}>{p.blockName}</Link>,
        }] : []),
        { title: t('year'), dataIndex: 'year', width: 80 },
        { title: t('status'), dataIndex: 'status', width: 170, render: (_: unknown, p) => <StatusTag status={p.status} /> },
        {
          title: t('letterNumber'), dataIndex: 'letterNumber', width: 150,
          render: (n: string, p) => (showBlock ? n : <Link to={paths.proposal.getHref(p.id)}>{n || t('open')}</Link>),
        },
        { title: t('submittedAt'), dataIndex: 'submittedAt', width: 120, render: (s: string | null) => formatDate(s) },
        { title: t('dueDate'), key: 'due', width: 210, render: (_: unknown, p) => <DueDate p={p} /> },
        { title: t('nomineeCount'), dataIndex: 'nomineeCount', width: 120, align: 'right' },
      ]}
    />
  );
}
