import { Alert, Button, Popconfirm, Radio, Select, Space, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { paths } from '@/lib/paths';
import { DataTable } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useConference, useQuorum } from '@/api/conferences';
import type { Conference } from '@/api/conferences';
import { useT } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import {
  useBallots, useCatalogue, useEligibility, useOpenBallot, useSeatSuggestion,
  type BallotMode, type BallotSummary,
} from './api/ballots';
import { ballotStrings } from './i18n';
import { SeatsSummary } from './seats-summary';
import { Typography } from '@/components/typography';

/** The seat election's form (the kit's Form, TextArea) loads only where it is shown: the leader, in session. */
const ElectForm = lazy(() => import('./elect-form').then((m) => ({ default: m.ElectForm })));

/** The secret ballots of a year-end conference: the list, opening a ballot per award, and the seat election. */
export function Component() {
  const { id = '' } = useParams();
  const conference = useConference(id, { liveRefreshMs: 10_000 });
  return <QueryState query={conference}>{(c) => <ConferenceBallots conference={c} />}</QueryState>;
}

function ConferenceBallots({ conference: c }: { conference: Conference }) {
  const t = useT(ballotStrings);
  const inSession = c.status === 'in_session';
  const ballots = useBallots(c.id, inSession);
  // The leader seat runs ballots: the server says so for the conference's year (year-end conferences only hold ballots).
  const seats = useSeatSuggestion(c.kind === 'year_end' ? c.blockYearId : undefined);
  const isLeader = !!seats.data?.canRunBallots;
  return (
    <>
      <PageHeader
        title={t('pageTitle', { title: c.title })}
        subtitle={<Space wrap size={4}><span>{c.blockName} – {c.year} · {formatDateTime(c.startsAt)}</span></Space>}
        extra={
          <>
            <Link to={paths.conference.getHref(c.id)}><Button>{t('backToConference')}</Button></Link>
            {c.permissions.canRun && c.status !== 'concluded' && <Link to={paths.conferenceLive.getHref(c.id)}><Button>{t('runConference')}</Button></Link>}
          </>
        }
      />
      {c.kind !== 'year_end' && <Alert type="warning" showIcon title={t('notYearEnd')} style={{ marginBottom: 16 }} />}
      {seats.data && !isLeader && c.kind === 'year_end' && <Alert type="info" showIcon title={t('leaderOnly')} style={{ marginBottom: 16 }} />}

      <Card title={t('ballots')} style={{ marginBottom: 16 }}>
        <QueryState query={ballots}>{(list) => <BallotTable ballots={list} />}</QueryState>
      </Card>

      {c.kind === 'year_end' && isLeader && inSession && <OpenBallotCard conference={c} />}
      {c.kind === 'year_end' && <SeatsCard conference={c} />}
    </>
  );
}

function BallotTable({ ballots }: { ballots: BallotSummary[] }) {
  const t = useT(ballotStrings);
  if (!ballots.length) return <Typography.Text type="secondary">{t('noBallots')}</Typography.Text>;
  return (
    <DataTable size="small" rowKey="id" pagination={false} dataSource={ballots} columns={[
      { title: t('award'), dataIndex: 'awardName', render: (name: string, b) => <Link to={paths.ballot.getHref(b.id)}>{name}</Link> },
      { title: t('round'), dataIndex: 'round' },
      { title: t('mode'), dataIndex: 'mode', render: (m: BallotMode) => t(`mode.${m}`) },
      { title: t('status'), dataIndex: 'status', render: (s: BallotSummary['status']) => <Tag color={s === 'open' ? 'processing' : 'default'}>{t(`status.${s}`)}</Tag> },
      { title: t('cast'), key: 'cast', render: (_, b) => t('castOf', { n: b.ballotsCast, m: b.present }) },
      { title: t('openedAt'), dataIndex: 'openedAt', render: (v: string) => formatDateTime(v) },
    ]} />
  );
}

/** Opening a ballot: choose the award, see the candidates (eligibility) and the quorum, then open. */
function OpenBallotCard({ conference: c }: { conference: Conference }) {
  const t = useT(ballotStrings);
  const { message } = useFeedback();
  const navigate = useNavigate();
  const catalogue = useCatalogue(c.year);
  const [award, setAward] = useState<string>();
  const [mode, setMode] = useState<BallotMode>('electronic');
  const eligibility = useEligibility(c.blockYearId, award);
  const quorumQuery = useQuorum(c.id, { refetchInterval: 4000 });
  const q = quorumQuery.data ?? c.quorum;
  const openBallot = useOpenBallot();
  const [error, setError] = useState<string | null>(null);
  const awardName = catalogue.data?.find((a) => a.code === award)?.name ?? '';

  return (
    <Card title={t('openTitle')} style={{ marginBottom: 16 }} role="region" aria-label={t('openTitle')}>
      <Alert type={q.met ? 'success' : 'warning'} showIcon style={{ marginBottom: 12 }}
        title={`${t('quorum', { present: q.present, members: q.members, needed: q.needed, num: q.numerator, den: q.denominator })} – ${q.met ? t('quorumMet') : t('quorumNotMet')}`} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label={t('chooseAward')} placeholder={t('chooseAward')} style={{ minWidth: 320 }} value={award} loading={catalogue.isPending}
          onChange={(v: string) => { setAward(v); setError(null); }}
          options={(catalogue.data ?? []).map((a) => ({ value: a.code, label: a.name }))} />
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as BallotMode)} options={[
          { value: 'electronic', label: t('mode.electronic') }, { value: 'paper', label: t('mode.paper') },
        ]} />
      </Space>
      {award && (
        <QueryState query={eligibility}>{(e) => (
          <>
            <Typography.Paragraph strong>{t('quotaLimit', { n: e.quotaLimit })}</Typography.Paragraph>
            {!e.roundFinalised && <Alert type="warning" showIcon title={t('roundNotFinalised')} style={{ marginBottom: 12 }} />}
            <DataTable size="small" rowKey="unitId" pagination={false} dataSource={e.units} style={{ marginBottom: 12 }} columns={[
              { title: t('candidates'), dataIndex: 'name' },
              { title: t('rank'), dataIndex: 'rank' },
              { title: t('eligible'), dataIndex: 'eligible', render: (v: boolean) => (v ? <Tag color="green">{t('eligible')}</Tag> : <Tag>{t('notEligible')}</Tag>) },
              { title: t('reasons'), dataIndex: 'reasons', render: (r: string[]) => r.join('; ') },
            ]} />
          </>
        )}</QueryState>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Popconfirm title={t('openConfirm', { award: awardName })} okText={t('openBallot')} cancelText={t('action.cancel')} disabled={!award}
        onConfirm={() => openBallot.mutateAsync({ conferenceId: c.id, awardCode: award!, mode }).then(
          (b) => { message.success(t('openedOk')); navigate(paths.ballot.getHref(b.id)); },
          (e: Error) => setError(e.message),
        )}>
        <Button type="primary" size="large" disabled={!award} loading={openBallot.isPending}>{t('openBallot')}</Button>
      </Popconfirm>
    </Card>
  );
}

/** Next year's leader and deputy: the rotation suggestion, the recorded election, and recording it (leader, in session). */
function SeatsCard({ conference: c }: { conference: Conference }) {
  const t = useT(ballotStrings);
  const seats = useSeatSuggestion(c.blockYearId);
  return (
    <QueryState query={seats}>{(s) => (
      <Card title={t('seatsTitle', { year: s.nextYear })} style={{ marginBottom: 16 }} role="region" aria-label={t('seatsTitle', { year: s.nextYear })}
        extra={<Link to={paths.nextYear.getHref(c.blockYearId)}>{s.nextYearId ? t('viewNextYear') : t('goNextYear')}</Link>}>
        <SeatsSummary seats={s} />
        {s.canElect && c.status === 'in_session' && <Suspense fallback={null}><ElectForm conference={c} seats={s} /></Suspense>}
      </Card>
    )}</QueryState>
  );
}
