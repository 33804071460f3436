import { Tag } from 'antd';
import { useT } from '@/i18n/i18n';
import type { Scheme } from './api/schemes';
import { scoringStrings } from './i18n';

export function StatusTag({ status }: { status: Scheme['status'] }) {
  const t = useT(scoringStrings);
  return <Tag color={status === 'frozen' ? 'purple' : 'blue'}>{t(`status.${status}`)}</Tag>;
}
