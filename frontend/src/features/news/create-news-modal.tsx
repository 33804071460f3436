import { Form, Input, Modal, Radio } from 'antd';
import { useFeedback } from '@/components/feedback';
import { useNavigate } from 'react-router';
import { paths } from '@/lib/paths';
import { useT } from '@/i18n/i18n';
import { applyServerErrors } from '@/lib/form-errors';
import { runMutation } from '@/lib/mutation';
import { useCreateNews, type NewsKind } from './api/news';
import { newsStrings } from './i18n';

export function CreateModal({ blockYearId, open, onClose }: { blockYearId: string; open: boolean; onClose: () => void }) {
  const t = useT(newsStrings);
  const { message } = useFeedback();
  const navigate = useNavigate();
  const create = useCreateNews();
  const [form] = Form.useForm<{ kind: NewsKind; title: string }>();
  const submit = (v: { kind: NewsKind; title: string }) =>
    runMutation(create, { blockYearId, ...v }, (item) => {
      message.success(t('createdOk'));
      onClose();
      navigate(paths.newsItem.getHref(item.id));
    }, (e) => { if (!applyServerErrors(form, e, { title: t('titleField'), kind: t('kind') })) message.error(e.message); });
  return (
    <Modal open={open} title={t('write')} okText={t('create')} cancelText={t('action.cancel')} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ loading: create.isPending }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'news' }} onFinish={submit}>
        <Form.Item name="kind" label={t('kind')}>
          <Radio.Group options={[{ value: 'news', label: t('kind.news') }, { value: 'story', label: t('kind.story') }]} />
        </Form.Item>
        <Form.Item name="title" label={t('titleField')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('titleField').toLowerCase() }) }]}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
