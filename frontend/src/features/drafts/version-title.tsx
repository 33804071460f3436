import EditOutlined from '@ant-design/icons/EditOutlined';
import { lazy, Suspense, useState } from 'react';
import { useT } from '@/i18n/i18n';
import { Typography } from '@/components/typography';
import { draftStrings } from './i18n';

const VersionTitleEditor = lazy(() => import('./version-title-editor').then((m) => ({ default: m.VersionTitleEditor })));
const style = { fontSize: 16, marginBottom: 0 };

/**
 * A version's title under the document's kind, with the kit's edit button when it may be edited; the editor
 * (antd's editable text) loads when the button is first pressed, not with the page.
 */
export function VersionTitle({ title, canEdit, onSave }: { title: string; canEdit: boolean; onSave: (title: string) => void }) {
  const t = useT(draftStrings);
  const [editing, setEditing] = useState(false);
  const shown = (
    <Typography.Paragraph strong style={style}>
      {title}
      {canEdit && (
        <button type="button" className="ant-typography-edit" aria-label={t('editTitle')} title={t('editTitle')} onClick={() => setEditing(true)}>
          <EditOutlined />
        </button>
      )}
    </Typography.Paragraph>
  );
  if (!editing) return shown;
  return <Suspense fallback={shown}><VersionTitleEditor title={title} style={style} onSave={onSave} onDone={() => setEditing(false)} /></Suspense>;
}
