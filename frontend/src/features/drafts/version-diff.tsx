import { Alert, Empty, Flex, Form, Modal, Select, Skeleton, Switch, Tag } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import { useT } from '@/i18n/i18n';
import { useDraftDiff, type DiffRow, type DraftVersionSummary, type SectionDiff } from './api/drafts';
import { draftStrings, type DraftStringKey } from './i18n';
import { wordDiff, type Segment } from './word-diff';
import { Typography } from '@/components/typography';

const STATUS_COLOR: Record<SectionDiff['status'], string> = { added: 'green', removed: 'red', changed: 'gold', unchanged: 'default' };
const REMOVED_BG = '#fff1f0';
const ADDED_BG = '#f6ffed';

function Marked({ segments, kind }: { segments: Segment[]; kind: 'del' | 'ins' }) {
  const El = kind;
  const style: CSSProperties = kind === 'del'
    ? { background: '#ffccc7', textDecoration: 'line-through' }
    : { background: '#b7eb8f', textDecoration: 'none' };
  return <>{segments.map((s, i) => (s.changed ? <El key={i} style={style}>{s.text}</El> : <span key={i}>{s.text}</span>))}</>;
}

/** One row of the side-by-side table: line numbers and text, removed on the left, added on the right. */
function Row({ row }: { row: DiffRow }) {
  const t = useT(draftStrings);
  const cell: CSSProperties = { padding: '2px 8px', verticalAlign: 'top', whiteSpace: 'pre-wrap', wordBreak: 'break-word' };
  const no: CSSProperties = { padding: '2px 6px', color: '#8c8c8c', textAlign: 'right', verticalAlign: 'top', fontSize: 12, userSelect: 'none', borderInlineStart: '1px solid #f0f0f0' };
  if (row.kind === 'changed') {
    const d = wordDiff(row.left ?? '', row.right ?? '');
    return (
      <tr data-kind="changed">
        <td style={no}>{row.leftNo}</td>
        <td style={{ ...cell, background: REMOVED_BG }}><Marked segments={d.left} kind="del" /></td>
        <td style={no}>{row.rightNo}</td>
        <td style={{ ...cell, background: ADDED_BG }}><Marked segments={d.right} kind="ins" /></td>
      </tr>
    );
  }
  return (
    <tr data-kind={row.kind}>
      <td style={no}>{row.leftNo}</td>
      <td style={{ ...cell, background: row.kind === 'removed' ? REMOVED_BG : undefined }}>
        {row.kind === 'removed' ? <del aria-label={t('diffLineRemoved')} style={{ textDecoration: 'line-through' }}>{row.left}</del> : row.left}
      </td>
      <td style={no}>{row.rightNo}</td>
      <td style={{ ...cell, background: row.kind === 'added' ? ADDED_BG : undefined }}>
        {row.kind === 'added' ? <ins aria-label={t('diffLineAdded')} style={{ textDecoration: 'none' }}>{row.right}</ins> : row.right}
      </td>
    </tr>
  );
}

function SectionDiffView({ section, leftLabel, rightLabel }: { section: SectionDiff; leftLabel: string; rightLabel: string }) {
  const t = useT(draftStrings);
  const heading = section.rightHeading ?? section.leftHeading ?? section.key;
  const renamed = section.leftHeading && section.rightHeading && section.leftHeading !== section.rightHeading;
  return (
    <section aria-label={heading} style={{ marginBottom: 16 }}>
      <Flex gap={8} align="baseline" wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>{heading}</Typography.Title>
        <Tag color={STATUS_COLOR[section.status]}>{t(`diff.${section.status}` as DraftStringKey)}</Tag>
      </Flex>
      {renamed && <Typography.Text type="secondary">{t('diffRenamed', { from: section.leftHeading!, to: section.rightHeading! })}</Typography.Text>}
      {section.rows.length > 0 && (
        <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: 6, border: '1px solid #f0f0f0', tableLayout: 'fixed' }}>
          <colgroup>
            <col style={{ width: 40 }} />
            <col />
            <col style={{ width: 40 }} />
            <col />
          </colgroup>
          <thead>
            <tr style={{ background: '#fafafa' }}>
              <th colSpan={2} style={{ textAlign: 'left', padding: '4px 8px', fontWeight: 500 }}>{leftLabel}</th>
              <th colSpan={2} style={{ textAlign: 'left', padding: '4px 8px', fontWeight: 500 }}>{rightLabel}</th>
            </tr>
          </thead>
          <tbody>
            {section.rows.map((r, i) => <Row key={i} row={r} />)}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * Side-by-side difference between two versions of the same document, as the server computes it
 * (section by section, plan data and rule set included), with removed text on the left in red and
 * added text on the right in green.
 */
export function VersionDiffModal({ open, versions, initialRight, onClose }: { open: boolean; versions: DraftVersionSummary[]; initialRight?: string; onClose: () => void }) {
  const t = useT(draftStrings);
  const [right, setRight] = useState<string>();
  const [left, setLeft] = useState<string>();
  const [onlyChanged, setOnlyChanged] = useState(true);

  useEffect(() => {
    if (!open) return;
    // Default: the version shown against the one before it.
    const sorted = [...versions].sort((a, b) => b.number - a.number);
    const r = sorted.find((v) => v.id === initialRight) ?? sorted[0];
    const l = sorted.find((v) => v.number < (r?.number ?? 0));
    setRight(r?.id);
    setLeft(l?.id ?? sorted.find((v) => v.id !== r?.id)?.id);
  }, [open, versions, initialRight]);

  const diff = useDraftDiff(right, left);
  const label = (id?: string) => {
    const v = versions.find((x) => x.id === id);
    return v ? `${t('versionOption', { n: v.number })} – ${t(`vstatus.${v.status}` as DraftStringKey)}` : '';
  };
  const options = [...versions].sort((a, b) => a.number - b.number).map((v) => ({ value: v.id, label: label(v.id) }));
  const shown = diff.data?.sections.filter((s) => !onlyChanged || s.status !== 'unchanged') ?? [];

  return (
    <Modal open={open} title={t('diffTitle')} onCancel={onClose} footer={null} width={1200} destroyOnHidden styles={{ body: { maxHeight: '75vh', overflowY: 'auto' } }}>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('diffLeft')}>
          <Select value={left} onChange={setLeft} options={options} style={{ width: 260 }} aria-label={t('diffLeft')} />
        </Form.Item>
        <Form.Item label={t('diffRight')}>
          <Select value={right} onChange={setRight} options={options} style={{ width: 260 }} aria-label={t('diffRight')} />
        </Form.Item>
        <Form.Item label={t('diffOnlyChanged')}>
          <Switch checked={onlyChanged} onChange={setOnlyChanged} aria-label={t('diffOnlyChanged')} />
        </Form.Item>
      </Form>
      {!left || !right || left === right ? (
        <Alert type="info" showIcon title={t('diffPickTwo')} />
      ) : diff.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : diff.isError ? (
        <Alert type="error" showIcon title={diff.error.message} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('diffSummary', { ...diff.data.summary })}</Typography.Paragraph>
          {shown.length ? shown.map((s) => <SectionDiffView key={s.key} section={s} leftLabel={label(left)} rightLabel={label(right)} />) : <Empty description={t('diffSame')} />}
        </>
      )}
    </Modal>
  );
}
