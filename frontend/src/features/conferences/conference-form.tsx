import { Button, Flex, Form, Input, Modal, Select } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef } from 'react';
import { LazyDatePicker } from '@/components/lazy-date-picker';
import { ApiError } from '@/api/client';
import type { BlockYear } from '@/api/block-years';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { sortByVi } from '@/lib/format';
import { conferenceKeys, useCreateConference, useUpdateConference, type Conference, type ConferenceKind } from '@/api/conferences';
import { conferenceStrings } from './i18n';
import { BOARD_GUEST, CONFERENCE_KINDS, DATE_TIME_FORMAT, defaultConferenceTitle, fromApiDateTime, toApiDateTime } from './labels';
import { validated } from '@/lib/forms';
import { searchBy } from '@/lib/search';
import { Typography } from '@/components/typography';

interface Guest { name: string; title: string; organization: string }
interface Values {
  kind: ConferenceKind;
  title: string;
  startsAt: Dayjs | null;
  endsAt: Dayjs | null;
  place: string;
  chairUnitId?: string;
  coChairUnitId?: string | null;
  chairName: string;
  coChairName: string;
  secretaryName: string;
  guests: Guest[];
}

/**
 * Creates a conference of a block year (every member unit is invited by the server) or edits one that
 * has not ended. Chair and co-chair default to the leader and deputy units. The server's per-field
 * reasons (e.g. the end before the start) appear under the fields.
 */
export function ConferenceForm({ open, year, conference, onClose, onCreated }: {
  open: boolean;
  year: Pick<BlockYear, 'id' | 'year' | 'members' | 'leaderUnitId' | 'deputyUnitId'>;
  conference?: Conference;
  onClose: () => void;
  onCreated?: (c: Conference) => void;
}) {
  const t = useT(conferenceStrings);
  const [form] = Form.useForm<Values>();
  const create = useCreateConference();
  const update = useUpdateConference();
  const qc = useQueryClient();
  const { message, modal } = useFeedback();
  const saving = create.isPending || update.isPending;

  const defaultTitle = (kind: ConferenceKind) => defaultConferenceTitle(kind, year.year);
  // The version the form was filled from: a refetch meanwhile must not hide someone else's change.
  const openedVersion = useRef(conference?.version);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    openedVersion.current = conference?.version;
    if (conference) {
      form.setFieldsValue({
        kind: conference.kind, title: conference.title, startsAt: fromApiDateTime(conference.startsAt), endsAt: fromApiDateTime(conference.endsAt), place: conference.place,
        chairUnitId: conference.chairUnitId, coChairUnitId: conference.coChairUnitId, chairName: conference.chairName, coChairName: conference.coChairName,
        secretaryName: conference.secretaryName, guests: conference.guests.map((g) => ({ ...g })),
      });
    } else {
      form.setFieldsValue({
        kind: 'launch', title: defaultTitle('launch'), startsAt: null, endsAt: null, place: '',
        chairUnitId: year.leaderUnitId ?? undefined, coChairUnitId: year.deputyUnitId ?? null, chairName: '', coChairName: '', secretaryName: '', guests: [],
      });
    }
  }, [open, conference?.id]); // only when the form opens

  const onKindChange = (kind: ConferenceKind) => {
    const current = form.getFieldValue('title') as string;
    const isDefault = !current || CONFERENCE_KINDS.some((k) => defaultTitle(k) === current);
    if (!conference && isDefault) form.setFieldValue('title', defaultTitle(kind));
  };

  const labels: Record<string, string> = {
    kind: t('kind'), title: t('name'), startsAt: t('startsAt'), endsAt: t('endsAt'), place: t('place'), chairUnitId: t('chairUnit'), coChairUnitId: t('coChairUnit'),
    chairName: t('chairName'), coChairName: t('coChairName'), secretaryName: t('secretaryName'),
  };

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    const body = {
      kind: v.kind, title: v.title.trim(), startsAt: toApiDateTime(v.startsAt)!, endsAt: toApiDateTime(v.endsAt), place: v.place.trim(),
      chairUnitId: v.chairUnitId, coChairUnitId: v.coChairUnitId ?? null,
      chairName: v.chairName?.trim() ?? '', coChairName: v.coChairName?.trim() ?? '', secretaryName: v.secretaryName?.trim() ?? '',
      guests: (v.guests ?? []).map((g) => ({ name: g.name?.trim() ?? '', title: g.title?.trim() ?? '', organization: g.organization?.trim() ?? '' })),
    };
    const onError = (e: Error) => {
      if (e instanceof ApiError && e.code === 'stale_version' && conference) {
        onClose();
        void qc.invalidateQueries({ queryKey: conferenceKeys.one(conference.id) });
        modal.warning({ title: t('editTitle'), content: e.message });
        return;
      }
      if (!applyServerErrors(form, e, labels)) message.error(e.message);
    };
    if (conference) {
      update.mutate({ id: conference.id, body: { ...body, version: openedVersion.current ?? conference.version } }, {
        onSuccess: () => { message.success(t('savedOk')); onClose(); },
        onError,
      });
    } else {
      create.mutate({ blockYearId: year.id, ...body }, {
        onSuccess: (c) => { message.success(t('createdOk')); onClose(); onCreated?.(c); },
        onError,
      });
    }
  };

  const unitOptions = sortByVi(year.members, (m) => m.name).map((m) => ({ value: m.unitId, label: m.name }));
  const required = (field: string) => ({ required: true, whitespace: true, message: t('required', { field }) });

  return (
    <Modal open={open} title={conference ? t('editTitle') : t('createTitle')} onCancel={onClose} onOk={submit} okText={t('action.save')} cancelText={t('action.cancel')}
      confirmLoading={saving} destroyOnHidden width={820} styles={{ body: { maxHeight: '72vh', overflowY: 'auto', paddingRight: 8 } }}>
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="kind" label={t('kind')} rules={[{ required: true, message: t('required', { field: t('kind') }) }]}>
          <Select options={CONFERENCE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} onChange={onKindChange} />
        </Form.Item>
        <Form.Item name="title" label={t('name')} rules={[required(t('name')), { max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="startsAt" label={t('startsAt')} rules={[{ required: true, message: t('required', { field: t('startsAt') }) }]} style={{ flex: '1 1 220px' }}>
            <LazyDatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={DATE_TIME_FORMAT} placeholder={t('dateTimePlaceholder')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="endsAt" label={t('endsAt')} style={{ flex: '1 1 220px' }}>
            <LazyDatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={DATE_TIME_FORMAT} placeholder={t('dateTimePlaceholder')} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="place" label={t('place')} rules={[required(t('place')), { max: 500 }]}>
          <Input />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="chairUnitId" label={t('chairUnit')} rules={[{ required: true, message: t('required', { field: t('chairUnit') }) }]} style={{ flex: '1 1 300px' }}>
            <Select options={unitOptions} showSearch={searchBy()} />
          </Form.Item>
          <Form.Item name="coChairUnitId" label={t('coChairUnit')} style={{ flex: '1 1 300px' }}>
            <Select options={unitOptions} allowClear placeholder={t('noCoChair')} showSearch={searchBy()} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="chairName" label={t('chairName')} rules={[{ max: 255 }]} style={{ flex: '1 1 240px' }}>
            <Input placeholder={t('personHint')} />
          </Form.Item>
          <Form.Item name="coChairName" label={t('coChairName')} rules={[{ max: 255 }]} style={{ flex: '1 1 240px' }}>
            <Input />
          </Form.Item>
          <Form.Item name="secretaryName" label={t('secretaryName')} rules={[{ max: 255 }]} style={{ flex: '1 1 240px' }}>
            <Input />
          </Form.Item>
        </Flex>
        <GuestFields />
      </Form>
    </Modal>
  );
}

/** Guests (e.g. the representative of the city's commendation board): name, title, organisation. */
function GuestFields() {
  const t = useT(conferenceStrings);
  return (
    <Form.List name="guests">
      {(fields, { add, remove }) => (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 8 }}>{t('guests')}</legend>
          {fields.length === 0 && <Typography.Paragraph type="secondary">{t('noGuests')}</Typography.Paragraph>}
          {fields.map(({ key, name }, i) => (
            <Flex key={key} gap={8} align="start" wrap>
              <Form.Item name={[name, 'name']} rules={[{ required: true, whitespace: true, message: t('required', { field: t('guestName') }) }, { max: 255 }]} style={{ flex: '1 1 180px', marginBottom: 8 }}>
                <Input aria-label={`${t('guestName')} ${i + 1}`} placeholder={t('guestName')} />
              </Form.Item>
              <Form.Item name={[name, 'title']} rules={[{ max: 255 }]} style={{ flex: '1 1 220px', marginBottom: 8 }}>
                <Input aria-label={`${t('guestTitle')} ${i + 1}`} placeholder={t('guestTitle')} />
              </Form.Item>
              <Form.Item name={[name, 'organization']} rules={[{ max: 255 }]} style={{ flex: '1 1 220px', marginBottom: 8 }}>
                <Input aria-label={`${t('guestOrganization')} ${i + 1}`} placeholder={t('guestOrganization')} />
              </Form.Item>
              <Button type="text" danger aria-label={`${t('removeGuest')} ${i + 1}`} title={t('removeGuest')} onClick={() => remove(name)}>✕</Button>
            </Flex>
          ))}
          <Flex gap={8} wrap>
            <Button type="dashed" onClick={() => add({ name: '', title: '', organization: '' })}>+ {t('addGuest')}</Button>
            <Button type="dashed" onClick={() => add({ ...BOARD_GUEST })}>+ {t('addBoardGuest')}</Button>
          </Flex>
        </fieldset>
      )}
    </Form.List>
  );
}
