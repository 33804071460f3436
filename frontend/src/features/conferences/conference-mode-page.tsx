import { Alert, Button, Col, Flex, Form, Input, Modal, Popconfirm, Row, Space, Steps, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { paths } from '@/lib/paths';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import {
  QUORUM_POLL_MS, useCloseSession, useConference, useMarkItemDone, useOpenSession, useQuorum, useSetCurrentItem, useUpdateAgendaItem,
  type AgendaItem, type Conference,
} from '@/api/conferences';
import { CheckInTable } from './check-in-table';
import { DecisionPanel } from './decision-panel';
import { conferenceStrings } from './i18n';
import { STATUS_COLORS } from './labels';
import { QuorumIndicator } from './quorum-indicator';
import { Typography } from '@/components/typography';

/** While the session runs, the conference itself refreshes this often (another operator may step or decide). */
const LIVE_REFRESH_MS = 10_000;

/**
 * Conference mode: the page the leader runs the meeting from, on a laptop or a projector. The live
 * quorum (polled, and updated at once after each check-in), attendance check-in per unit, the agenda
 * stepper with the current item, its decisions, and opening and closing the session.
 */
export function ConferenceModePage() {
  const { id = '' } = useParams();
  const conference = useConference(id, { liveRefreshMs: LIVE_REFRESH_MS });
  return <QueryState query={conference}>{(c) => <ConferenceMode conference={c} />}</QueryState>;
}

function ConferenceMode({ conference: c }: { conference: Conference }) {
  const t = useT(conferenceStrings);
  const live = c.status !== 'concluded';
  const quorumQuery = useQuorum(c.id, { refetchInterval: live ? QUORUM_POLL_MS : false });
  const quorum = quorumQuery.data ?? c.quorum;
  const canRun = c.permissions.canRun;
  const stage = useRef<HTMLDivElement>(null);
  const [presenting, setPresenting] = useState(false);

  useEffect(() => {
    const onChange = () => { if (!document.fullscreenElement) setPresenting(false); };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const togglePresenting = () => {
    if (presenting) {
      setPresenting(false);
      if (document.fullscreenElement) void document.exitFullscreen?.();
    } else {
      setPresenting(true);
      // The whole document goes full screen (so dialogs still show); the stage covers the shell.
      void document.documentElement.requestFullscreen?.().catch(() => {});
    }
  };

  const current = c.agenda.find((i) => i.status === 'current') ?? null;

  return (
    <div
      ref={stage}
      style={presenting ? { position: 'fixed', inset: 0, zIndex: 900, background: '#fff', overflow: 'auto', padding: 24 } : undefined}
    >
      <PageHeader
        title={c.title}
        subtitle={
          <Space wrap size={4}>
            <Tag color={STATUS_COLORS[c.status]}>{t(`status.${c.status}`)}</Tag>
            <span>{formatDateTime(c.startsAt)} · {c.place}</span>
          </Space>
        }
        extra={
          <>
            <Link to={paths.conference.getHref(c.id)}><Button>{t('backToConference')}</Button></Link>
            {c.kind === 'year_end' && <Link to={paths.conferenceBallots.getHref(c.id)}><Button>{t('secretBallots')}</Button></Link>}
            <Button onClick={togglePresenting}>{presenting ? t('exitFullscreen') : t('fullscreen')}</Button>
            {canRun && <SessionButtons conference={c} />}
          </>
        }
      />
      {!canRun && <Alert type="info" showIcon title={t('readOnlyNotice')} style={{ marginBottom: 16 }} />}
      {c.status === 'planned' && canRun && <Alert type="info" showIcon title={t('plannedNotice')} style={{ marginBottom: 16 }} />}
      {c.status === 'concluded' && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('concludedNotice', { time: formatDateTime(c.closedAt) })}
          action={<Link to={`${paths.conference.getHref(c.id)}#bien-ban`}><Button>{t('viewMinutes')}</Button></Link>} />
      )}

      <QuorumIndicator quorum={quorum} attendance={c.attendance} large={presenting} live={live} />

      <Row gutter={16}>
        <Col xs={24} lg={live ? 9 : 24}>
          <AgendaStepper conference={c} canRun={canRun} />
        </Col>
        {live && (
          <Col xs={24} lg={15}>
            <CurrentItem conference={c} item={current} canRun={canRun} quorum={quorum} large={presenting} />
          </Col>
        )}
      </Row>

      <CheckInTable conference={c} editable={canRun && live} />
    </div>
  );
}

/** "Khai mạc" (planned → in session) and "Bế mạc" (in session → concluded, drafting the minutes), each confirmed first. */
function SessionButtons({ conference: c }: { conference: Conference }) {
  const t = useT(conferenceStrings);
  const { message } = useFeedback();
  const open = useOpenSession();
  const close = useCloseSession();
  const [closing, setClosing] = useState(false);
  const [form] = Form.useForm<{ conclusion: string }>();

  if (c.status === 'planned') {
    return (
      <Popconfirm title={t('openConfirm')} okText={t('openSession')} cancelText={t('action.cancel')}
        onConfirm={() => open.mutateAsync(c.id).then(() => { message.success(t('openedOk')); }, (e: Error) => { message.error(e.message); })}>
        <Button type="primary" size="large" loading={open.isPending}>{t('openSession')}</Button>
      </Popconfirm>
    );
  }
  if (c.status !== 'in_session') return null;
  return (
    <>
      <Button danger type="primary" size="large" onClick={() => { form.setFieldsValue({ conclusion: c.conclusion }); setClosing(true); }}>{t('closeSession')}</Button>
      <Modal open={closing} title={t('closeTitle')} okText={t('closeSession')} okButtonProps={{ danger: true }} cancelText={t('action.cancel')} confirmLoading={close.isPending}
        onCancel={() => setClosing(false)}
        onOk={() => close.mutate({ id: c.id, conclusion: (form.getFieldValue('conclusion') as string | undefined)?.trim() }, {
          onSuccess: () => { message.success(t('closedOk')); setClosing(false); },
          onError: (e) => message.error(e.message),
        })}>
        <Typography.Paragraph>{t('closeBody')}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="conclusion" label={t('closeConclusion')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The agenda as a vertical stepper; in session the leader may jump to any item. */
function AgendaStepper({ conference: c, canRun }: { conference: Conference; canRun: boolean }) {
  const t = useT(conferenceStrings);
  const { message } = useFeedback();
  const setCurrent = useSetCurrentItem();
  const clickable = canRun && c.status === 'in_session' && !setCurrent.isPending;
  const currentIndex = c.agenda.findIndex((i) => i.status === 'current');
  return (
    <Card title={t('agenda')} style={{ marginBottom: 16 }}>
      {c.agenda.length === 0
        ? <Typography.Text type="secondary">{t('agendaEmpty')}</Typography.Text>
        : (
          <Steps
            orientation="vertical"
            size="small"
            current={currentIndex >= 0 ? currentIndex : c.agenda.every((i) => i.status === 'done') ? c.agenda.length : 0}
            onChange={clickable ? (i) => {
              const item = c.agenda[i];
              if (item && item.status !== 'current') setCurrent.mutate({ id: c.id, itemId: item.id }, { onError: (e) => message.error(e.message) });
            } : undefined}
            items={c.agenda.map((item, i) => ({
              title: item.title,
              content: item.presenter,
              status: item.status === 'done' ? 'finish' : item.status === 'current' ? 'process' : 'wait',
              'aria-label': t('goToItem', { n: i + 1 }),
            }))}
          />
        )}
    </Card>
  );
}

/** The item under way: presenter, material, discussion notes, decisions, and "Xong, chuyển mục tiếp". */
function CurrentItem({ conference: c, item, canRun, quorum, large }: { conference: Conference; item: AgendaItem | null; canRun: boolean; quorum: Conference['quorum']; large?: boolean }) {
  const t = useT(conferenceStrings);
  const { message } = useFeedback();
  const done = useMarkItemDone();
  const setCurrent = useSetCurrentItem();
  const index = item ? c.agenda.findIndex((i) => i.id === item.id) : -1;
  const isLast = index === c.agenda.length - 1;
  const nextPending = c.agenda.find((i) => i.status === 'pending');
  const inSession = c.status === 'in_session';

  if (!item) {
    return (
      <Card title={t('currentItem')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">
          {c.agenda.length > 0 && c.agenda.every((i) => i.status === 'done') ? t('allDone') : t('noCurrentItem')}
        </Typography.Paragraph>
        {canRun && inSession && nextPending && (
          <Button type="primary" size="large" loading={setCurrent.isPending}
            onClick={() => setCurrent.mutate({ id: c.id, itemId: nextPending.id }, { onError: (e) => message.error(e.message) })}>
            {t('goToItem', { n: c.agenda.indexOf(nextPending) + 1 })}
          </Button>
        )}
      </Card>
    );
  }

  return (
    <Card title={`${t('currentItem')} · ${index + 1}/${c.agenda.length}`} style={{ marginBottom: 16 }}
      extra={canRun && inSession && (
        <Button type="primary" size="large" loading={done.isPending}
          onClick={() => done.mutate({ id: c.id, itemId: item.id }, { onError: (e) => message.error(e.message) })}>
          {isLast ? t('finishItem') : t('nextItem')}
        </Button>
      )}>
      <Typography.Title level={large ? 2 : 3} style={{ marginTop: 0 }}>{item.title}</Typography.Title>
      <Flex vertical gap={4} style={{ marginBottom: 16 }}>
        {item.presenter && <Typography.Text style={{ fontSize: large ? 20 : 16 }}>{t('presenter')}: {item.presenter}</Typography.Text>}
        {item.materialKind && (
          <span>
            <Tag color="blue">{t(`material.${item.materialKind}`)}</Tag>
            <Typography.Text style={{ fontSize: large ? 18 : 15 }}>{item.materialTitle}</Typography.Text>
          </span>
        )}
      </Flex>
      {canRun && <NotesEditor conference={c} item={item} />}
      <DecisionPanel conference={c} item={item} quorum={quorum} canDecide={canRun} />
    </Card>
  );
}

/** The discussion summary of the item, taken during the session; it goes into the minutes. */
function NotesEditor({ conference: c, item }: { conference: Conference; item: AgendaItem }) {
  const t = useT(conferenceStrings);
  const { message } = useFeedback();
  const update = useUpdateAgendaItem();
  const [notes, setNotes] = useState(item.notes);
  // A new item (or someone else's saved notes while these are untouched) replaces the text.
  const [base, setBase] = useState({ id: item.id, notes: item.notes });
  if (base.id !== item.id || (base.notes !== item.notes && notes === base.notes)) {
    setBase({ id: item.id, notes: item.notes });
    setNotes(item.notes);
  }
  const dirty = notes !== item.notes;
  return (
    <div style={{ marginBottom: 16 }}>
      <label htmlFor={`notes-${item.id}`} style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>{t('notes')}</label>
      <Input.TextArea id={`notes-${item.id}`} value={notes} onChange={(e) => setNotes(e.target.value)} autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} />
      <Button style={{ marginTop: 8 }} disabled={!dirty || c.status === 'concluded'} loading={update.isPending}
        onClick={() => update.mutate({ id: c.id, itemId: item.id, body: { notes } }, { onSuccess: () => message.success(t('notesSavedOk')), onError: (e) => message.error(e.message) })}>
        {t('saveNotes')}
      </Button>
    </div>
  );
}

export { ConferenceModePage as Component };
