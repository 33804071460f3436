import { PageHeader } from '@/components/page-header';

export function ConferenceModePage() {
  return <PageHeader title="ConferenceModePage" />;
}

export { ConferenceModePage as Component };
