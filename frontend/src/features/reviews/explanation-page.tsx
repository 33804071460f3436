import { Alert, Button, Empty, Flex, Input, Popconfirm, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useEffect, useId, useRef, useState } from 'react';
import { useMe } from '@/api/me';
import { useT } from '@/i18n/i18n';
import { formatDateTime, formatNumber } from '@/lib/format';
import {
  staleCurrent, useDeleteEvidence, useSaveExplanation, useUploadExplanationEvidence,
  type Assessment, type AssessmentRow, type Explanation, type Round, type SourceScore,
} from './api/reviews';
import { CriterionTitle, EvidenceLinks, useDescribeValue } from './criterion-parts';
import { reviewStrings } from './i18n';
import { RoundUnitHeader, RoundUnitLoader } from './round-unit-header';
import { valueOf } from './score';
import { Typography } from '@/components/typography';

/**
 * Giải trình: the unit sees each criterion scored below its self score by a cross-reviewer or the leader,
 * with each source's score and reason, and answers (text and evidence) during the explanation phase.
 */
export function ExplanationPage() {
  return <RoundUnitLoader>{(r, a) => <ExplanationView round={r} assessment={a} />}</RoundUnitLoader>;
}

const PHASE_ORDER = ['self_assessment', 'review', 'explanation', 'final_review', 'finalised'];

function ExplanationView({ round, assessment: a }: { round: Round; assessment: Assessment }) {
  const t = useT(reviewStrings);
  const me = useMe();
  const lowered = a.rows.filter((r) => r.type !== 'group' && r.lowered);
  const editable = a.permissions.canExplain;
  const tooEarly = PHASE_ORDER.indexOf(round.phase) < PHASE_ORDER.indexOf('explanation');
  // Lowered scores are shown to the unit itself, the leader seat and the board; an assigned reviewer sees none.
  const own = me.data?.unitId === a.unitId;
  const visible = own || a.rows.some((r) => r.final !== null);
  return (
    <>
      <RoundUnitHeader title={t('explanationTitle', { unit: a.unitName })} round={round} unitId={a.unitId} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('explanationIntro')} />
      {!editable && !tooEarly && visible && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={round.phase !== 'explanation' ? t('explanationReadOnlyPhase', { phase: round.phaseLabel }) : t('explanationNotOwn')} />}
      {!visible ? (
        <Empty description={t('explanationNotVisible')} />
      ) : tooEarly && !lowered.length ? (
        <Empty description={t('notVisibleYet')} />
      ) : !lowered.length ? (
        <Empty description={t('noLowered')} />
      ) : (
        lowered.map((row) => <LoweredCriterion key={row.criterionId} row={row} editable={editable} roundId={round.id} unitId={a.unitId} />)
      )}
    </>
  );
}

function LoweredCriterion({ row, editable, roundId, unitId }: { row: AssessmentRow; editable: boolean; roundId: string; unitId: string }) {
  const t = useT(reviewStrings);
  const describe = useDescribeValue();
  const others = row.sources.filter((s) => s.source !== 'final');
  return (
    <Card size="small" style={{ marginBottom: 12 }} role="region" aria-label={`${t('criterion')} ${row.code}`} title={<CriterionTitle row={row} />}>
      <Flex vertical gap={12}>
        <div>
          <Typography.Text type="secondary">{t('selfScore')}: </Typography.Text>
          <Typography.Text strong>{describe(row, valueOf(row.self), row.selfScore)}</Typography.Text>
          {row.self?.note && <Typography.Text type="secondary"> – {row.self.note}</Typography.Text>}
        </div>
        <div>
          <Typography.Text type="secondary">{t('loweredBy')}:</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {others.map((s) => <SourceLine key={`${s.source}-${s.scorerUnitId}`} row={row} s={s} />)}
          </ul>
        </div>
        <ExplanationEditor row={row} editable={editable} roundId={roundId} unitId={unitId} />
        <ExplanationEvidence row={row} editable={editable} roundId={roundId} unitId={unitId} />
      </Flex>
    </Card>
  );
}

function SourceLine({ row, s }: { row: AssessmentRow; s: SourceScore }) {
  const t = useT(reviewStrings);
  const describe = useDescribeValue();
  const label = s.source === 'final' ? t('source.final') : t(`source.${s.source}`, { name: s.scorerUnitName });
  return (
    <li>
      <Typography.Text>{label}: </Typography.Text>
      <Typography.Text strong type={s.lowered ? 'danger' : undefined}>{describe(row, valueOf(s.row), s.score)}</Typography.Text>
      {s.lowered && <Tag color="red" style={{ marginLeft: 8 }}>{t('lowered')}</Tag>}
      <div>
        <Typography.Text type="secondary">{t('reason')}: </Typography.Text>
        {s.note ? s.note : <Typography.Text type="secondary">{t('noReason')}</Typography.Text>}
      </div>
    </li>
  );
}

function ExplanationEditor({ row, editable, roundId, unitId }: { row: AssessmentRow; editable: boolean; roundId: string; unitId: string }) {
  const t = useT(reviewStrings);
  const { message } = useFeedback();
  const save = useSaveExplanation();
  const inputId = useId();
  const server = row.explanation;
  const [base, setBase] = useState<Explanation | null>(server);
  const [text, setText] = useState(server?.text ?? '');
  const [version, setVersion] = useState(server?.version ?? 0);
  const [stale, setStale] = useState<Explanation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dirty = text !== (base?.text ?? '');

  useEffect(() => {
    if (dirty) return;
    setBase(server);
    setText(server?.text ?? '');
    setVersion(server?.version ?? 0);
  }, [server?.version]);

  if (!editable) {
    return (
      <div>
        <Typography.Text type="secondary">{t('answer')}: </Typography.Text>
        {server?.text ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{server.text}</Typography.Paragraph> : <Typography.Text type="secondary">{t('noAnswer')}</Typography.Text>}
      </div>
    );
  }

  const submit = () => {
    setError(null);
    save.mutate({ roundId, unitId, criterionId: row.criterionId, text, version }, {
      onSuccess: ({ explanation }) => {
        setBase(explanation);
        setText(explanation.text);
        setVersion(explanation.version);
        setStale(null);
        message.success(t('answerSaved', { code: row.code }));
      },
      onError: (e) => {
        const current = staleCurrent<Explanation>(e);
        if (current) {
          setStale(current);
          setBase(current);
          setVersion(current.version);
          return;
        }
        setError(e.message);
      },
    });
  };

  return (
    <Flex vertical gap={6}>
      <label htmlFor={inputId}><Typography.Text strong>{t('answer')}</Typography.Text></label>
      <Input.TextArea id={inputId} rows={4} maxLength={10000} value={text} placeholder={t('answerPlaceholder')} onChange={(e) => setText(e.target.value)} />
      {stale && (
        <Alert type="warning" showIcon title={t('answerStale', { n: stale.version, text: stale.text })}
          action={<Button size="small" onClick={() => { setText(stale.text); setStale(null); }}>{t('answerTake')}</Button>} />
      )}
      {error && <Alert type="error" showIcon title={error} />}
      <Flex gap={8} align="center" wrap>
        <Button type="primary" onClick={submit} loading={save.isPending} disabled={!dirty} aria-label={`${t('save')} ${row.code}`}>{t('save')}</Button>
        {dirty ? <Tag color="orange">{t('dirty')}</Tag> : base && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>{formatDateTime(base.updatedAt)} · {t('version', { n: base.version })}</Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}

function ExplanationEvidence({ row, editable, roundId, unitId }: { row: AssessmentRow; editable: boolean; roundId: string; unitId: string }) {
  const t = useT(reviewStrings);
  const { message } = useFeedback();
  const uploadFile = useUploadExplanationEvidence();
  const remove = useDeleteEvidence();
  const input = useRef<HTMLInputElement>(null);
  const files = row.evidence.filter((e) => e.purpose === 'explanation');
  const pick = (file: File | undefined) => {
    if (!file) return;
    uploadFile.mutate({ roundId, unitId, criterionId: row.criterionId, file }, {
      onSuccess: (e) => message.success(t('uploadedOk', { name: e.filename })),
      onError: (e) => message.error(e.message),
    });
    if (input.current) input.current.value = '';
  };
  return (
    <div>
      <Typography.Text type="secondary">{t('explanationEvidence')}: </Typography.Text>
      {!files.length && !editable && <Typography.Text type="secondary">{t('noEvidence')}</Typography.Text>}
      {files.map((f) => (
        <Flex key={f.id} gap={8} align="center">
          <EvidenceLinks evidence={[f]} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.sizeBytes < 1024 * 1024 ? `${formatNumber(Math.max(1, Math.round(f.sizeBytes / 1024)))} KB` : `${formatNumber(Math.round(f.sizeBytes / 104857.6) / 10)} MB`}</Typography.Text>
          {editable && (
            <Popconfirm title={t('deleteEvidenceConfirm')} okText={t('delete')} cancelText={t('action.cancel')} okButtonProps={{ danger: true }}
              onConfirm={() => remove.mutate({ id: f.id, roundId, unitId }, { onSuccess: () => message.success(t('deletedOk')), onError: (e) => message.error(e.message) })}>
              <Button size="small" type="text" danger aria-label={t('deleteEvidence', { name: f.filename })}>✕</Button>
            </Popconfirm>
          )}
        </Flex>
      ))}
      {editable && (
        <Flex gap={8} align="center" style={{ marginTop: 4 }}>
          <input ref={input} type="file" hidden aria-label={`${t('uploadEvidence')} ${row.code}`} accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp"
            onChange={(e) => pick(e.target.files?.[0])} />
          <Button size="small" loading={uploadFile.isPending} onClick={() => input.current?.click()}>{t('uploadEvidence')}</Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('uploadHint')}</Typography.Text>
        </Flex>
      )}
    </div>
  );
}

export { ExplanationPage as Component };
