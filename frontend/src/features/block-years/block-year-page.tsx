import { PageHeader } from '@/components/page-header';

export function BlockYearPage() {
  return <PageHeader title="BlockYearPage" />;
}

export { BlockYearPage as Component };
