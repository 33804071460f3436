// One file per icon, as the UI kit imports them (the package's index pulls in an ES-only colour module under jest).
import BoldOutlined from '@ant-design/icons/BoldOutlined';
import DisconnectOutlined from '@ant-design/icons/DisconnectOutlined';
import ItalicOutlined from '@ant-design/icons/ItalicOutlined';
import LinkOutlined from '@ant-design/icons/LinkOutlined';
import OrderedListOutlined from '@ant-design/icons/OrderedListOutlined';
import RedoOutlined from '@ant-design/icons/RedoOutlined';
import UndoOutlined from '@ant-design/icons/UndoOutlined';
import UnorderedListOutlined from '@ant-design/icons/UnorderedListOutlined';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Flex, Input, Tooltip } from 'antd';
import { useState, type ReactNode } from 'react';
import { useT } from '@/i18n/i18n';
import { newsStrings, type NewsStringKey } from './i18n';
import './rich-text-editor.css';

/** Links the server keeps (news-html.ts allows http, https and mailto only). */
export const SAFE_LINK = /^(https?:\/\/[^\s<>"]+|mailto:[^\s<>"]+)$/i;

export interface RichTextEditorProps {
  /** Initial HTML (already sanitised by the server); later changes of the prop are ignored, as in an uncontrolled input. */
  value?: string;
  onChange?: (html: string) => void;
  /** Accessible name of the editable area. */
  label: string;
  id?: string;
}

/**
 * The body editor (TipTap): paragraphs, headings (h2, h3), bold, italic, bullet and numbered lists, quotes
 * and http(s)/mailto links: exactly what the server's allow-list keeps, so what the officer sees is what is
 * published. Loaded lazily (only the edit page downloads it).
 */
export default function RichTextEditor({ value, onChange, label, id }: RichTextEditorProps) {
  const t = useT(newsStrings);
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState('');
  const [linkError, setLinkError] = useState(false);
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false, codeBlock: false, horizontalRule: false, strike: false, underline: false, trailingNode: false,
        link: { openOnClick: false, autolink: true, protocols: ['mailto'], HTMLAttributes: { target: null, rel: 'noopener noreferrer nofollow' }, isAllowedUri: (url) => SAFE_LINK.test(url) },
      }),
    ],
    content: value ?? '',
    editorProps: { attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', class: 'news-rte-content', ...(id ? { id } : {}) } },
    onUpdate: ({ editor: e }) => onChange?.(e.isEmpty ? '' : e.getHTML()),
  });
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false, italic: e?.isActive('italic') ?? false, h2: e?.isActive('heading', { level: 2 }) ?? false, h3: e?.isActive('heading', { level: 3 }) ?? false,
      bullet: e?.isActive('bulletList') ?? false, ordered: e?.isActive('orderedList') ?? false, quote: e?.isActive('blockquote') ?? false, link: e?.isActive('link') ?? false,
      canUndo: e?.can().undo() ?? false, canRedo: e?.can().redo() ?? false,
    }),
  });
  if (!editor) return null;
  const chain = () => editor.chain().focus();
  const tool = (key: NewsStringKey, glyph: ReactNode, active: boolean, run: () => void, disabled = false) => (
    <Tooltip title={t(key)} key={key}>
      <Button size="small" type={active ? 'primary' : 'text'} aria-label={t(key)} aria-pressed={active} disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={run}><span aria-hidden className="news-rte-glyph">{glyph}</span></Button>
    </Tooltip>
  );
  const applyLink = () => {
    const url = href.trim();
    if (!SAFE_LINK.test(url)) return setLinkError(true);
    chain().extendMarkRange('link').setLink({ href: url }).run();
    setLinkOpen(false);
    setHref('');
    setLinkError(false);
  };
  return (
    <div className="news-rte">
      <Flex className="news-rte-toolbar" role="toolbar" aria-label={t('rte.toolbar')} gap={2} wrap>
        {tool('rte.bold', <BoldOutlined />, state.bold, () => chain().toggleBold().run())}
        {tool('rte.italic', <ItalicOutlined />, state.italic, () => chain().toggleItalic().run())}
        {tool('rte.h2', 'H2', state.h2, () => chain().toggleHeading({ level: 2 }).run())}
        {tool('rte.h3', 'H3', state.h3, () => chain().toggleHeading({ level: 3 }).run())}
        {tool('rte.bulletList', <UnorderedListOutlined />, state.bullet, () => chain().toggleBulletList().run())}
        {tool('rte.orderedList', <OrderedListOutlined />, state.ordered, () => chain().toggleOrderedList().run())}
        {tool('rte.quote', '❝', state.quote, () => chain().toggleBlockquote().run())}
        {tool('rte.link', <LinkOutlined />, state.link, () => { setHref(editor.getAttributes('link').href ?? ''); setLinkOpen((o) => !o); })}
        {tool('rte.unlink', <DisconnectOutlined />, false, () => chain().extendMarkRange('link').unsetLink().run(), !state.link)}
        {tool('rte.undo', <UndoOutlined />, false, () => chain().undo().run(), !state.canUndo)}
        {tool('rte.redo', <RedoOutlined />, false, () => chain().redo().run(), !state.canRedo)}
      </Flex>
      {linkOpen && (
        <Flex gap={6} wrap className="news-rte-link">
          <Input size="small" aria-label={t('rte.linkAddress')} placeholder="https://" value={href} status={linkError ? 'error' : undefined} style={{ flex: 1, minWidth: 180 }}
            onChange={(e) => { setHref(e.target.value); setLinkError(false); }} onPressEnter={(e) => { e.preventDefault(); applyLink(); }} />
          <Button size="small" type="primary" onClick={applyLink}>{t('rte.linkApply')}</Button>
          {linkError && <span role="alert" className="news-rte-error">{t('rte.linkInvalid')}</span>}
        </Flex>
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
