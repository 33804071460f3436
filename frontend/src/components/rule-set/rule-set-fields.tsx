import { Col, Flex, Form, InputNumber, Row, Select, Space } from 'antd';
import { AWARD_CODES, TIE_BREAKS } from '@thidua/rules';
import { useT } from '@/i18n/i18n';
import { ruleSetStrings } from './i18n';
import { Typography } from '@/components/typography';

/** Form fields for a rule set, under the form field `rules` (the API's names, so server errors land on them). */
export function RuleSetFields() {
  const t = useT(ruleSetStrings);
  const int = (min: number, max: number) => [{ required: true, message: t('valueRequired') }, { type: 'number' as const, min, max }];
  return (
    <>
      <Form.Item label={t('edit.quorum')} required style={{ marginBottom: 0 }}>
        <Space align="start">
          <Form.Item name={['rules', 'quorumNumerator']} rules={int(1, 100)}>
            <InputNumber min={1} max={100} precision={0} aria-label={t('edit.quorumNumerator')} style={{ width: 80 }} />
          </Form.Item>
          <span style={{ lineHeight: '32px' }}>/</span>
          <Form.Item name={['rules', 'quorumDenominator']} dependencies={[['rules', 'quorumNumerator']]}
            rules={[...int(1, 100), ({ getFieldValue }) => ({
              validator: (_, d?: number) => (d === undefined || d === null || (getFieldValue(['rules', 'quorumNumerator']) ?? 0) <= d ? Promise.resolve() : Promise.reject(new Error(t('edit.quorumInvalid')))),
            })]}>
            <InputNumber min={1} max={100} precision={0} aria-label={t('edit.quorumDenominator')} style={{ width: 80 }} />
          </Form.Item>
          <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>{t('edit.base.members')}</Typography.Text>
        </Space>
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Form.Item name={['rules', 'voteThresholdPercent']} label={t('edit.threshold')} rules={int(1, 100)}>
            <InputNumber min={1} max={100} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name={['rules', 'voteThresholdBase']} label={t('edit.thresholdBase')} rules={[{ required: true }]}>
            <Select options={(['members', 'present'] as const).map((v) => ({ value: v, label: t(`edit.base.${v}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('rule.quotas')} required style={{ marginBottom: 8 }}>
        {AWARD_CODES.map((a) => (
          <Flex key={a} gap={8} align="start" wrap>
            <span style={{ width: 290, lineHeight: '32px' }}>{t(`award.${a}`)}</span>
            <Form.Item name={['rules', 'quotas', a, 'value']} rules={int(0, 100)} style={{ marginBottom: 8 }}>
              <InputNumber min={0} max={100} precision={0} aria-label={`${t(`award.${a}`)}: ${t('edit.quotaValue')}`} style={{ width: 90 }} />
            </Form.Item>
            <Form.Item name={['rules', 'quotas', a, 'kind']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
              <Select aria-label={`${t(`award.${a}`)}: ${t('edit.quotaKind')}`} style={{ width: 210 }}
                options={(['count', 'percent'] as const).map((k) => ({ value: k, label: t(`edit.quotaKind.${k}`) }))} />
            </Form.Item>
          </Flex>
        ))}
      </Form.Item>
      <Form.Item name={['rules', 'tieBreakChain']} label={t('edit.tieBreak')} extra={t('edit.tieBreakHint')}>
        <Select mode="multiple" options={TIE_BREAKS.map((k) => ({ value: k, label: t(`tie.${k}`) }))} />
      </Form.Item>
      <Form.Item name={['rules', 'finalScoreRule']} label={t('edit.finalScore')} rules={[{ required: true }]}>
        <Select options={(['leader_appraisal', 'peer_median'] as const).map((k) => ({ value: k, label: t(`text.final.${k}`) }))} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name={['rules', 'reviewsPerUnit']} label={t('edit.reviews')} rules={int(0, 10)}>
            <InputNumber min={0} max={10} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['rules', 'scoringScaleMax']} label={t('edit.scale')} rules={int(1, 100000)}>
            <InputNumber min={1} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['rules', 'divergencePercent']} label={t('edit.divergence')} rules={int(0, 100)}>
            <InputNumber min={0} max={100} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['rules', 'reminderDaysBefore']} label={t('edit.reminder')} rules={[{ type: 'number' as const, min: 0, max: 30 }]} extra={t('edit.reminderHelp')}>
            <InputNumber min={0} max={30} precision={0} placeholder="3" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
