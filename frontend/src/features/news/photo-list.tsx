import { Button, Flex, Image, List, Popconfirm } from 'antd';
import { useT } from '@/i18n/i18n';
import type { NewsItem } from './api/news';
import { newsStrings } from './i18n';
import { Typography } from '@/components/typography';

/** A news item's photos: thumbnail (click to enlarge), caption, alt text; deleting one for an editor. */
export function PhotoList({ item, editable, onDelete }: { item: NewsItem; editable: boolean; onDelete: (photoId: string) => void }) {
  const t = useT(newsStrings);
  return (
    <List dataSource={item.photos} locale={{ emptyText: t('noPhotos') }} renderItem={(p) => (
      <List.Item actions={editable ? [<Popconfirm key="d" title={t('deletePhoto')} onConfirm={() => onDelete(p.id)}><Button danger size="small">{t('deletePhoto')}</Button></Popconfirm>] : []}>
        <Flex gap={12} align="center" wrap>
          <Image src={p.url} alt={p.alt} width={120} />
          <div><div>{p.caption}</div><Typography.Text type="secondary">{p.alt}</Typography.Text></div>
        </Flex>
      </List.Item>
    )} />
  );
}
