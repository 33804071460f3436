import { Button, Col, Descriptions, Form, Input, Result, Row, Tag, Upload, type UploadFile } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { formatDateTime } from '@/lib/format';
import { useVerifyCovenant, type VerifyResult } from './api/covenants';
import { covenantStrings, type CovenantStringKey } from './i18n';
import { Hash } from './signing';
import { validated } from '@/lib/forms';
import { Typography } from '@/components/typography';

const MAX_BYTES = 20 * 1024 * 1024;
const SHA256 = /^[0-9a-fA-F]{64}$/;

function VerifyResultView({ result }: { result: VerifyResult }) {
  const t = useT(covenantStrings);
  const status = result.inForce ? 'success' : result.matched ? 'warning' : 'error';
  const title = result.inForce ? t('result.inForce') : result.matched ? t('result.notInForce') : t('result.none');
  const c = result.covenant;
  return (
    <Card style={{ marginTop: 16 }}>
      <Result status={status} title={title} subTitle={result.message} style={{ paddingBottom: 8 }} />
      <Descriptions size="small" bordered column={1} styles={{ label: { width: 200 } }}
        items={[
          ...(c ? [
            { key: 'block', label: t('block'), children: `${c.blockName} (${c.blockCode})` },
            { key: 'year', label: t('year'), children: c.year },
            { key: 'no', label: t('number'), children: `${c.docNumber} (${t('versionNo', { n: c.number })})` },
            { key: 'title', label: t('covenantTitle'), children: c.title },
            { key: 'status', label: t('status'), children: <Tag color={c.status === 'in_force' ? 'green' : 'default'}>{t(`status.${c.status}` as CovenantStringKey)}</Tag> },
            ...(c.inForceAt ? [{ key: 'inForce', label: t('inForceAt'), children: formatDateTime(c.inForceAt) }] : []),
            ...(result.matchedBy ? [{ key: 'by', label: t('matchedBy'), children: t(`matchedBy.${result.matchedBy}` as CovenantStringKey) }] : []),
          ] : []),
          { key: 'hash', label: t('checkedHash'), children: <Hash value={result.sha256} /> },
        ]}
      />
    </Card>
  );
}

/**
 * Verifies a covenant document: upload the exported file (kept in the browser until "Kiểm tra") or paste
 * a SHA-256 (of the file, or the content hash printed in its footer); the server says which covenant it
 * matches (block, year, version) and whether that covenant is in force.
 */
export function VerifyPage() {
  const t = useT(covenantStrings);
  const { message } = useFeedback();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [form] = Form.useForm<{ sha256: string }>();
  const verify = useVerifyCovenant();

  const checkFile = () => {
    const raw = file?.originFileObj;
    if (!raw) {
      message.warning(t('noFile'));
      return;
    }
    verify.mutate({ file: raw }, { onError: (e) => message.error(e.message) });
  };

  const checkHash = async () => {
    const v = await validated(form);
    if (!v) return;
    verify.mutate({ sha256: v.sha256.trim().toLowerCase() }, {
      onError: (e) => {
        if (!applyServerErrors(form, e, { sha256: t('sha256') })) message.error(e.message);
      },
    });
  };

  return (
    <>
      <PageHeader title={t('verifyTitle')} subtitle={t('verifySubtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('byFile')} style={{ height: '100%' }}>
            <Upload
              accept=".pdf,application/pdf"
              maxCount={1}
              fileList={file ? [file] : []}
              beforeUpload={(f) => {
                if (f.size > MAX_BYTES) message.error(t('tooLarge'));
                else {
                  setFile({ uid: f.uid, name: f.name, size: f.size, status: 'done', originFileObj: f });
                  verify.reset();
                }
                // Never upload on pick: the file is sent only by the button below.
                return false;
              }}
              onRemove={() => {
                setFile(null);
                verify.reset();
              }}
            >
              <Button>{t('pickFile')}</Button>
            </Upload>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('pickHint')}</Typography.Paragraph>
            <Button type="primary" onClick={checkFile} disabled={!file} loading={verify.isPending && !!verify.variables && 'file' in verify.variables}>{t('check')}</Button>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('byHash')} style={{ height: '100%' }}>
            <Form form={form} layout="vertical" onFinish={checkHash} initialValues={{ sha256: '' }}>
              <Form.Item name="sha256" label={t('sha256')} extra={t('sha256Hint')}
                rules={[{ required: true, message: t('required', { field: t('sha256') }) }, { validator: (_, v: string) => (!v || SHA256.test(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('sha256Invalid')))) }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 3 }} spellCheck={false} style={{ fontFamily: 'monospace' }} onChange={() => verify.reset()} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={verify.isPending && !!verify.variables && 'sha256' in verify.variables}>{t('check')}</Button>
            </Form>
          </Card>
        </Col>
      </Row>
      {verify.data && <VerifyResultView result={verify.data} />}
    </>
  );
}

export { VerifyPage as Component };
