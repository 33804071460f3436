import { Button, Flex, Space } from 'antd';
import { CountBadge } from '@/components/count-badge';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useT } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import type { DraftComment, DraftSection, DraftVersion } from './api/drafts';
import { draftStrings } from './i18n';
import { Typography } from '@/components/typography';

/** The section's editor (the kit's Form, TextArea) loads when someone first edits a section. */
const SectionEditor = lazy(() => import('./section-editor').then((m) => ({ default: m.SectionEditor })));
/** A section's comment threads (with the reply form) load when first shown. */
const SectionComments = lazy(() => import('./comment-threads').then((m) => ({ default: m.SectionComments })));

export const sectionAnchor = (key: string) => `muc-${key}`;

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
            <span style={{ position: 'relative', display: 'inline-block' }}>
              <Button size="small" type={showComments ? 'primary' : 'default'} ghost={showComments} onClick={onToggleComments} aria-expanded={showComments}
                aria-label={`${t('comments')}: ${section.heading} (${t('commentCount', { n: section.commentCount })}, ${t('openCount', { n: section.openCommentCount })})`}>
                {t('comments')} ({section.commentCount})
              </Button>
              {section.openCommentCount > 0 && (
                <span aria-hidden="true" style={{ position: 'absolute', top: 0, insetInlineEnd: 4, transform: 'translate(50%, -50%)', zIndex: 1 }}><CountBadge count={section.openCommentCount} tone="alert" /></span>
              )}
            </span>
          )}
          {canEdit && !editing && <Button size="small" onClick={() => setEditing(true)} aria-label={`${t('editSection')}: ${section.heading}`}>{t('action.edit')}</Button>}
        </Space>
      </Flex>
      {editing ? (
        <div style={{ marginTop: 8 }}>
          <Suspense fallback={null}><SectionEditor version={version} section={section} onClose={() => setEditing(false)} /></Suspense>
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
      {hasComments && showComments && <Suspense fallback={null}><SectionComments version={version} sectionKey={section.key} heading={section.heading} threads={threads} /></Suspense>}
    </section>
  );
}
