import { Alert, Button, Flex, Form, Input, Popconfirm, Space } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '@/api/client';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { draftVersionQueryOptions, useDeleteSection, useUpdateSection, type DraftSection, type DraftVersion } from './api/drafts';
import { draftStrings } from './i18n';
import { validated } from '@/lib/forms';
import { Typography } from '@/components/typography';

interface Conflict {
  message: string;
  mine: { heading: string; body: string };
}

/**
 * Edits one section in place. Sends the `rev` the editor was opened at; when someone else saved first
 * (409) it shows the server's message, loads the newer text into the editor and keeps what the user
 * typed beside it, so nothing is overwritten silently and nothing typed is lost.
 */
export function SectionEditor({ version, section, onClose }: { version: DraftVersion; section: DraftSection; onClose: () => void }) {
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
