import { Alert, Button } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Link, useNavigate, useParams } from 'react-router';
import { paths } from '@/lib/paths';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useBlockYear, useYearRights } from '@/api/block-years';
import { useT } from '@/i18n/i18n';
import { useCreateProposal, useProposals } from './api/proposals';
import { proposalStrings } from './i18n';
import { ProposalsTable } from './proposals-table';

/** The dossiers of one block year; the leader or deputy seat creates one. */
export function BlockYearProposalsPage() {
  const { id = '' } = useParams();
  const t = useT(proposalStrings);
  const { message } = useFeedback();
  const navigate = useNavigate();
  const year = useBlockYear(id);
  const list = useProposals({ blockYearId: id });
  const create = useCreateProposal();
  const canAssemble = !!useYearRights(id).data?.assembleDossier;
  const open = list.data?.some((p) => p.status !== 'cancelled');

  return (
    <QueryState query={year}>
      {(y) => (
        <>
          <PageHeader
            title={t('blockYearTitle', { block: y.blockName, year: y.year })}
            subtitle={<Link to={paths.blockYear.getHref(y.id)}>{t('backToYear')}</Link>}
            extra={canAssemble && !open && (
              <Button
                type="primary"
                loading={create.isPending}
                onClick={() => create.mutate(id, {
                  onSuccess: (p) => {
                    void message.success(t('createdOk'));
                    navigate(paths.proposal.getHref(p.id));
                  },
                })}
              >
                {t('create')}
              </Button>
            )}
          />
          {create.isError && <Alert type="error" showIcon title={create.error.message} style={{ marginBottom: 16 }} />}
          <ProposalsTable items={list.data} loading={list.isFetching} error={list.isError ? list.error.message : undefined} showBlock={false} />
        </>
      )}
    </QueryState>
  );
}

export { BlockYearProposalsPage as Component };
