import { Button, Input, Popconfirm, Radio, Tag } from 'antd';
import { useFeedback } from '@/components/feedback';
import { memo, useCallback, useRef, type KeyboardEvent } from 'react';
import { withAwardPoints } from '@thidua/rules';
import { TargetFormula } from '@/components/target-formula';
import { useT } from '@/i18n/i18n';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import { deleteEvidence, evidenceHref, uploadEvidence, type AssessmentRow, type Evidence } from './api/assessment';
import type { AssessmentStore, RowState } from './assessment-store';
import { isAdjustment, leafScore, parseNumber, type RowValue } from './assessment-values';
import { roundStrings } from './i18n';
import { EVIDENCE_ACCEPT, formatBytes, formatTime, MAX_EVIDENCE_BYTES } from './labels';
import { useNodeTotal, useRowState } from './use-assessment-store';
import { Typography } from '@/components/typography';

/** What every row shares; one stable object per page, so rows skip re-rendering when the page does. */
export interface RowContext {
  store: AssessmentStore;
  roundId: string;
  unitId: string;
  editable: boolean;
  /** Something changed on the server (evidence): refetch the assessment soon. */
  refresh: () => void;
}

export const rowDomId = (criterionId: string) => `crit-${criterionId}`;

/** Enter in a score field moves to the next criterion's field, as in a spreadsheet. */
function nextOnEnter(e: KeyboardEvent<HTMLElement>) {
  if (e.key !== 'Enter' || e.shiftKey) return;
  e.preventDefault();
  const all = [...document.querySelectorAll<HTMLElement>('[data-sa-primary]')];
  const i = all.indexOf(e.currentTarget);
  all[i + 1]?.focus();
}

const numberText = (text: string) => {
  const n = parseNumber(text);
  return n === null || Number.isNaN(n) ? text : formatNumber(n);
};

type T = ReturnType<typeof useT<typeof roundStrings.vi>>;

/** A value as text, for read-only views and the "your value" of a stale save. */
function describe(meta: AssessmentRow, v: RowValue, t: T): string {
  switch (meta.type) {
    case 'points':
      return v.score ? numberText(v.score) : t('notEntered');
    case 'pass_fail':
      return v.passed === null ? t('notEntered') : v.passed ? t('pass') : t('fail');
    case 'per_occurrence':
      return v.count ? `${numberText(v.count)} ${t('count').toLowerCase()}` : t('notEntered');
    case 'target':
      return v.actual ? numberText(v.actual) : t('notEntered');
    default: {
      const parts = meta.items.filter((i) => (v.items[i.id] ?? '') !== '').map((i) => `${i.title}: ${numberText(v.items[i.id])}`);
      return parts.length ? parts.join('; ') : t('notEntered');
    }
  }
}

function SaveMark({ s }: { s: RowState }) {
  const t = useT(roundStrings);
  const text = s.save === 'saved' ? t('row.saved', { time: formatTime(s.savedAt) }) : s.save === 'idle' ? '' : t(`row.${s.save}`);
  if (!text) return null;
  const type = s.save === 'error' ? 'danger' : s.save === 'stale' ? 'warning' : s.save === 'saved' ? 'success' : 'secondary';
  return <Typography.Text type={type} className="sa-save" data-save={s.save}>{text}</Typography.Text>;
}

/** The entry for the criterion's type: never a score input for a target criterion. */
function ValueInput({ meta, s, ctx }: { meta: AssessmentRow; s: RowState; ctx: RowContext }) {
  const t = useT(roundStrings);
  const id = meta.criterionId;
  const edit = (patch: Partial<RowValue>) => ctx.store.edit(id, patch);
  const bad: 'error' | undefined = s.invalid || s.unreadable ? 'error' : undefined;
  const score = leafScore(meta, s.value, { score: s.serverScore, actual: s.serverActual });
  const common = { 'data-sa-primary': true, onKeyDown: nextOnEnter, status: bad, inputMode: 'decimal' as const, autoComplete: 'off' };
  switch (meta.type) {
    case 'points':
      return (
        <div className="sa-value">
          <Input {...common} className="sa-number" value={s.value.score} onChange={(e) => edit({ score: e.target.value })} aria-label={t('scoreLabel', { code: meta.code })} suffix={`/ ${formatNumber(meta.max)}`} />
        </div>
      );
    case 'pass_fail':
      return (
        <div className="sa-value">
          <Radio.Group optionType="button" value={s.value.passed} onChange={(e) => edit({ passed: e.target.value as boolean })} aria-label={t('passLabel', { code: meta.code })}
            options={[{ value: true, label: t('pass') }, { value: false, label: t('fail') }]} />
          {score !== undefined && <span className="sa-computed">{t('computed', { score: formatNumber(score) })}</span>}
        </div>
      );
    case 'per_occurrence':
      return (
        <div className="sa-value">
          <Input {...common} inputMode="numeric" className="sa-number" value={s.value.count} onChange={(e) => edit({ count: e.target.value })} aria-label={t('countLabel', { code: meta.code })} suffix={t('count').toLowerCase()} />
          {score !== undefined && <span className="sa-computed" data-testid={`computed-${meta.code}`}>{t('computed', { score: formatNumber(score) })}</span>}
        </div>
      );
    case 'target':
      return (
        <div className="sa-value">
          <span className="sa-label">{t('actual')}</span>
          <Input {...common} className="sa-number" value={s.value.actual} onChange={(e) => edit({ actual: e.target.value })} aria-label={t('actualLabel', { code: meta.code })} suffix={meta.measure || undefined} />
          <TargetScore meta={meta} s={s} score={score} />
        </div>
      );
    default:
      return <AdjustmentItems meta={meta} s={s} ctx={ctx} score={score} />;
  }
}

function TargetScore({ meta, s, score }: { meta: AssessmentRow; s: RowState; score: number | undefined }) {
  const t = useT(roundStrings);
  const entered = (parseNumber(s.value.actual) ?? null) !== null;
  // The server's reasoning for the saved figure, while the field still shows that figure.
  const formula = meta.selfFormula && meta.selfFormula.actual === s.serverActual && parseNumber(s.value.actual) === s.serverActual ? meta.selfFormula : null;
  return (
    <>
      <span className="sa-computed" data-testid={`computed-${meta.code}`}>
        <span className="sa-target">{meta.target === null ? t('noTarget') : t('targetValue', { target: `${formatNumber(meta.target)}${meta.measure ? ` ${meta.measure}` : ''}` })}</span>
        {' · '}
        {score !== undefined ? t('targetScore', { score: formatNumber(score) }) : entered ? t('targetAfterSave') : t('targetNotEntered')}
      </span>
      {formula && <div style={{ flexBasis: '100%' }}><TargetFormula formula={formula} /></div>}
    </>
  );
}

function AdjustmentItems({ meta, s, ctx, score }: { meta: AssessmentRow; s: RowState; ctx: RowContext; score: number | undefined }) {
  const t = useT(roundStrings);
  const bad: 'error' | undefined = s.invalid || s.unreadable ? 'error' : undefined;
  return (
    <div className="sa-items">
      {meta.items.map((item) => (
        <div key={item.id} className="sa-item">
          <span className="sa-item-title">
            {item.title}{' '}
            <Typography.Text type="secondary">({t('itemPoints', { points: formatNumber(item.points) })}{item.cap !== null && `, ${t('itemCap', { cap: formatNumber(item.cap) })}`})</Typography.Text>
          </span>
          {ctx.editable && meta.applicable ? (
            <Input data-sa-primary onKeyDown={nextOnEnter} status={bad} inputMode="numeric" autoComplete="off" className="sa-count" value={s.value.items[item.id] ?? ''}
              onChange={(e) => ctx.store.edit(meta.criterionId, { items: { [item.id]: e.target.value } })} aria-label={t('itemLabel', { item: item.title, code: meta.code })} />
          ) : (
            <span>{numberText(s.value.items[item.id] ?? '') || '0'}</span>
          )}
        </div>
      ))}
      {meta.awardBonuses.map((a) => (
        <div key={a.awardId} className="sa-item">
          <span className="sa-item-title">{a.text}</span>
          <Typography.Text type="secondary">{t('awardAutomatic')}</Typography.Text>
        </div>
      ))}
      <span className="sa-computed">{t(meta.type === 'bonus' ? 'bonusTotal' : 'deductionTotal', { score: formatNumber(withAwards(meta, score ?? 0)) })}</span>
    </div>
  );
}

/** The bonus criterion's points with last year's awards (scored by the server from the award history), capped at its maximum. */
function withAwards(meta: AssessmentRow, declared: number): number {
  return withAwardPoints(declared, meta.awardBonuses.reduce((sum, a) => sum + a.points, 0), meta.max) ?? declared;
}

/** A per-occurrence row counted from published items: the count and score, and each item linked to its public page. */
function AutomaticCount({ meta, s }: { meta: AssessmentRow; s: RowState }) {
  const t = useT(roundStrings);
  const a = meta.automaticCount!;
  const score = leafScore(meta, s.value, { score: s.serverScore, actual: s.serverActual });
  return (
    <div className="sa-value sa-automatic">
      <div>
        <strong>{t(`automatic.${a.source}`, { n: formatNumber(a.count) })}</strong>
        {score !== undefined && <span className="sa-computed" data-testid={`computed-${meta.code}`}>{t('computed', { score: formatNumber(score) })}</span>}
      </div>
      <Typography.Text type="secondary">{t('automaticHint')}</Typography.Text>
      <div role="group" aria-label={`${t('automaticItems')} ${meta.code}`}>
        <span className="sa-evidence-title">{t('automaticItems')}:</span>
        {a.items.length ? (
          <ul className="sa-files">
            {a.items.map((i) => <li key={i.id}><a href={i.publicUrl} target="_blank" rel="noopener noreferrer">{i.title}</a><Typography.Text type="secondary"> · {formatDate(i.publishedAt)}</Typography.Text></li>)}
          </ul>
        ) : <Typography.Text type="secondary"> {t('automaticNone')}</Typography.Text>}
      </div>
    </div>
  );
}

function ReadOnlyValue({ meta, s }: { meta: AssessmentRow; s: RowState }) {
  const t = useT(roundStrings);
  const score = leafScore(meta, s.value, { score: s.serverScore, actual: s.serverActual });
  if (isAdjustment(meta.type)) return null;
  if (meta.type === 'target') {
    return (
      <div className="sa-value">
        <span>{t('actual')}: <strong>{describe(meta, s.value, t)}</strong>{meta.measure && s.value.actual ? ` ${meta.measure}` : ''}</span>
        <TargetScore meta={meta} s={s} score={score} />
      </div>
    );
  }
  return (
    <div className="sa-value">
      <strong>{describe(meta, s.value, t)}</strong>
      {meta.type !== 'points' && score !== undefined && <span className="sa-computed">{t('computed', { score: formatNumber(score) })}</span>}
      {meta.type === 'points' && <Typography.Text type="secondary">/ {formatNumber(meta.max)}</Typography.Text>}
    </div>
  );
}

function EvidenceList({ meta, s, ctx }: { meta: AssessmentRow; s: RowState; ctx: RowContext }) {
  const t = useT(roundStrings);
  const { message } = useFeedback();
  const input = useRef<HTMLInputElement>(null);
  const id = meta.criterionId;
  const files = s.evidence.filter((e) => e.purpose === 'self');
  const declared = !isAdjustment(meta.type) || Object.values(s.value.items).some((x) => (parseNumber(x) ?? 0) > 0);
  // A row counted from published items has those items as its evidence.
  const missing = meta.evidenceRequired && meta.applicable && declared && files.length === 0 && !meta.automaticCount;
  const canUpload = ctx.editable && meta.applicable;

  const onFiles = async (list: FileList | null) => {
    for (const file of Array.from(list ?? [])) {
      if (file.size > MAX_EVIDENCE_BYTES) {
        message.error(t('tooBig', { name: file.name, size: formatBytes(file.size) }));
        continue;
      }
      ctx.store.uploading(id, +1);
      try {
        const e = await uploadEvidence(ctx.roundId, ctx.unitId, id, file);
        ctx.store.addEvidence(id, e);
        message.success(t('uploaded', { name: e.filename }));
      } catch (err) {
        message.error((err as Error).message);
      } finally {
        ctx.store.uploading(id, -1);
      }
    }
    if (input.current) input.current.value = '';
    ctx.refresh();
  };

  const remove = async (e: Evidence) => {
    try {
      await deleteEvidence(e.id);
      ctx.store.removeEvidence(id, e.id);
      message.success(t('deleted'));
      ctx.refresh();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  if (!files.length && !canUpload && !missing) return null;
  return (
    <div className="sa-evidence" aria-label={`${t('evidence')} ${meta.code}`} role="group">
      <span className="sa-evidence-title">{t('evidence')}:</span>
      {missing && <Tag color="red">{t('missingMark')}</Tag>}
      {files.length > 0 && (
        <ul className="sa-files">
          {files.map((e) => (
            <li key={e.id}>
              <a href={evidenceHref(e.id)} target="_blank" rel="noopener noreferrer">{e.filename}</a>
              <Typography.Text type="secondary"> · {formatBytes(e.sizeBytes)} · </Typography.Text>
              <Typography.Text type="secondary" code title={t('shaTitle', { hash: e.sha256 })}>{e.sha256.slice(0, 12)}…</Typography.Text>
              <Typography.Text type="secondary"> · {e.uploadedByName ? `${e.uploadedByName}, ` : ''}{formatDateTime(e.uploadedAt)}</Typography.Text>
              {canUpload && (
                <Popconfirm title={t('deleteConfirm', { name: e.filename })} okText={t('deleteEvidence')} okButtonProps={{ danger: true }} cancelText={t('action.cancel')} onConfirm={() => remove(e)}>
                  <Button type="link" size="small" danger aria-label={t('deleteEvidenceLabel', { name: e.filename })}>{t('deleteEvidence')}</Button>
                </Popconfirm>
              )}
            </li>
          ))}
        </ul>
      )}
      {canUpload && (
        <>
          <input ref={input} type="file" multiple accept={EVIDENCE_ACCEPT} hidden onChange={(e) => void onFiles(e.target.files)} data-testid={`file-${meta.code}`} />
          <Button size="small" loading={s.uploading > 0} onClick={() => input.current?.click()} aria-label={t('uploadLabel', { code: meta.code })} title={t('evidenceHint')}>
            {s.uploading > 0 ? t('uploading') : t('upload')}
          </Button>
        </>
      )}
    </div>
  );
}

function RowMessages({ meta, s, ctx }: { meta: AssessmentRow; s: RowState; ctx: RowContext }) {
  const t = useT(roundStrings);
  if (s.save === 'stale') {
    return (
      <div className="sa-message sa-stale" role="alert">
        <div>{t('stale', { who: s.savedBy ?? t('staleWho'), time: formatTime(s.savedAt) })}</div>
        {s.mine && <div>{t('yourValue', { value: describe(meta, s.mine, t) })}{s.mine.note !== s.value.note && s.mine.note ? ` – "${s.mine.note}"` : ''}</div>}
        {ctx.editable && (
          <div className="sa-message-actions">
            <Button size="small" onClick={() => ctx.store.useMine(meta.criterionId)}>{t('useMine')}</Button>
            <Button size="small" type="link" onClick={() => ctx.store.dismissStale(meta.criterionId)}>{t('keepTheirs')}</Button>
          </div>
        )}
      </div>
    );
  }
  if (s.unreadable) return <div className="sa-message sa-error">{t('notANumber')}</div>;
  if (s.save === 'error' && s.message) {
    return (
      <div className="sa-message sa-error" role="alert">
        {s.message}
        {!s.invalid && ctx.editable && <Button size="small" type="link" onClick={() => ctx.store.retry(meta.criterionId)}>{t('retry')}</Button>}
      </div>
    );
  }
  return null;
}

/** One leaf criterion: its max and guidance, the entry for its type, the explanation, evidence, save state. */
export const CriterionRow = memo(function CriterionRow({ id, ctx }: { id: string; ctx: RowContext }) {
  const t = useT(roundStrings);
  const meta = ctx.store.getMeta(id);
  const s = useRowState(ctx.store, id)!;
  const onNote = useCallback((e: React.ChangeEvent<HTMLTextAreaElement>) => ctx.store.edit(id, { note: e.target.value }), [ctx.store, id]);
  const editable = ctx.editable && meta.applicable;
  return (
    <div id={rowDomId(id)} className={`sa-row${meta.applicable ? '' : ' sa-na'}`} style={{ marginInlineStart: meta.depth * 16 }} role="group" aria-labelledby={`${rowDomId(id)}-title`} data-code={meta.code}>
      <div className="sa-head">
        <span className="sa-code">{meta.code}</span>
        <span className="sa-title" id={`${rowDomId(id)}-title`}>{meta.title}</span>
        <span className="sa-tags">
          {meta.type === 'per_occurrence'
            ? <Tag>{t('perOccurrence', { ppo: formatNumber(meta.pointsPerOccurrence ?? 0), max: formatNumber(meta.max) })}</Tag>
            : <Tag>{t('maxPoints', { max: formatNumber(meta.max) })}</Tag>}
          {meta.automaticCount && <Tag color="blue">{t('automaticTag')}</Tag>}
          {meta.evidenceRequired && <Tag color="orange">{t('evidenceRequired')}</Tag>}
          {!meta.applicable && <Tag>{t('notApplicable')}</Tag>}
        </span>
        <SaveMark s={s} />
      </div>
      {meta.guidance && <div className="sa-guidance">{meta.guidance}</div>}
      {meta.applicable && (
        <div className="sa-body">
          {meta.automaticCount ? <AutomaticCount meta={meta} s={s} /> : editable ? <ValueInput meta={meta} s={s} ctx={ctx} /> : isAdjustment(meta.type) ? <AdjustmentItems meta={meta} s={s} ctx={ctx} score={leafScore(meta, s.value, { score: s.serverScore, actual: s.serverActual })} /> : <ReadOnlyValue meta={meta} s={s} />}
          {editable ? (
            <Input.TextArea className="sa-note" rows={2} value={s.value.note} onChange={onNote} maxLength={5000} placeholder={t('notePlaceholder')} aria-label={t('noteLabel', { code: meta.code })} />
          ) : (
            s.value.note && <div className="sa-note-text">{s.value.note}</div>
          )}
        </div>
      )}
      <RowMessages meta={meta} s={s} ctx={ctx} />
      <EvidenceList meta={meta} s={s} ctx={ctx} />
    </div>
  );
});

/** A group's heading with its running score (re-renders only when that score changes). */
export const GroupRow = memo(function GroupRow({ id, ctx }: { id: string; ctx: RowContext }) {
  const t = useT(roundStrings);
  const meta = ctx.store.getMeta(id);
  const { score, max } = useNodeTotal(ctx.store, id);
  const Heading = meta.depth === 0 ? 'h4' : 'h5';
  return (
    <div id={rowDomId(id)} className={`sa-group sa-depth-${Math.min(meta.depth, 3)}`} style={{ marginInlineStart: meta.depth * 16 }}>
      <Heading className="sa-group-title">
        <span className="sa-code">{meta.code}</span> {meta.title}
      </Heading>
      <span className="sa-group-score" data-testid={`group-${meta.code}`}>{t('groupScore', { score: formatNumber(score), max: formatNumber(max) })}</span>
      {meta.guidance && <div className="sa-guidance">{meta.guidance}</div>}
    </div>
  );
});
