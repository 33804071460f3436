import { ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import type { ReactNode } from 'react';
import { FeedbackHost } from '@/components/feedback';
import { useLocale } from '@/i18n/i18n';
import { useMediaQuery } from '@/lib/media-query';

dayjs.locale('vi');

/**
 * Colours that read on white at WCAG AA (4.5:1): antd's grey secondary text (#8c8c8c, 3.4:1), its green
 * (#52c41a, 2.3:1) and the status colours are darkened at the root, so no page sets its own (tag text: app-layout.css).
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c', borderRadius: 6, fontSize: 14,
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)', colorTextDescription: 'rgba(0, 0, 0, 0.62)', colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorSuccess: '#237804', colorSuccessText: '#237804', colorSuccessBg: '#f6ffed', colorSuccessBorder: '#b7eb8f',
    colorWarning: '#874d00', colorWarningText: '#874d00', colorWarningBg: '#fffbe6', colorWarningBorder: '#ffe58f',
    colorError: '#c41d1d', colorErrorText: '#a8071a', colorErrorBg: '#fff2f0', colorErrorBorder: '#ffccc7',
    colorInfo: '#0958d9', colorInfoText: '#0958d9', colorInfoBg: '#e6f4ff', colorInfoBorder: '#91caff',
  },
  // A table's "no data" / refusal text is drawn in the disabled grey (#bfbfbf, 1.8:1): it is a message, so it reads like one.
  components: { Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' } },
};

/** The theme for a reader who asked the system to reduce motion (WCAG 2.3.3): no opening or closing animations. */
const stillTheme: ThemeConfig = { ...theme, token: { ...theme.token, motion: false } };

/** The UI kit for the signed-in pages: Vietnamese locale (antd and dayjs), the theme; where `useFeedback()` shows its messages. */
export function KitProvider({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  const reduceMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  return (
    <ConfigProvider locale={locale === 'vi' ? viVN : enUS} theme={reduceMotion ? stillTheme : theme}>
      {children}
      <FeedbackHost />
    </ConfigProvider>
  );
}
