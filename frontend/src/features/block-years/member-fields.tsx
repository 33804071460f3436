import { Col, Form, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useUnitOptions } from '@/api/units';
import { useT } from '@/i18n/i18n';
import { sortByVi } from '@/lib/format';
import { blockYearStrings } from './i18n';
import { searchBy } from '@/lib/search';

/**
 * Member units (multi-select) and the leader and deputy seats, chosen among the selected members.
 * `known`: units already in the year (kept selectable even if archived meanwhile).
 */
export function MemberFields({ year, blockId, known = [] }: { year?: number; blockId?: string; known?: { unitId: string; name: string }[] }) {
  const t = useT(blockYearStrings);
  const form = Form.useFormInstance();
  const units = useUnitOptions();
  const members: string[] = Form.useWatch('memberUnitIds', form) ?? [];
  const leader: string | undefined = Form.useWatch('leaderUnitId', form);

  const options = sortByVi(units.data?.items ?? [], (u) => u.name).map((u) => {
    const m = u.latestMembership;
    // A unit already in another block that year cannot join this one (the server refuses it too).
    const elsewhere = m && year && m.year === year && m.blockId !== blockId ? ` — ${t('inOtherBlock', { block: m.blockName, year: m.year })}` : '';
    return { value: u.id, label: `${u.name}${elsewhere}`, name: u.name };
  });
  for (const k of known) if (!options.some((o) => o.value === k.unitId)) options.push({ value: k.unitId, label: k.name, name: k.name });
  const nameOf = (id: string) => options.find((o) => o.value === id)?.name ?? id;
  const seatOptions = members.map((id) => ({ value: id, label: nameOf(id) }));

  // A seat must stay among the members: drop it when its unit is removed.
  useEffect(() => {
    for (const f of ['leaderUnitId', 'deputyUnitId'] as const) {
      const v = form.getFieldValue(f);
      if (v && !members.includes(v)) form.setFieldValue(f, undefined);
    }
  }, [members, form]);

  return (
    <>
      <Form.Item name="memberUnitIds" label={t('members')} extra={t('membersHint')} rules={[{ required: true, type: 'array', min: 1, message: t('required', { field: t('members') }) }]}>
        <Select mode="multiple" options={options} loading={units.isPending} placeholder={t('membersPlaceholder')} showSearch={searchBy()} allowClear />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="leaderUnitId" label={t('leader')} extra={t('seatHint')}>
            <Select options={seatOptions} allowClear placeholder={t('seatPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="deputyUnitId" label={t('deputy')} dependencies={['leaderUnitId']}
            rules={[{ validator: (_, v?: string) => (!v || v !== form.getFieldValue('leaderUnitId') ? Promise.resolve() : Promise.reject(new Error(t('deputyDifferent')))) }]}>
            <Select options={seatOptions.filter((o) => o.value !== leader)} allowClear placeholder={t('seatPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
