import { Button, Divider, Flex, Form, Input, Modal, Select } from 'antd';
import { useFeedback } from '@/components/feedback';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { LazyDatePicker } from '@/components/lazy-date-picker';
import { ApiError } from '@/api/client';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { useEditMinutes, type Conference, type Minutes, type MinutesContentInput } from '@/api/conferences';
import { conferenceStrings } from './i18n';
import { DATE_TIME_FORMAT, fromApiDateTime, toApiDateTime } from './labels';
import { validated } from '@/lib/forms';
import { Typography } from '@/components/typography';

type Content = Minutes['content'];
type Person = Content['chair'];
interface AttendeeRow { unitName: string; seat: Person['seat']; presence: string; delegate: string }
interface AgendaRow { title: string; presenter: string; material: string; discussion: string; decisions: string }
interface ContentValues {
  title: string;
  startedAt: Dayjs | null;
  endedAt: Dayjs | null;
  place: string;
  chair: Person;
  coChair: Person | null;
  secretary: string;
  guests: string;
  attendees: AttendeeRow[];
  agenda: AgendaRow[];
  conclusion: string;
}

const lines = (text: string | undefined) => (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
const trimPerson = (p: Person): Person => ({ person: (p.person ?? '').trim(), unit: (p.unit ?? '').trim(), seat: p.seat ?? null });

function toValues(c: Content): ContentValues {
  return {
    title: c.title, startedAt: fromApiDateTime(c.startedAt), endedAt: fromApiDateTime(c.endedAt), place: c.place,
    chair: { ...c.chair }, coChair: c.coChair ? { ...c.coChair } : null, secretary: c.secretary, guests: c.guests.join('\n'),
    attendees: c.attendees.map((a) => ({ unitName: a.unitName, seat: a.seat, presence: a.presence ?? '', delegate: a.delegate })),
    agenda: c.agenda.map((a) => ({ title: a.title, presenter: a.presenter, material: a.material ?? '', discussion: a.discussion, decisions: a.decisions.join('\n') })),
    conclusion: c.conclusion,
  };
}

/** The picked time, or the original (to the second) when the minute shown was not changed. */
function pickedTime(picked: Dayjs | null, original: string | null): string | null {
  if (picked && original && dayjs(original).isSame(picked, 'minute')) return original;
  return toApiDateTime(picked);
}

/** The edit of a draft: everything but the quorum, which the server recomputes from the attendees. */
function fromValues(v: ContentValues, original: Content): MinutesContentInput {
  return {
    title: v.title.trim(), startedAt: pickedTime(v.startedAt, original.startedAt) ?? original.startedAt, endedAt: pickedTime(v.endedAt, original.endedAt), place: v.place.trim(),
    chair: trimPerson(v.chair), coChair: v.coChair ? trimPerson(v.coChair) : null, secretary: (v.secretary ?? '').trim(), guests: lines(v.guests),
    attendees: (v.attendees ?? []).map((a) => ({
      unitName: (a.unitName ?? '').trim(), seat: a.seat ?? null, presence: (a.presence || null) as MinutesContentInput['attendees'][number]['presence'], delegate: (a.delegate ?? '').trim(),
    })),
    agenda: (v.agenda ?? []).map((a) => ({
      title: (a.title ?? '').trim(), presenter: (a.presenter ?? '').trim(), material: (a.material ?? '').trim() || null, discussion: a.discussion ?? '', decisions: lines(a.decisions),
    })),
    conclusion: v.conclusion ?? '',
  };
}

/**
 * Edits the draft minutes, sending the version that was read. Field errors from the server show under
 * their fields; a 409 (someone else changed or approved them) is handed to `onError`, which reloads.
 */
export function MinutesForm({ conference, minutes, open, onClose, onError }: {
  conference: Conference; minutes: Minutes; open: boolean; onClose: () => void; onError: (e: Error) => void;
}) {
  const t = useT(conferenceStrings);
  const [form] = Form.useForm<{ content: ContentValues }>();
  const edit = useEditMinutes();
  const { message } = useFeedback();
  const hasCoChair = !!minutes.content.coChair;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ content: toValues(minutes.content) });
  }, [open]); // only when the editor opens

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    edit.mutate({ id: conference.id, version: minutes.version, content: fromValues(v.content, minutes.content) }, {
      onSuccess: () => { message.success(t('minutesSavedOk')); onClose(); },
      onError: (e) => {
        if (e instanceof ApiError && e.status === 409) { onClose(); onError(e); return; }
        if (!applyServerErrors(form, e)) message.error(e.message);
      },
    });
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('required', { field }) });
  const presenceOptions = [
    { value: 'present', label: t('presence.present') }, { value: 'absent', label: t('presence.absent') },
    { value: 'excused', label: t('presence.excused') }, { value: '', label: t('presence.none') },
  ];

  return (
    <Modal open={open} title={t('editMinutesTitle', { number: minutes.number })} onCancel={onClose} onOk={submit} okText={t('action.save')} cancelText={t('action.cancel')}
      confirmLoading={edit.isPending} destroyOnHidden width={960} styles={{ body: { maxHeight: '72vh', overflowY: 'auto', paddingRight: 8 } }}>
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name={['content', 'title']} label={t('name')} rules={[required(t('name')), { max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name={['content', 'startedAt']} label={t('startedAt')} rules={[{ required: true, message: t('required', { field: t('startedAt') }) }]} style={{ flex: '1 1 220px' }}>
            <LazyDatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name={['content', 'endedAt']} label={t('endedAt')} style={{ flex: '1 1 220px' }}>
            <LazyDatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name={['content', 'place']} label={t('place')} rules={[required(t('place')), { max: 500 }]}>
          <Input />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name={['content', 'chair', 'person']} label={t('chair')} rules={[{ max: 255 }]} style={{ flex: '1 1 260px' }}>
            <Input placeholder={t('personHint')} />
          </Form.Item>
          <Form.Item name={['content', 'chair', 'unit']} label={`${t('chair')} – ${t('unit')}`} rules={[required(t('unit')), { max: 255 }]} style={{ flex: '1 1 260px' }}>
            <Input />
          </Form.Item>
          <Form.Item name={['content', 'chair', 'seat']} hidden><Input /></Form.Item>
        </Flex>
        {hasCoChair && (
          <Flex gap={12} wrap>
            <Form.Item name={['content', 'coChair', 'person']} label={t('coChair')} rules={[{ max: 255 }]} style={{ flex: '1 1 260px' }}>
              <Input />
            </Form.Item>
            <Form.Item name={['content', 'coChair', 'unit']} label={`${t('coChair')} – ${t('unit')}`} rules={[required(t('unit')), { max: 255 }]} style={{ flex: '1 1 260px' }}>
              <Input />
            </Form.Item>
            <Form.Item name={['content', 'coChair', 'seat']} hidden><Input /></Form.Item>
          </Flex>
        )}
        <Form.Item name={['content', 'secretary']} label={t('secretary')} rules={[{ max: 255 }]}>
          <Input />
        </Form.Item>
        <Form.Item name={['content', 'guests']} label={t('guests')} extra={t('guestsHint')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} />
        </Form.Item>

        <Divider titlePlacement="start">{t('attendees')}</Divider>
        <Form.List name={['content', 'attendees']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }, i) => (
                <Flex key={key} gap={8} align="start" wrap>
                  <Form.Item name={[name, 'unitName']} rules={[required(t('unit')), { max: 255 }]} style={{ flex: '2 1 260px', marginBottom: 8 }}>
                    <Input aria-label={`${t('unit')} ${i + 1}`} />
                  </Form.Item>
                  <Form.Item name={[name, 'seat']} hidden><Input /></Form.Item>
                  <Form.Item name={[name, 'presence']} style={{ flex: '0 1 170px', marginBottom: 8 }}>
                    <Select aria-label={`${t('presence')} ${i + 1}`} options={presenceOptions} />
                  </Form.Item>
                  <Form.Item name={[name, 'delegate']} rules={[{ max: 255 }]} style={{ flex: '2 1 240px', marginBottom: 8 }}>
                    <Input aria-label={`${t('delegate')} ${i + 1}`} placeholder={t('delegate')} />
                  </Form.Item>
                  <Button type="text" danger aria-label={`${t('remove')} ${t('unit').toLowerCase()} ${i + 1}`} onClick={() => remove(name)}>✕</Button>
                </Flex>
              ))}
              <Button type="dashed" onClick={() => add({ unitName: '', seat: null, presence: 'present', delegate: '' })}>+ {t('addAttendee')}</Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('contents')}</Divider>
        <Form.List name={['content', 'agenda']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }, i) => (
                <div key={key} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 12, marginBottom: 12 }}>
                  <Flex justify="space-between" align="center">
                    <Typography.Text strong>{i + 1}.</Typography.Text>
                    <Button type="text" danger size="small" aria-label={`${t('remove')} ${t('itemTitle').toLowerCase()} ${i + 1}`} onClick={() => remove(name)}>✕</Button>
                  </Flex>
                  <Form.Item name={[name, 'title']} label={t('itemTitle')} rules={[required(t('itemTitle')), { max: 500 }]} style={{ marginBottom: 8 }}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} aria-label={`${t('itemTitle')} ${i + 1}`} />
                  </Form.Item>
                  <Flex gap={8} wrap>
                    <Form.Item name={[name, 'presenter']} label={t('presenter')} rules={[{ max: 255 }]} style={{ flex: '1 1 260px', marginBottom: 8 }}>
                      <Input aria-label={`${t('presenter')} ${i + 1}`} />
                    </Form.Item>
                    <Form.Item name={[name, 'material']} label={t('material')} rules={[{ max: 500 }]} style={{ flex: '1 1 260px', marginBottom: 8 }}>
                      <Input aria-label={`${t('material')} ${i + 1}`} />
                    </Form.Item>
                  </Flex>
                  <Form.Item name={[name, 'discussion']} label={t('discussion')} style={{ marginBottom: 8 }}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} aria-label={`${t('discussion')} ${i + 1}`} />
                  </Form.Item>
                  <Form.Item name={[name, 'decisions']} label={t('decisions')} extra={t('decisionsHint')} style={{ marginBottom: 0 }}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} aria-label={`${t('decisions')} ${i + 1}`} />
                  </Form.Item>
                </div>
              ))}
              <Button type="dashed" onClick={() => add({ title: '', presenter: '', material: '', discussion: '', decisions: '' })}>+ {t('addAgendaEntry')}</Button>
            </>
          )}
        </Form.List>

        <Divider />
        <Form.Item name={['content', 'conclusion']} label={t('conclusion')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
