import { Button, Flex, Popconfirm, Space, Tag } from 'antd';
import { lazyDialog } from '@/components/lazy-dialog';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useState } from 'react';
import { useT } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import { useRemoveAgendaItem, useReorderAgenda, type AgendaItem, type Conference, type Decision } from '@/api/conferences';
import { conferenceStrings } from './i18n';
import { Typography } from '@/components/typography';

// Dialogs load when first opened.
const AgendaItemForm = lazyDialog(() => import('./agenda-item-form').then((m) => m.AgendaItemForm), (p) => p.open);

const ITEM_STATUS_COLORS: Record<AgendaItem['status'], string> = { pending: 'default', current: 'processing', done: 'green' };

/** One recorded decision: its words, kind, time and how many units were present. */
export function DecisionLine({ d }: { d: Decision }) {
  const t = useT(conferenceStrings);
  return (
    <div>
      <Tag color={d.kind === 'conclusion' ? 'purple' : 'green'}>{t(`decision.${d.kind}`)}</Tag>
      <Typography.Text>{d.text}</Typography.Text>{' '}
      <Typography.Text type="secondary">
        ({[t('decidedAt', { time: formatDateTime(d.createdAt) }), d.kind === 'conclusion' ? '' : t('decisionQuorum', { present: d.presentCount, members: d.memberCount }), d.createdByName ?? '']
          .filter(Boolean).join(' · ')})
      </Typography.Text>
    </div>
  );
}

/**
 * The agenda in order, each item with its presenter, linked material and the decisions taken on it.
 * The leader edits it (add, edit, delete, move up and down) while the conference is planned.
 */
export function AgendaSection({ conference }: { conference: Conference }) {
  const t = useT(conferenceStrings);
  const { message } = useFeedback();
  const editable = conference.permissions.canRun && conference.status === 'planned';
  const remove = useRemoveAgendaItem();
  const reorder = useReorderAgenda();
  const [editing, setEditing] = useState<AgendaItem | undefined>();
  const [formOpen, setFormOpen] = useState(false);
  const items = conference.agenda;

  const move = (index: number, by: -1 | 1) => {
    const ids = items.map((i) => i.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    reorder.mutate({ id: conference.id, itemIds: ids }, { onError: (e) => message.error(e.message) });
  };

  return (
    <Card
      title={t('agenda')}
      style={{ marginBottom: 16 }}
      extra={editable && <Button type="primary" onClick={() => { setEditing(undefined); setFormOpen(true); }}>+ {t('addItem')}</Button>}
    >
      {editable && <Typography.Paragraph type="secondary">{t('agendaEditableHint')}</Typography.Paragraph>}
      {items.length === 0 && <Typography.Text type="secondary">{t('agendaEmpty')}</Typography.Text>}
      <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((item, index) => {
          const decisions = conference.decisions.filter((d) => d.agendaItemId === item.id);
          return (
            <li key={item.id} aria-label={`${index + 1}. ${item.title}`} style={{ padding: '12px 0', borderBottom: index < items.length - 1 ? '1px solid #f0f0f0' : undefined }}>
              <Flex gap={12} align="start" wrap>
                <Typography.Text strong style={{ minWidth: 24 }}>{index + 1}.</Typography.Text>
                <div style={{ flex: '1 1 320px' }}>
                  <Typography.Text strong>{item.title}</Typography.Text>
                  {conference.status !== 'planned' && <Tag color={ITEM_STATUS_COLORS[item.status]} style={{ marginInlineStart: 8 }}>{t(`itemStatus.${item.status}`)}</Tag>}
                  <div>
                    <Space wrap size={[12, 4]}>
                      {item.presenter && <Typography.Text type="secondary">{t('presenter')}: {item.presenter}</Typography.Text>}
                      {item.materialKind && (
                        <span>
                          <Tag color="blue">{t(`material.${item.materialKind}`)}</Tag>
                          <Typography.Text>{item.materialTitle}</Typography.Text>
                        </span>
                      )}
                    </Space>
                  </div>
                  {item.notes && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{item.notes}</Typography.Paragraph>}
                  {decisions.length > 0 && (
                    <div style={{ marginTop: 6 }} aria-label={`${t('decisions')}: ${item.title}`}>
                      {decisions.map((d) => <DecisionLine key={d.id} d={d} />)}
                    </div>
                  )}
                </div>
                {editable && (
                  <Space size={4}>
                    <Button size="small" aria-label={t('moveUp', { title: item.title })} title={t('moveUp', { title: item.title })} disabled={index === 0 || reorder.isPending} onClick={() => move(index, -1)}>↑</Button>
                    <Button size="small" aria-label={t('moveDown', { title: item.title })} title={t('moveDown', { title: item.title })} disabled={index === items.length - 1 || reorder.isPending} onClick={() => move(index, 1)}>↓</Button>
                    <Button size="small" aria-label={t('editItem', { title: item.title })} onClick={() => { setEditing(item); setFormOpen(true); }}>{t('action.edit')}</Button>
                    <Popconfirm title={t('deleteItemConfirm')} okText={t('remove')} cancelText={t('action.cancel')}
                      onConfirm={() => remove.mutate({ id: conference.id, itemId: item.id }, { onSuccess: () => message.success(t('itemDeletedOk')), onError: (e) => message.error(e.message) })}>
                      <Button size="small" danger aria-label={t('deleteItem', { title: item.title })}>{t('remove')}</Button>
                    </Popconfirm>
                  </Space>
                )}
              </Flex>
            </li>
          );
        })}
      </ol>
      {conference.conclusion && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('conclusion')}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{conference.conclusion}</Typography.Paragraph>
        </>
      )}
      {editable && <AgendaItemForm conference={conference} item={editing} open={formOpen} onClose={() => setFormOpen(false)} />}
    </Card>
  );
}
