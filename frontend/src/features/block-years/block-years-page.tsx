import { PageHeader } from '@/components/page-header';

export function BlockYearsPage() {
  return <PageHeader title="BlockYearsPage" />;
}

export { BlockYearsPage as Component };
