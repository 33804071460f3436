import { PageHeader } from '@/components/page-header';

export function VerifyPage() {
  return <PageHeader title="VerifyPage" />;
}

export { VerifyPage as Component };
