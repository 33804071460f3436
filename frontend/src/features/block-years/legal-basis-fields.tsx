import { Button, Flex, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { LazyDatePicker } from '@/components/lazy-date-picker';
import type { Schemas } from '@/api/client';
import { useT } from '@/i18n/i18n';
import { DATE_FORMAT, fromApiDate, toApiDate } from '@/lib/dates';
import { blockYearStrings } from './i18n';
import { Typography } from '@/components/typography';

export type LegalInstrument = Schemas['LegalInstrumentDto'];
export interface LegalInstrumentRow { number: string; date: Dayjs | null; title: string }

export const toFormRows = (list: LegalInstrument[]): LegalInstrumentRow[] => list.map((l) => ({ number: l.number, date: fromApiDate(l.date), title: l.title }));
export const fromFormRows = (rows: LegalInstrumentRow[] = []): LegalInstrument[] =>
  rows.map((r) => ({ number: r.number.trim(), date: toApiDate(r.date) ?? '', title: r.title.trim() }));

/** Editable list of legal instruments (số hiệu, ngày dd/mm/yyyy, trích yếu) under the form field `legalBasis`. */
export function LegalBasisFields() {
  const t = useT(blockYearStrings);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('required', { field }) });
  return (
    <Form.List name="legalBasis">
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 && <Typography.Paragraph type="secondary">{t('noLegalBasis')}</Typography.Paragraph>}
          {fields.length > 0 && (
            <Flex gap={8} style={{ fontWeight: 600, marginBottom: 4 }}>
              <span style={{ width: 170 }}>{t('number')}</span>
              <span style={{ width: 150 }}>{t('date')}</span>
              <span style={{ flex: 1 }}>{t('abstract')}</span>
              <span style={{ width: 32 }} />
            </Flex>
          )}
          {fields.map(({ key, name }, i) => (
            <Flex key={key} gap={8} align="start">
              <Form.Item name={[name, 'number']} rules={[required(t('number')), { max: 64 }]} style={{ width: 170, marginBottom: 8 }}>
                <Input aria-label={`${t('number')} ${i + 1}`} placeholder="06/2022/QH15" />
              </Form.Item>
              <Form.Item name={[name, 'date']} rules={[{ required: true, message: t('required', { field: t('date') }) }]} style={{ width: 150, marginBottom: 8 }}>
                <LazyDatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" aria-label={`${t('date')} ${i + 1}`} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name={[name, 'title']} rules={[required(t('abstract')), { max: 500 }]} style={{ flex: 1, marginBottom: 8 }}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} aria-label={`${t('abstract')} ${i + 1}`} />
              </Form.Item>
              <Button type="text" danger aria-label={`${t('removeInstrument')} ${i + 1}`} title={t('removeInstrument')} onClick={() => remove(name)}>✕</Button>
            </Flex>
          ))}
          <Button type="dashed" onClick={() => add({ number: '', date: null, title: '' })} block>+ {t('addInstrument')}</Button>
        </>
      )}
    </Form.List>
  );
}
