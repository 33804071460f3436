import { lazyDialog } from '@/components/lazy-dialog';
import { Card } from '@/components/card';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useT } from '@/i18n/i18n';
import { usePlanProgress } from './api/drafts';
import { DraftDocumentPage, type DraftContext } from './draft-document';
import { draftStrings } from './i18n';
import { PLAN_PART_SECTION, PLAN_PARTS, PlanPartView, PlanProgressCard, type PlanPart } from './plan-parts';

// Dialogs load when first opened.
const PlanPartModal = lazyDialog(() => import('./plan-part-modal').then((m) => m.PlanPartModal), (p) => p.part !== null);

/**
 * Kế hoạch hoạt động của Khối: the shared draft document, plus the plan's structured parts (theme and
 * slogan, activities, movements, commemorations, field trips) printed under their sections and editable
 * in the draft; once adopted, the activities' statuses and the plan's progress.
 */
export function PlanPage() {
  const { id: blockYearId = '' } = useParams();
  const t = useT(draftStrings);
  const progress = usePlanProgress(blockYearId);
  const [editing, setEditing] = useState<PlanPart | null>(null);

  const part = (p: PlanPart, ctx: DraftContext, withTitle = false) => (
    <PlanPartView key={p} part={p} version={ctx.version} progress={progress.data} onEdit={setEditing} withTitle={withTitle} />
  );

  return (
    <DraftDocumentPage
      kind="plan"
      extras={{
        top: () => progress.data && progress.data.total > 0 && (
          <Card size="small" title={t('progressTitle')} style={{ marginBottom: 16 }}>
            <PlanProgressCard progress={progress.data} />
          </Card>
        ),
        underSection: (key, ctx) => {
          const p = PLAN_PARTS.find((x) => PLAN_PART_SECTION[x] === key);
          return p && ctx.version.plan ? part(p, ctx) : null;
        },
        after: (ctx) => {
          const keys = new Set(ctx.version.sections.map((s) => s.key));
          // Parts whose section was removed from the outline are still printed, under their own title.
          const orphans = ctx.version.plan ? PLAN_PARTS.filter((p) => !keys.has(PLAN_PART_SECTION[p])) : [];
          return (
            <>
              {orphans.map((p) => <div key={p} style={{ marginBottom: 24 }}>{part(p, ctx, true)}</div>)}
              {ctx.version.permissions.canEdit && <PlanPartModal part={editing} version={ctx.version} members={ctx.year.members} onClose={() => setEditing(null)} />}
            </>
          );
        },
      }}
    />
  );
}

export { PlanPage as Component };
