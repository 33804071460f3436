import { Descriptions } from 'antd';
import { useT } from '@/i18n/i18n';
import { formatDateTime } from '@/lib/format';
import type { SeatSuggestion } from './api/ballots';
import { ballotStrings } from './i18n';
import { Typography } from '@/components/typography';

/** This year's seats, next year's suggestion by rotation and, once recorded, the conference's election. */
export function SeatsSummary({ seats: s }: { seats: SeatSuggestion }) {
  const t = useT(ballotStrings);
  const pair = (x: { leaderUnitName: string | null; deputyUnitName: string | null }) => `${t('leader')}: ${x.leaderUnitName ?? t('none')} · ${t('deputy')}: ${x.deputyUnitName ?? t('none')}`;
  return (
    <Descriptions size="small" column={1} style={{ marginBottom: 12 }} items={[
      { key: 'cur', label: t('currentSeats'), children: pair(s.current) },
      { key: 'sug', label: t('suggestedSeats'), children: (
        <>
          {pair(s.suggestion)}
          {s.suggestion.notes.map((n) => <div key={n}><Typography.Text type="secondary">{n}</Typography.Text></div>)}
        </>
      ) },
      ...(s.election ? [{
        key: 'el', label: t('electedSeats'), children: (
          <>
            <strong>{pair(s.election)}</strong>
            <div><Typography.Text type="secondary">
              {t('decidedAt', { time: formatDateTime(s.election.decidedAt), name: s.election.decidedByName ?? '', present: s.election.presentCount, members: s.election.memberCount })}
            </Typography.Text></div>
            {s.election.note && <div>{s.election.note}</div>}
          </>
        ),
      }] : []),
      { key: 'rot', label: t('rotation'), children: (s.election?.rotationOrder ?? s.rotationOrder).map((u, i) => `${i + 1}. ${u.name}`).join(' → ') },
    ]} />
  );
}
