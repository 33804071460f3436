import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '@/i18n/i18n';
import { paths } from '@/lib/paths';

export function NotFoundPage() {
  const t = useT();
  return <Result status="404" title={<h1 style={{ font: 'inherit', margin: 0 }}>{t('notFound.title')}</h1>} subTitle={t('notFound.body')} extra={<Link to={paths.home.getHref()}><Button type="primary">{t('nav.home')}</Button></Link>} />;
}

export { NotFoundPage as Component };
