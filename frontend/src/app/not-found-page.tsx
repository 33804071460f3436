import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '@/i18n/i18n';
import { paths } from './paths';

export function NotFoundPage() {
  const t = useT();
  return <Result status="404" title={t('notFound.title')} subTitle={t('notFound.body')} extra={<Link to={paths.home.getHref()}><Button type="primary">{t('nav.home')}</Button></Link>} />;
}

export { NotFoundPage as Component };
