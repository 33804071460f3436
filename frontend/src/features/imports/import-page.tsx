import { Alert, Button, Checkbox, Col, Row, Space, Statistic, Tag, Upload, type UploadFile } from 'antd';
import { useFeedback } from '@/components/feedback';
import { Card } from '@/components/card';
import { useState } from 'react';
import { DataTable } from '@/components/data-table';
import { PageHeader } from '@/components/page-header';
import { useT } from '@/i18n/i18n';
import { downloadTemplate, useImportWorkbook, type ImportReport, type ImportRow } from './api/imports';
import { importStrings } from './i18n';
import { Typography } from '@/components/typography';

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Import units and accounts from the .xlsx template: download the template, choose a file (kept in
 * the browser until a button is pressed), check it, read the per-row report, then confirm to write it.
 */
export function ImportPage() {
  const t = useT(importStrings);
  const { message } = useFeedback();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [downloading, setDownloading] = useState(false);
  const run = useImportWorkbook();

  const send = (dryRun: boolean, confirm?: string) => {
    const raw = file?.originFileObj;
    if (!raw) {
      message.warning(t('noFile'));
      return;
    }
    run.mutate({ file: raw, dryRun, confirm });
  };

  const getTemplate = async () => {
    setDownloading(true);
    try {
      await downloadTemplate();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={8}>
          <Card title={t('step1')} style={{ height: '100%' }}>
            <Typography.Paragraph>{t('step1Body')}</Typography.Paragraph>
            <Button onClick={getTemplate} loading={downloading}>{t('download')}</Button>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('step2')} style={{ height: '100%' }}>
            <Upload
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              fileList={file ? [file] : []}
              beforeUpload={(f) => {
                if (!/\.xlsx$/i.test(f.name)) message.error(t('notXlsx'));
                else if (f.size > MAX_BYTES) message.error(t('tooLarge'));
                else {
                  setFile({ uid: f.uid, name: f.name, size: f.size, status: 'done', originFileObj: f });
                  run.reset();
                }
                // Never upload on pick: the file is sent only by the buttons below.
                return false;
              }}
              onRemove={() => {
                setFile(null);
                run.reset();
              }}
            >
              <Button>{t('pick')}</Button>
            </Upload>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('pickHint')}</Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('step3')} style={{ height: '100%' }}>
            <Space wrap>
              <Button type="primary" onClick={() => send(true)} disabled={!file} loading={run.isPending && run.variables?.dryRun}>{t('dryRun')}</Button>
            </Space>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('dryRunHint')}<br />{t('runHint')}</Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      {run.isError && <Alert type="error" showIcon title={run.error.message} style={{ marginBottom: 16 }} />}
      {run.data && <ImportReportView report={run.data} onConfirm={() => send(false, run.data.fileSha256)} />}
    </>
  );
}

function ImportReportView({ report, onConfirm }: { report: ImportReport; onConfirm: () => void }) {
  const t = useT(importStrings);
  const { message } = useFeedback();
  const [onlyRejected, setOnlyRejected] = useState(false);
  const withPasswords = report.rows.filter((r) => r.initialPassword);
  const rows = onlyRejected ? report.rows.filter((r) => r.status === 'rejected') : report.rows;
  const okLabel = report.dryRun ? t('status.valid') : t('status.created');
  const skipped = report.units.skipped + report.accounts.skipped;
  const valid = report.units.created + report.accounts.created;

  const copyPasswords = async () => {
    try {
      await navigator.clipboard.writeText(withPasswords.map((r) => `${r.label}\t${r.initialPassword}`).join('\n'));
      message.success(t('copied'));
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Card title={report.dryRun ? t('reportDry') : t('report')}>
      <Alert type={report.dryRun ? 'info' : 'success'} showIcon title={report.dryRun ? t('dryNotice') : t('doneNotice')} style={{ marginBottom: 16 }}
        action={report.dryRun ? <Button type="primary" onClick={onConfirm} disabled={!valid}>{t('run')}</Button> : undefined} />
      {skipped > 0 && <Alert type="warning" showIcon title={t('skippedNotice', { n: skipped })} style={{ marginBottom: 16 }} />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}><Statistic title={report.dryRun ? t('unitsValid') : t('unitsCreated')} value={report.units.created} /></Col>
        <Col xs={12} md={6}><Statistic title={t('unitsRejected')} value={report.units.rejected} styles={{ content: report.units.rejected ? { color: '#cf1322' } : undefined }} /></Col>
        <Col xs={12} md={6}><Statistic title={report.dryRun ? t('accountsValid') : t('accountsCreated')} value={report.accounts.created} /></Col>
        <Col xs={12} md={6}><Statistic title={t('accountsRejected')} value={report.accounts.rejected} styles={{ content: report.accounts.rejected ? { color: '#cf1322' } : undefined }} /></Col>
      </Row>
      {withPasswords.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('passwordsWarning')} description={t('passwordsWarningBody')}
          action={<Button size="small" onClick={copyPasswords}>{t('copyPasswords')}</Button>} />
      )}
      <Checkbox checked={onlyRejected} onChange={(e) => setOnlyRejected(e.target.checked)} style={{ marginBottom: 12 }}>{t('onlyRejected')}</Checkbox>
      <DataTable<ImportRow>
        rowKey={(r) => `${r.sheet}-${r.row}`}
        size="small"
        dataSource={rows}
        locale={{ emptyText: t('noRows') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('sheet'), dataIndex: 'sheet', width: 110, render: (s: ImportRow['sheet']) => t(`sheet.${s}`) },
          { title: t('row'), dataIndex: 'row', width: 70, align: 'right' },
          { title: t('label'), dataIndex: 'label' },
          { title: t('status'), dataIndex: 'status', width: 130, render: (s: ImportRow['status']) => (s === 'created' ? <Tag color="green">{okLabel}</Tag> : s === 'skipped' ? <Tag>{t('status.skipped')}</Tag> : <Tag color="red">{t('status.rejected')}</Tag>) },
          {
            title: t('reasons'), dataIndex: 'errors',
            render: (errors: string[]) => (errors.length
              ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{errors.map((e) => <li key={e}>{e}</li>)}</ul>
              : <Typography.Text type="secondary">—</Typography.Text>),
          },
          {
            title: t('password'), dataIndex: 'initialPassword', width: 200,
            render: (p?: string) => (p ? <Typography.Text code copyable>{p}</Typography.Text> : null),
          },
        ]}
      />
    </Card>
  );
}

export { ImportPage as Component };
