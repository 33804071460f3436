import { useState } from 'react';
import { lazyDialog } from '@/components/lazy-dialog';
import { DraftDocumentPage } from './draft-document';
import { RuleSetPart } from './rule-set-part';

// Dialogs load when first opened.
const RuleSetModal = lazyDialog(() => import('./rule-set-modal').then((m) => m.RuleSetModal), (p) => p.open);

/**
 * Quy chế hoạt động và bình xét thi đua: the shared draft document, plus the machine-readable rule set
 * of the version shown, in plain Vietnamese, editable in the draft (adopting the rules makes it the
 * block year's rule set).
 */
export function RulesPage() {
  const [editing, setEditing] = useState(false);
  return (
    <DraftDocumentPage
      kind="rules"
      extras={{
        after: ({ version, year }) => (
          <>
            <RuleSetPart version={version} members={year.members.length} onEdit={() => setEditing(true)} />
            {version.permissions.canEdit && <RuleSetModal open={editing} version={version} onClose={() => setEditing(false)} />}
          </>
        ),
      }}
    />
  );
}

export { RulesPage as Component };
