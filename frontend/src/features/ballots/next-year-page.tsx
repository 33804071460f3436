import { Alert, Button, Popconfirm } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { paths } from '@/lib/paths';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useBlockYear } from '@/api/block-years';
import { useT } from '@/i18n/i18n';
import { useSeatSuggestion, useStartNextYear, type SeatSuggestion } from './api/ballots';
import { SeatsSummary } from './seats-summary';
import { ballotStrings } from './i18n';
import { Typography } from '@/components/typography';

/** Start next year: next year's seats (elected, or the rotation suggestion) and "Khởi tạo năm tiếp theo". */
export function Component() {
  const { id = '' } = useParams();
  const seats = useSeatSuggestion(id);
  return <QueryState query={seats}>{(s) => <NextYear seats={s} />}</QueryState>;
}

function NextYear({ seats: s }: { seats: SeatSuggestion }) {
  const t = useT(ballotStrings);
  const { message } = useFeedback();
  const navigate = useNavigate();
  const year = useBlockYear(s.blockYearId);
  const start = useStartNextYear();
  const [error, setError] = useState<string | null>(null);
  // Board and admins may start it any time; the leader seat once the conference has elected the seats: the server says which.
  const canStart = s.canStartNextYear;
  const blockName = year.data?.blockName ?? '';
  return (
    <>
      <PageHeader
        title={blockName ? t('nextYearTitle', { year: s.nextYear, block: blockName }) : t('nextYearTitleShort')}
        extra={<Link to={paths.blockYear.getHref(s.blockYearId)}><Button>{t('backToYear')}</Button></Link>}
      />
      <Card style={{ marginBottom: 16 }}>
        <Typography.Paragraph>{t('nextYearIntro', { year: s.year })}</Typography.Paragraph>
        <Alert type={s.election ? 'success' : 'info'} showIcon style={{ marginBottom: 12 }}
          title={s.election ? t('seatsFromElection', { year: s.nextYear }) : t('seatsFromSuggestion', { year: s.nextYear })} />
        <SeatsSummary seats={s} />
        {s.nextYearId ? (
          <Alert type="info" showIcon title={t('nextYearExists')}
            action={<Link to={paths.blockYear.getHref(s.nextYearId)}><Button>{t('viewNextYear')}</Button></Link>} />
        ) : (
          <>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
            {canStart && (
              <Popconfirm title={t('startConfirm', { year: s.nextYear })} okText={t('startNextYear')} cancelText={t('action.cancel')}
                onConfirm={() => start.mutateAsync(s.blockYearId).then(
                  (r) => { message.success(t('startedOk', { year: r.blockYear.year })); navigate(paths.blockYear.getHref(r.blockYear.id)); },
                  (e: Error) => setError(e.message),
                )}>
                <Button type="primary" size="large" loading={start.isPending}>{t('startNextYear')}</Button>
              </Popconfirm>
            )}
          </>
        )}
      </Card>
    </>
  );
}
