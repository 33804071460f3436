import { Button, Flex, Form, Input, Space, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useState } from 'react';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { formatDateTime } from '@/lib/format';
import { useAddComment, useResolveComment, type DraftComment, type DraftVersion } from './api/drafts';
import { draftStrings } from './i18n';
import { validated } from '@/lib/forms';
import { Typography } from '@/components/typography';

/** A box to write a comment or a reply; sends `{ sectionKey, body, parentId? }`. */
function CommentForm({ version, sectionKey, parentId, label, submitLabel, onDone }: {
  version: DraftVersion;
  sectionKey: string;
  parentId?: string;
  label: string;
  submitLabel: string;
  onDone?: () => void;
}) {
  const t = useT(draftStrings);
  const [form] = Form.useForm<{ body: string }>();
  const add = useAddComment();
  const { message } = useFeedback();
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    add.mutate({ versionId: version.id, body: { sectionKey, body: v.body.trim(), ...(parentId ? { parentId } : {}) } }, {
      onSuccess: () => {
        form.resetFields();
        message.success(t('commentSent'));
        onDone?.();
      },
      onError: (e) => {
        if (!applyServerErrors(form, e, { body: label })) message.error(e.message);
      },
    });
  };
  return (
    <Form form={form} name={`comment-${version.id}-${sectionKey}-${parentId ?? 'new'}`} layout="vertical" onFinish={submit} style={{ marginTop: 8 }}>
      <Form.Item name="body" label={label} rules={[{ required: true, whitespace: true, message: t('requiredField', { field: t('comments') }) }, { max: 5000 }]} style={{ marginBottom: 8 }}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder={t('commentPlaceholder')} maxLength={5000} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={add.isPending}>{submitLabel}</Button>
        {onDone && <Button onClick={onDone}>{t('action.cancel')}</Button>}
      </Space>
    </Form>
  );
}

/** One comment with its replies (nested), reply box and, on a thread's first comment, resolve / reopen. */
function CommentItem({ comment, version, depth }: { comment: DraftComment; version: DraftVersion; depth: number }) {
  const t = useT(draftStrings);
  const [replying, setReplying] = useState(false);
  const resolve = useResolveComment();
  const { message } = useFeedback();
  const { canComment, canResolve } = version.permissions;
  const isRoot = !comment.parentId;
  const resolved = isRoot && !!comment.resolvedAt;
  const toggle = () => resolve.mutate({ id: comment.id, resolved: !resolved }, { onError: (e) => message.error(e.message) });
  return (
    <li
      aria-label={`${comment.authorName}${comment.unitName ? ` – ${comment.unitName}` : ''}`}
      style={{ listStyle: 'none', padding: '8px 0 4px 12px', borderInlineStart: `3px solid ${resolved ? '#d9d9d9' : depth ? '#e6f4ff' : '#91caff'}`, marginBottom: 8 }}
    >
      <Flex gap={8} wrap align="baseline">
        <Typography.Text strong>{comment.authorName}</Typography.Text>
        {comment.unitName && <Typography.Text type="secondary">{comment.unitName}</Typography.Text>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(comment.createdAt)}</Typography.Text>
        {resolved && <Tag color="green">{comment.resolvedByName ? t('resolvedBy', { name: comment.resolvedByName }) : t('resolved')}</Tag>}
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0', color: resolved ? '#8c8c8c' : undefined }}>{comment.body}</Typography.Paragraph>
      <Space size={4}>
        {canComment && !replying && <Button size="small" type="link" onClick={() => setReplying(true)} aria-label={t('replyTo', { name: comment.authorName })}>{t('reply')}</Button>}
        {isRoot && canResolve && (
          <Button size="small" type="link" loading={resolve.isPending} onClick={toggle}>{resolved ? t('reopen') : t('resolve')}</Button>
        )}
      </Space>
      {replying && (
        <CommentForm version={version} sectionKey={comment.sectionKey} parentId={comment.id} label={t('replyTo', { name: comment.authorName })}
          submitLabel={t('sendReply')} onDone={() => setReplying(false)} />
      )}
      {comment.replies.length > 0 && (
        <ul style={{ paddingInlineStart: 16, margin: '8px 0 0' }}>
          {comment.replies.map((r) => <CommentItem key={r.id} comment={r} version={version} depth={depth + 1} />)}
        </ul>
      )}
    </li>
  );
}

/** The threads of one section, oldest first, and a box for a new comment while the version is circulated. */
export function SectionComments({ version, sectionKey, heading, threads }: { version: DraftVersion; sectionKey: string; heading: string; threads: DraftComment[] }) {
  const t = useT(draftStrings);
  return (
    <section aria-label={t('commentsOf', { heading })} style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', marginTop: 8 }}>
      {threads.length ? (
        <ul style={{ padding: 0, margin: 0 }}>
          {threads.map((c) => <CommentItem key={c.id} comment={c} version={version} depth={0} />)}
        </ul>
      ) : (
        <Typography.Text type="secondary">{t('noComments')}</Typography.Text>
      )}
      {version.permissions.canComment
        ? <CommentForm version={version} sectionKey={sectionKey} label={t('newComment', { heading })} submitLabel={t('sendComment')} />
        : version.status !== 'circulated' && threads.length > 0 && <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>{t('commentClosed')}</Typography.Paragraph>}
    </section>
  );
}
