import { Typography } from 'antd';
import type { CSSProperties } from 'react';

/** The kit's in-place editor for a version's title (Enter or leaving the field saves, Esc cancels); loaded on first edit. */
export function VersionTitleEditor({ title, style, onSave, onDone }: { title: string; style: CSSProperties; onSave: (title: string) => void; onDone: () => void }) {
  return (
    <Typography.Paragraph strong style={style}
      editable={{ editing: true, text: title, onChange: (next) => { onSave(next); onDone(); }, onCancel: onDone }}>
      {title}
    </Typography.Paragraph>
  );
}
