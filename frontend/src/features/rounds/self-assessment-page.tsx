import { Alert, Button, Input, Popconfirm, Space, Tooltip } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { paths } from '@/lib/paths';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useMe } from '@/api/me';
import { useT } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import {
  assessmentKeys, saveSelfScore, useAssessment, useConfirmAssessment, useSubmitAssessment, useWithdrawAssessment,
  type Assessment, type AssessmentRow,
} from './api/assessment';
import { useRound, type Round } from './api/rounds';
import { AssessmentStore } from './assessment-store';
import { CriterionRow, GroupRow, type RowContext } from './criterion-row';
import { roundStrings } from './i18n';
import { lazyDialog } from '@/components/lazy-dialog';
import { StatusBar } from './status-bar';
import { useSummary } from './use-assessment-store';
import './self-assessment.css';

// The return dialog loads when first opened.
const ReturnModal = lazyDialog(() => import('./progress-dialogs').then((m) => m.ReturnModal), () => true);

/** The criteria in reading order; the tree never changes while the page is open, so this renders once. */
const CriteriaList = memo(function CriteriaList({ rows, ctx }: { rows: readonly Pick<AssessmentRow, 'criterionId' | 'type'>[]; ctx: RowContext }) {
  return (
    <div className="sa-list">
      {rows.map((r) => (r.type === 'group' ? <GroupRow key={r.criterionId} id={r.criterionId} ctx={ctx} /> : <CriterionRow key={r.criterionId} id={r.criterionId} ctx={ctx} />))}
    </div>
  );
});

function Notices({ dto, own, overdue, notOpen }: { dto: Assessment; own: boolean; overdue: boolean; notOpen: boolean }) {
  const t = useT(roundStrings);
  const style = { marginBottom: 12 };
  const list = [];
  if (!own) list.push(<Alert key="ro" type="info" showIcon style={style} title={t('notice.readOnly')} />);
  if (dto.status === 'returned' && dto.returnReason) {
    list.push(<Alert key="ret" type="error" showIcon style={style} title={t('notice.returned')} description={<><div data-testid="return-reason">{dto.returnReason}</div>{own && <div>{t('notice.returnedHint')}</div>}</>} />);
  }
  if (dto.status === 'awaiting_confirmation') list.push(<Alert key="aw" type="warning" showIcon style={style} title={dto.permissions.canConfirm ? t('notice.awaitingHead') : t('notice.awaiting')} />);
  if (dto.status === 'submitted' && dto.submittedAt) {
    list.push(<Alert key="sub" type="success" showIcon style={style} title={dto.confirmedByName ? t('notice.submittedBy', { time: formatDateTime(dto.submittedAt), name: dto.confirmedByName }) : t('notice.submitted', { time: formatDateTime(dto.submittedAt) })} />);
  }
  if (dto.status === 'locked') list.push(<Alert key="lock" type="info" showIcon style={style} title={t('notice.locked')} />);
  if (own && notOpen) list.push(<Alert key="open" type="info" showIcon style={style} title={t('notice.notOpen')} />);
  if (own && overdue) list.push(<Alert key="late" type="warning" showIcon style={style} title={t('notice.overdue')} />);
  return <>{list}</>;
}

function Actions({ dto, store, onReturn }: { dto: Assessment; store: AssessmentStore; onReturn: () => void }) {
  const t = useT(roundStrings);
  const { message } = useFeedback();
  const s = useSummary(store);
  const submit = useSubmitAssessment();
  const confirm = useConfirmAssessment();
  const withdraw = useWithdrawAssessment();
  const [reason, setReason] = useState('');
  const p = dto.permissions;
  const target = { roundId: dto.roundId, unitId: dto.unitId };
  const head = p.submitConfirms;
  const blocked = s.totals.unfilled.length > 0 || s.totals.evidenceMissing.length > 0 || s.totals.invalid.length > 0 || s.errors > 0 || s.stale > 0 || s.uploading > 0;

  const doSubmit = async () => {
    await store.flush();
    if (store.summary().errors) return void message.error(t('submitBlocked'));
    try {
      await submit.mutateAsync(target);
      message.success(head ? t('submittedHead') : t('submittedOfficer'));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const run = (m: typeof confirm | typeof withdraw, vars: Parameters<typeof withdraw.mutateAsync>[0], ok: string) =>
    m.mutateAsync(vars).then(() => void message.success(ok)).catch((e: Error) => void message.error(e.message));

  return (
    <>
      {p.canSubmit && (
        <Popconfirm title={head ? t('submitTitleHead') : t('submitTitleOfficer')} description={<div style={{ maxWidth: 320 }}>{head ? t('submitBodyHead') : t('submitBodyOfficer')}</div>}
          okText={t('submit')} cancelText={t('action.cancel')} onConfirm={doSubmit} disabled={blocked}>
          <Tooltip title={blocked ? t('submitBlocked') : undefined}>
            <Button type="primary" disabled={blocked} loading={submit.isPending} aria-label={t('submitLabel')}>{t('submit')}</Button>
          </Tooltip>
        </Popconfirm>
      )}
      {p.canConfirm && (
        <Popconfirm title={t('confirmTitle')} okText={t('confirm')} cancelText={t('action.cancel')} onConfirm={() => run(confirm, target, t('confirmed'))}>
          <Button type="primary" loading={confirm.isPending} aria-label={t('confirmLabel')}>{t('confirm')}</Button>
        </Popconfirm>
      )}
      {p.canWithdraw && (
        <Popconfirm
          title={t('withdrawTitle')}
          description={<Input.TextArea rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('withdrawReason')} aria-label={t('withdrawReason')} style={{ width: 300 }} />}
          okText={t('withdraw')} cancelText={t('action.cancel')} onOpenChange={(o) => o && setReason('')}
          onConfirm={() => run(withdraw, { ...target, reason: reason.trim() || undefined }, t('withdrawn'))}
        >
          <Button loading={withdraw.isPending}>{t('withdraw')}</Button>
        </Popconfirm>
      )}
      {p.canReturn && <Button danger onClick={onReturn}>{t('returnAction')}</Button>}
    </>
  );
}

/** The form itself, over one store for the page's life. */
function AssessmentForm({ dto, round }: { dto: Assessment; round: Round | undefined }) {
  const t = useT(roundStrings);
  const me = useMe();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const [returning, setReturning] = useState(false);
  const { roundId, unitId } = dto;
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const storeRef = useRef<AssessmentStore | null>(null);

  // Refetch the server's view (target scores, completeness, status) once saving has settled.
  const refresh = useCallback(() => {
    clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => {
      if (storeRef.current && !storeRef.current.isSettled()) return refresh();
      void qc.invalidateQueries({ queryKey: assessmentKeys.detail(roundId, unitId) });
    }, 800);
  }, [qc, roundId, unitId]);

  const [store] = useState(() => {
    const s = new AssessmentStore((criterionId, body) => saveSelfScore(roundId, unitId, criterionId, body), {
      onSaved: () => refresh(),
      onRefused: (m) => {
        message.warning(t('refused', { message: m }));
        void qc.invalidateQueries({ queryKey: assessmentKeys.detail(roundId, unitId) });
      },
    });
    s.load(dto);
    return s;
  });
  storeRef.current = store;

  useEffect(() => store.load(dto), [store, dto]);
  // Leaving the page saves what is waiting; closing the tab with unsaved work asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!store.isSettled() || store.summary().errors) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      clearTimeout(refreshTimer.current);
      void store.flush();
    };
  }, [store]);

  const editable = dto.permissions.canEdit;
  const ctx = useMemo<RowContext>(() => ({ store, roundId, unitId, editable, refresh }), [store, roundId, unitId, editable, refresh]);
  // The tree is fixed for the round: keep the first list so the rows render once.
  const [rows] = useState(() => dto.rows.map((r) => ({ criterionId: r.criterionId, type: r.type })));
  const own = me.data?.unitId === unitId;
  const overdue = (dto.status === 'draft' || dto.status === 'returned') && !editable && new Date(dto.deadline).getTime() < Date.now();
  const extended = !!round && dto.deadline !== round.selfAssessmentUntil;

  return (
    <>
      <Notices dto={dto} own={own} overdue={overdue} notOpen={round?.isOpen === false} />
      <StatusBar dto={dto} store={store} extended={extended} actions={<Actions dto={dto} store={store} onReturn={() => setReturning(true)} />} />
      <CriteriaList rows={rows} ctx={ctx} />
      {returning && <ReturnModal roundId={roundId} unitId={unitId} unitName={dto.unitName} onClose={() => setReturning(false)} />}
    </>
  );
}

/**
 * Bản tự chấm of one unit in a round: the criteria tree with each criterion's max and guidance; the entry
 * for its type (a target criterion takes the actual value, its score is computed); explanation and
 * evidence; autosave per criterion with its version; running totals and completeness; submit, the head's
 * confirmation, withdrawal, and the leader's return. Read-only for everyone else allowed to see it.
 */
export function SelfAssessmentPage() {
  const { id: roundId = '', unitId = '' } = useParams();
  const t = useT(roundStrings);
  const assessment = useAssessment(roundId, unitId);
  const round = useRound(roundId);
  const a = assessment.data;
  const r = round.data;
  return (
    <>
      <PageHeader
        title={a ? t('saTitle', { unit: a.unitName }) : t('submitLabel')}
        subtitle={r && t('saSubtitle', { round: r.title, block: r.blockName, year: r.year })}
        extra={<Space><Link to={paths.round.getHref(roundId)}>{t('backToRound')}</Link></Space>}
      />
      <QueryState query={assessment}>{(dto) => <AssessmentForm key={`${roundId}/${unitId}`} dto={dto} round={r} />}</QueryState>
    </>
  );
}

export { SelfAssessmentPage as Component };
