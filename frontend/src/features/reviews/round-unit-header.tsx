import { Select, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { paths } from '@/lib/paths';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/i18n/i18n';
import { useAssessment, useRound, type Assessment, type Round } from './api/reviews';
import { reviewStrings } from './i18n';

/** Loads the round and the unit's assessment named by the route (`/rounds/:id/units/:unitId/…`), then renders the page. */
export function RoundUnitLoader({ children }: { children: (round: Round, assessment: Assessment) => ReactNode }) {
  const { id = '', unitId = '' } = useParams();
  const round = useRound(id);
  const assessment = useAssessment(id, unitId);
  return (
    <QueryState query={round}>
      {(r) => <QueryState query={assessment}>{(a) => children(r, a)}</QueryState>}
    </QueryState>
  );
}

/**
 * The header of the review, explanation and final pages: the round, its phase, the way back, and (when the
 * user may open more than one unit here) a unit switcher that goes to `hrefOf(unitId)`.
 */
export function RoundUnitHeader({ title, round, unitId, units = [], hrefOf, links, extra }: {
  title: string;
  round: Round;
  unitId: string;
  units?: { value: string; label: string }[];
  hrefOf?: (unitId: string) => string;
  links?: ReactNode;
  extra?: ReactNode;
}) {
  const t = useT(reviewStrings);
  const navigate = useNavigate();
  const switcher = hrefOf && units.length > 1 && (
    <Select aria-label={t('switchUnit')} style={{ minWidth: 'min(260px, 100%)', maxWidth: '100%' }} value={unitId} options={units} onChange={(u: string) => navigate(hrefOf(u))} />
  );
  return (
    <PageHeader
      title={title}
      subtitle={
        <Space wrap size={4}>
          <span>{round.title}</span>
          <Tag color="blue">{round.phaseLabel}</Tag>
          <Link to={paths.round.getHref(round.id)}>{t('backToRound')}</Link>
          {links}
        </Space>
      }
      extra={(switcher || extra) && <>{switcher}{extra}</>}
    />
  );
}
