import { Flex, Tooltip } from 'antd';
import { useT } from '@/i18n/i18n';
import type { Attendance, Quorum } from '@/api/conferences';
import { conferenceStrings } from './i18n';
import { quorumVars } from './labels';
import { Typography } from '@/components/typography';

/**
 * The live quorum, big enough for a projector: "Có mặt 4/5 – đủ điều kiện (cần 4, tỷ lệ 2/3)" on green,
 * or the same on red when the meeting may not decide yet; one box per member unit below.
 */
export function QuorumIndicator({ quorum, attendance, large, live = true }: { quorum: Quorum; attendance: Attendance[]; large?: boolean; live?: boolean }) {
  const t = useT(conferenceStrings);
  const met = quorum.met;
  const color = met ? '#237804' : '#a8071a';
  return (
    <section
      role="status"
      aria-live="polite"
      aria-label={t('quorumTitle')}
      data-quorum={met ? 'met' : 'not-met'}
      style={{ background: met ? '#f6ffed' : '#fff1f0', border: `3px solid ${met ? '#52c41a' : '#ff4d4f'}`, borderRadius: 12, padding: '16px 24px', marginBottom: 16 }}
    >
      <Flex justify="space-between" align="center" wrap gap={16}>
        <div>
          <Typography.Text style={{ textTransform: 'uppercase', letterSpacing: 1, color }}>{t('quorumTitle')}</Typography.Text>
          <div style={{ fontSize: large ? 44 : 32, fontWeight: 700, lineHeight: 1.25, color }}>
            {t(met ? 'quorumMet' : 'quorumNotMet', quorumVars(quorum))}
          </div>
          {live && <Typography.Text type="secondary">{t('quorumUpdating')}</Typography.Text>}
        </div>
        <Flex gap={6} wrap aria-hidden style={{ maxWidth: 560 }}>
          {attendance.map((a) => (
            <Tooltip key={a.unitId} title={`${a.unitName}: ${a.presence ? t(`presence.${a.presence}`) : t('presence.none')}`}>
              <span style={{
                borderRadius: 16, padding: large ? '6px 14px' : '3px 10px', fontSize: large ? 16 : 13, fontWeight: 600,
                color: a.presence === 'present' ? '#fff' : '#595959',
                background: a.presence === 'present' ? '#237804' : a.presence === 'excused' ? '#fff7e6' : a.presence === 'absent' ? '#fff1f0' : '#f5f5f5',
                border: `1px solid ${a.presence === 'present' ? '#135200' : '#d9d9d9'}`,
              }}>
                {a.presence === 'present' ? '✓ ' : ''}{a.unitShortName || a.unitName}
              </span>
            </Tooltip>
          ))}
        </Flex>
      </Flex>
    </section>
  );
}
