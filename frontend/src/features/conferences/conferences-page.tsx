import { PageHeader } from '@/components/page-header';

export function ConferencesPage() {
  return <PageHeader title="ConferencesPage" />;
}

export { ConferencesPage as Component };
