import { PageHeader } from '@/components/page-header';

export function UnitsPage() {
  return <PageHeader title="UnitsPage" />;
}

export { UnitsPage as Component };
