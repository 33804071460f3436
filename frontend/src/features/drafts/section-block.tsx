import { Alert, Badge, Button, Flex, Form, Input, Popconfirm, Space } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiError } from '@/api/client';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { formatDateTime } from '@/lib/format';
import { draftVersionQueryOptions, useDeleteSection, useUpdateSection, type DraftComment, type DraftSection, type DraftVersion } from './api/drafts';
import { SectionComments } from './comment-threads';
import { draftStrings } from './i18n';
import { validated } from '@/lib/forms';
import { Typography } from '@/components/typography';

export const sectionAnchor = (key: string) => `muc-${key}`;

interface Conflict {
  message: string;
  mine: { heading: string; body: string };
}

/**
 * Edits one section in place. Sends the `rev` the editor was opened at; when someone else saved first
 * (409) it shows the server's message, loads the newer text into the editor and keeps what the user
 * typed beside it, so nothing is overwritten silently and nothing typed is lost.
 */
function SectionEditor({ version, section, onClose }: { version: DraftVersion; section: DraftSection; onClose: () => void }) {
  const t = useT(draftStrings);
  const [form] = Form.useForm<{ heading: string; body: string }>();
  const [rev, setRev] = useState(section.rev);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const update = useUpdateSection();
  const remove = useDeleteSection();
  const qc = useQueryClient();
  const { message } = useFeedback();

  const reloadAfterConflict = async (e: ApiError, mine: Conflict['mine']) => {
    setConflict({ message: e.message, mine });
    const fresh = await qc.fetchQuery({ ...draftVersionQueryOptions(version.id), staleTime: 0 }).catch(() => null);
    const latest = fresh?.sections.find((s) => s.key === section.key);
    if (!latest) {
      message.warning(t('sectionGone'));
      onClose();
      return;
    }
    form.setFieldsValue({ heading: latest.heading, body: latest.body });
    setRev(latest.rev);
  };

  const save = async () => {
    const v = await validated(form);
    if (!v) return;
    update.mutate({ versionId: version.id, key: section.key, body: { heading: v.heading.trim(), body: v.body, rev } }, {
      onSuccess: () => {
        message.success(t('sectionSaved', { heading: v.heading.trim() }));
        onClose();
      },
      onError: (e) => {
        if (e instanceof ApiError && e.status === 409 && e.code === 'stale_version') {
          void reloadAfterConflict(e, { heading: v.heading, body: v.body });
          return;
        }
        if (!applyServerErrors(form, e, { heading: t('sectionHeading'), body: t('sectionBody') })) message.error(e.message);
      },
    });
  };

  const del = () =>
    remove.mutate({ versionId: version.id, key: section.key, rev }, {
      onSuccess: () => {
        message.success(t('deletedOk'));
        onClose();
      },
      onError: (e) => {
        if (e instanceof ApiError && e.status === 409 && e.code === 'stale_version') void reloadAfterConflict(e, form.getFieldsValue());
        else message.error(e.message);
      },
    });

  return (
    <Form form={form} name={`section-${section.key}`} layout="vertical" initialValues={{ heading: section.heading, body: section.body }} onFinish={save}>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={conflict.message}
          description={
            <>
              <div>{t('staleReloaded')}</div>
              <Typography.Paragraph copyable={{ text: `${conflict.mine.heading}\n${conflict.mine.body}` }} style={{ whiteSpace: 'pre-wrap', background: '#fff', padding: 8, marginTop: 8, marginBottom: 0, border: '1px dashed #d9d9d9' }}>
                <strong>{conflict.mine.heading}</strong>
                {'\n'}
                {conflict.mine.body}
              </Typography.Paragraph>
            </>
          }
        />
      )}
      <Form.Item name="heading" label={t('sectionHeading')} rules={[{ required: true, whitespace: true, message: t('requiredField', { field: t('sectionHeading') }) }, { max: 500 }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="body" label={t('sectionBody')} rules={[{ max: 100000 }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 24 }} />
      </Form.Item>
      <Flex justify="space-between" wrap gap={8}>
        <Space>
          <Button type="primary" htmlType="submit" loading={update.isPending}>{t('action.save')}</Button>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
        </Space>
        <Popconfirm title={t('deleteSectionConfirm', { heading: section.heading })} okText={t('deleteSection')} cancelText={t('action.cancel')} okButtonProps={{ danger: true }} onConfirm={del}>
          <Button danger loading={remove.isPending}>{t('deleteSection')}</Button>
        </Popconfirm>
      </Flex>
    </Form>
  );
}

/** A section as part of the document: heading, text, structured part, comment count and threads. */
export function SectionBlock({ version, section, threads, showComments, onToggleComments, children }: {
  version: DraftVersion;
  section: DraftSection;
  threads: DraftComment[];
  showComments: boolean;
  onToggleComments: () => void;
  /** The structured part shown under this section (plan data), if any. */
  children?: ReactNode;
}) {
  const t = useT(draftStrings);
  const [editing, setEditing] = useState(false);
  const { canEdit } = version.permissions;
  const hasComments = version.status !== 'draft';
  const headingId = `${sectionAnchor(section.key)}-h`;
  return (
    <section id={sectionAnchor(section.key)} aria-labelledby={headingId} style={{ marginBottom: 24, scrollMarginTop: 16 }}>
      <Flex justify="space-between" align="baseline" gap={8} wrap>
        <Typography.Title level={5} id={headingId} style={{ margin: 0 }}>{section.heading}</Typography.Title>
        <Space size={4}>
          {hasComments && (
            <Badge count={section.openCommentCount} size="small" offset={[-4, 0]}>
              <Button size="small" type={showComments ? 'primary' : 'default'} ghost={showComments} onClick={onToggleComments} aria-expanded={showComments}
                aria-label={`${t('comments')}: ${section.heading} (${t('commentCount', { n: section.commentCount })}, ${t('openCount', { n: section.openCommentCount })})`}>
                {t('comments')} ({section.commentCount})
              </Button>
            </Badge>
          )}
          {canEdit && !editing && <Button size="small" onClick={() => setEditing(true)} aria-label={`${t('editSection')}: ${section.heading}`}>{t('action.edit')}</Button>}
        </Space>
      </Flex>
      {editing ? (
        <div style={{ marginTop: 8 }}>
          <SectionEditor version={version} section={section} onClose={() => setEditing(false)} />
        </div>
      ) : (
        <>
          {section.body
            ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8, textAlign: 'justify' }}>{section.body}</Typography.Paragraph>
            : !children && <Typography.Paragraph type="secondary" italic style={{ marginTop: 8 }}>{t('emptyBody')}</Typography.Paragraph>}
          {canEdit && section.updatedByName && section.updatedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('lastEdit', { name: section.updatedByName, time: formatDateTime(section.updatedAt) })}</Typography.Text>
          )}
        </>
      )}
      {children && <div style={{ marginTop: 8 }}>{children}</div>}
      {hasComments && showComments && <SectionComments version={version} sectionKey={section.key} heading={section.heading} threads={threads} />}
    </section>
  );
}
