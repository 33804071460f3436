import { Button, Descriptions } from 'antd';
import { Card } from '@/components/card';
import { useState } from 'react';
import { useT } from '@/i18n/i18n';
import { formatDate } from '@/lib/format';
import type { Proposal } from './api/proposals';
import { proposalStrings } from './i18n';
import { lazyDialog } from '@/components/lazy-dialog';

// Dialogs load when first opened.
const LetterModal = lazyDialog(() => import('./letter-modal').then((m) => m.LetterModal), () => true);

/** The submission letter (tờ trình); the leader or deputy seat edits it while the dossier is drafted or returned. */
export function LetterSection({ p }: { p: Proposal }) {
  const t = useT(proposalStrings);
  const [editing, setEditing] = useState(false);
  const l = p.letter;
  return (
    <Card
      size="small"
      title={t('letter')}
      extra={p.permissions.canEdit && <Button onClick={() => setEditing(true)}>{t('editLetter')}</Button>}
    >
      <Descriptions size="small" column={1} items={[
        { key: 'n', label: t('letterNo'), children: l.number },
        { key: 'd', label: t('letterDate'), children: l.date ? formatDate(l.date) : t('letterDateHint') },
        { key: 'r', label: t('recipient'), children: l.recipient },
        { key: 'p', label: t('content'), children: <div>{l.paragraphs.map((x, i) => <p key={i} style={{ margin: '0 0 6px' }}>{x}</p>)}</div> },
        { key: 'c', label: t('closing'), children: l.closing },
        { key: 's', label: t('signer'), children: l.signerName },
      ]} />
      {editing && <LetterModal p={p} onClose={() => setEditing(false)} />}
    </Card>
  );
}

