import { PageHeader } from '@/components/page-header';

export function ConferencePage() {
  return <PageHeader title="ConferencePage" />;
}

export { ConferencePage as Component };
