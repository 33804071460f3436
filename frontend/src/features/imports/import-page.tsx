import { PageHeader } from '@/components/page-header';

export function ImportPage() {
  return <PageHeader title="ImportPage" />;
}

export { ImportPage as Component };
