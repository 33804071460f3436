import { PageHeader } from '@/components/page-header';

export function PlanPage() {
  return <PageHeader title="PlanPage" />;
}

export { PlanPage as Component };
