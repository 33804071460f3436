import { PageHeader } from '@/components/page-header';

export function CovenantPage() {
  return <PageHeader title="CovenantPage" />;
}

export { CovenantPage as Component };
