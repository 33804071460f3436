import { Form, Modal, Select } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useState } from 'react';
import { useT } from '@/i18n/i18n';
import { useCiteModels, useUnitModels, type Nominee, type Proposal } from './api/proposals';
import { proposalStrings } from './i18n';
import { searchBy } from '@/lib/search';

/** Picks the nominee unit's register entries (its own, up to the dossier's year) and saves the list. */
export function CiteDialog({ p, n, onClose }: { p: Proposal; n: Nominee; onClose: () => void }) {
  const t = useT(proposalStrings);
  const { message } = useFeedback();
  const models = useUnitModels(n.unitId, true);
  const cite = useCiteModels(p.id);
  const [selected, setSelected] = useState<string[]>(n.models.map((m) => m.id));
  const options = (models.data ?? []).filter((m) => m.year <= p.year).map((m) => ({ value: m.id, label: `${m.name} (${t(`subject.${m.subjectKind}`)}, ${m.year})` }));
  return (
    <Modal open title={t('citeTitle', { unit: n.unitName })} okText={t('citeSave')} cancelText={t('citeCancel')} onCancel={onClose} confirmLoading={cite.isPending}
      onOk={() => cite.mutate({ unitId: n.unitId, modelIds: selected }, { onSuccess: () => { message.success(t('cited')); onClose(); }, onError: (e) => void message.error(e.message) })}>
      <Form layout="vertical">
        <Form.Item label={t('citeField')} extra={t('citeHint', { year: p.year })} htmlFor="cite-models">
          <Select id="cite-models" mode="multiple" loading={models.isLoading} value={selected} onChange={setSelected} options={options} showSearch={searchBy()}
            notFoundContent={models.isLoading ? undefined : t('citeEmpty')} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
