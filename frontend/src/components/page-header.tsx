import { Flex } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Typography } from '@/components/typography';

/** Page title – the page's one level-one heading, also the document title – with actions on the right. */
export function PageHeader({ title, subtitle, extra }: { title: string; subtitle?: ReactNode; extra?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Thi đua – Khen thưởng`;
  }, [title]);
  return (
    <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24, lineHeight: 1.35 }}>{title}</Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && <Flex gap={8} wrap style={{ maxWidth: '100%', minWidth: 0 }}>{extra}</Flex>}
    </Flex>
  );
}
