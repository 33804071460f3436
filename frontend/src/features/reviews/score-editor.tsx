import { Alert, Button, Flex, Input, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useEffect, useId, useState } from 'react';
import { ApiError } from '@/api/client';
import { TargetFormula, type TargetFormulaData } from '@/components/target-formula';
import { VisuallyHidden } from '@/components/visually-hidden';
import { useT } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import { staleCurrent, useSaveScore, type AssessmentRow, type ReviewSource, type ScoreRow } from './api/reviews';
import { useDescribeValue, ScoreField } from './criterion-parts';
import { reviewStrings } from './i18n';
import { needsReason, toInput, valueOf, type LeafType, type ScoreValue } from './score';
import { Typography } from '@/components/typography';

const same = (type: LeafType, a: ScoreValue, an: string, b: ScoreValue, bn: string) =>
  JSON.stringify(toInput(type, a, an, 0)) === JSON.stringify(toInput(type, b, bn, 0));

/**
 * One criterion's score of one source (peer review, appraisal or final): the input of the criterion's type,
 * the reason (required when the value differs from the self score), an explicit save with the row's version.
 * A 409 shows the newer row; saving again overwrites it, or the user takes the newer value.
 */
export function ScoreEditor({ row, source, serverRow, serverScore, formula, editable, roundId, unitId, label }: {
  row: AssessmentRow;
  source: ReviewSource;
  serverRow: ScoreRow | null;
  /** The score the server computed for `serverRow` (target criteria), shown when read only. */
  serverScore?: number | null;
  /** Target criteria: how the server scored `serverRow`. */
  formula?: TargetFormulaData | null;
  editable: boolean;
  roundId: string;
  unitId: string;
  label: string;
}) {
  const t = useT(reviewStrings);
  const { message } = useFeedback();
  const describe = useDescribeValue();
  const save = useSaveScore();
  const reasonId = useId();
  const type = row.type as LeafType;

  const [base, setBase] = useState<ScoreRow | null>(serverRow);
  const [value, setValue] = useState<ScoreValue>(() => valueOf(serverRow));
  const [note, setNote] = useState(serverRow?.note ?? '');
  const [version, setVersion] = useState(serverRow?.version ?? 0);
  const [stale, setStale] = useState<{ row: ScoreRow | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState(false);

  const baseValue = valueOf(base);
  const dirty = !same(type, value, note, baseValue, base?.note ?? '');
  const reasonNeeded = needsReason(row, value);

  // A newer row from the server (after a save, or another page's refetch): take it unless the user is editing.
  const serverKey = `${serverRow?.id ?? ''}:${serverRow?.version ?? 0}`;
  useEffect(() => {
    if (dirty) return;
    setBase(serverRow);
    setValue(valueOf(serverRow));
    setNote(serverRow?.note ?? '');
    setVersion(serverRow?.version ?? 0);
  }, [serverKey]);

  if (!editable) {
    return (
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">{label}</Typography.Text>
        <Typography.Text strong>{describe(row, valueOf(serverRow), serverScore ?? undefined)}</Typography.Text>
        {formula && <TargetFormula formula={formula} />}
        {serverRow?.note && <Typography.Text>{t('reason')}: {serverRow.note}</Typography.Text>}
      </Flex>
    );
  }

  const submit = () => {
    setError(null);
    if (reasonNeeded && !note.trim()) {
      setReasonError(true);
      return;
    }
    setReasonError(false);
    save.mutate(
      { roundId, unitId, criterionId: row.criterionId, source, body: toInput(type, value, note, version) },
      {
        onSuccess: ({ row: saved, changed }) => {
          setBase(saved);
          setValue(valueOf(saved));
          setNote(saved.note);
          setVersion(saved.version);
          setStale(null);
          message.success(changed ? t('savedOk', { code: row.code }) : t('unchanged'));
        },
        onError: (e) => {
          const current = staleCurrent<ScoreRow>(e);
          if (current !== undefined) {
            setStale({ row: current });
            if (current) {
              setBase(current);
              setVersion(current.version);
            }
            return;
          }
          if (e instanceof ApiError && e.code === 'reason_required') setReasonError(true);
          setError(e.message);
        },
      },
    );
  };

  const takeNewer = () => {
    const current = stale?.row ?? null;
    setBase(current);
    setValue(valueOf(current));
    setNote(current?.note ?? '');
    setVersion(current?.version ?? 0);
    setStale(null);
  };

  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{label}</Typography.Text>
      <ScoreField row={row} value={value} label={label} formula={formula} onChange={(v) => { setValue(v); setReasonError(false); }} />
      <div>
        <label htmlFor={reasonId}>
          {reasonNeeded && <Typography.Text type="danger" aria-hidden>* </Typography.Text>}
          {t('reason')}
          <VisuallyHidden> – {row.code}. {row.title}</VisuallyHidden>
          {reasonNeeded && <Typography.Text type="secondary"> ({t('reasonRequiredShort')})</Typography.Text>}
        </label>
        <Input.TextArea id={reasonId} rows={2} maxLength={5000} value={note} placeholder={t('reasonPlaceholder')} status={reasonError ? 'error' : undefined}
          onChange={(e) => { setNote(e.target.value); setReasonError(false); }} />
        {reasonError && <Typography.Text type="danger" role="alert">{t('reasonRequired')}</Typography.Text>}
      </div>
      {stale && (
        <Alert type="warning" showIcon
          title={stale.row ? t('stale', { value: describe(row, valueOf(stale.row)), n: stale.row.version }) : t('staleGone')}
          description={stale.row && (
            <Flex vertical gap={4}>
              {stale.row.note && <span>{t('staleNote', { note: stale.row.note })}</span>}
              <span>{t('staleKeep')}</span>
              <Button size="small" onClick={takeNewer} style={{ alignSelf: 'flex-start' }}>{t('staleTake')}</Button>
            </Flex>
          )} />
      )}
      {error && <Alert type="error" showIcon title={error} />}
      <Flex gap={8} align="center" wrap>
        <Button type="primary" onClick={submit} loading={save.isPending} disabled={!dirty && !stale} aria-label={`${t('save')} ${row.code}`}>{t('save')}</Button>
        {dirty ? <Tag color="orange">{t('dirty')}</Tag> : base && base.version > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('savedAt', { time: formatDateTime(base.updatedAt), who: base.updatedByName ?? '' })} · {t('version', { n: base.version })}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}
